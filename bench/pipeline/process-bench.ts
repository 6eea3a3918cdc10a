/**
 * processDocument alone on one core: the per-article CPU cost of extraction + analysis, the
 * pipeline's bottleneck. Generates the same stream as run.ts (as the JSONL reader hands it over:
 * text format with title, source, date and language hints), warms up, then times each stage
 * separately and together. The printed fingerprint (a hash of every result) must not change
 * when the code is made faster; the peer in the same run is extraction alone.
 *
 *   node --import tsx bench/pipeline/process-bench.ts --count 1000
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/pipeline/process-bench.ts
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { cleanFlattenedText } from '../../src/clean/clean-text.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import type { Article } from '../../src/model/index.js';
import { createDefaultAnalyse } from '../../src/pipeline/default-analyse.js';
import { processDocument } from '../../src/pipeline/process-document.js';
import { generateStream } from './generate-stream.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } },
});
const count = Number(values.count);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);
const docs = [...generateStream({ count: count + warmup })];
const measured = docs.slice(warmup);
const analyse = createDefaultAnalyse();
for (const doc of docs.slice(0, warmup)) processDocument(doc, analyse);

const hash = createHash('sha256');
// The article and its analysis (the grouper's text features and the content hash are derived from them).
for (const doc of measured) {
  const processed = processDocument(doc, analyse);
  hash.update(JSON.stringify(processed.ok ? { ok: true, article: processed.article, analysis: processed.analysis } : processed));
}
const fingerprint = hash.digest('hex').slice(0, 16);

/** Best of `rounds`, in CPU milliseconds per article (this process's CPU time, so other work on
 * the shared machine inflates it less than wall time would). */
function best(run: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return fastest / measured.length;
}

const whole = best(() => {
  for (const doc of measured) processDocument(doc, analyse);
});
const extractOnly = best(() => {
  for (const doc of measured) extractArticle(doc);
});
const cleanOnly = best(() => {
  for (const doc of measured) cleanFlattenedText(doc.content as string);
});
const articles: Article[] = measured.map((doc) => extractArticle(doc));
const analyseOnly = best(() => {
  for (const article of articles) analyse(article);
});
const row = (name: string, ms: number): string => `${name.padEnd(20)} ${ms.toFixed(3).padStart(8)} ms  ${(1000 / ms).toFixed(0).padStart(6)}/s`;
console.log(`processDocument on one core: ${measured.length} generated ~600-word articles, best of ${rounds}, CPU ms per article`);
console.log(row('processDocument', whole));
console.log(row('extract (peer)', extractOnly));
console.log(row('  of which clean', cleanOnly));
console.log(row('analyse', analyseOnly));
console.log(`fingerprint ${fingerprint}`);
