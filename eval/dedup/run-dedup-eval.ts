/**
 * @module Near-duplicate folding evaluation: a syndication corpus generated from the extraction
 * ground-truth bodies (see syndication-corpus.ts) goes through the grouper in arrival order; each
 * article's predicted group is its root original (duplicateOf, else itself). Pairwise precision,
 * recall, F1 and ARI against the generated groups, on the whole corpus and on its two halves (even
 * groups were used while tuning, odd groups were not). Exit code 1 under eval/baseline-grouping.json.
 */
import { readFile } from 'node:fs/promises';
import { pairwiseScores } from './pairwise-scores.js';
import type { PairwiseScores } from './pairwise-scores.js';
import { generateCorpus, readBodies } from './syndication-corpus.js';
import type { CorpusDoc } from './syndication-corpus.js';
import { createGrouper } from '../../src/cluster/create-grouper.js';
import type { GrouperOptions } from '../../src/cluster/create-grouper.js';
import { emptyAnalysis } from '../../src/model/analysis.js';
import type { GroupingInput } from '../../src/model/grouping.js';

export interface DedupEvalOptions {
  dataDir?: string;
  /** Base bodies that get copies (default 300). */
  limit?: number;
  seed?: number;
  grouper?: GrouperOptions;
  baselineFile?: string;
  log?: (line: string) => void;
}

export const defaultExtractionDir = '/work/shared/data/extraction';

function toInput(doc: CorpusDoc): GroupingInput {
  return {
    id: doc.id,
    seenAt: doc.seenAt,
    analysis: emptyAnalysis(),
    article: {
      externalId: null,
      path: null,
      url: null,
      source: doc.source,
      author: null,
      title: doc.title,
      text: doc.text,
      published: doc.published,
      modified: null,
      language: 'en',
    },
  };
}

export interface FoldOutcome {
  docs: CorpusDoc[];
  predicted: number[];
  docsPerSecond: number;
}

export function foldCorpus(docs: CorpusDoc[], options: GrouperOptions = {}): FoldOutcome {
  const grouper = createGrouper(options);
  const predicted: number[] = [];
  const indexOf = new Map<number, number>();
  const started = performance.now();
  for (const doc of docs) {
    const input = toInput(doc);
    const placement = grouper.decide(input);
    grouper.apply(input, placement);
    indexOf.set(doc.id, predicted.length);
    predicted.push(placement.duplicateOf ?? doc.id);
    // As the store does: copies stored before their original are re-pointed at it.
    for (const r of placement.refolded ?? []) predicted[indexOf.get(r.id)!] = r.duplicateOf;
  }
  return { docs, predicted, docsPerSecond: docs.length / ((performance.now() - started) / 1000) };
}

function subset(outcome: FoldOutcome, keep: (d: CorpusDoc) => boolean): PairwiseScores {
  const idx = outcome.docs.map((d, i) => (keep(d) ? i : -1)).filter((i) => i >= 0);
  return pairwiseScores(
    idx.map((i) => outcome.predicted[i]!),
    idx.map((i) => outcome.docs[i]!.group),
  );
}

export async function runDedupEval(options: DedupEvalOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = options.dataDir ?? defaultExtractionDir;
  const seed = options.seed ?? 20250306;
  const bodies = await readBodies(dataDir);
  const bases = Math.min(options.limit ?? 300, Math.floor((bodies.length - 20) / 2));
  const docs = generateCorpus(bodies, { seed, bases, unrelated: bodies.length - 20 - bases });
  const outcome = foldCorpus(docs, options.grouper);
  const all = subset(outcome, () => true);
  const tuned = subset(outcome, (d) => d.group % 2 === 0);
  const held = subset(outcome, (d) => d.group % 2 === 1);

  const count = (kind: CorpusDoc['kind']): number => docs.filter((d) => d.kind === kind).length;
  log(`Near-duplicate folding, generated syndication corpus (bodies from ${dataDir}, seed ${seed})`);
  log(`${docs.length} articles: ${count('original')} originals, ${count('copy')} copies, ${count('rewrite')} rewrites, ${count('unrelated')} unrelated; ${outcome.docsPerSecond.toFixed(0)} articles/s through the grouper`);
  log('| split | pairwise precision | pairwise recall | F1 | ARI |');
  log('|---|---|---|---|---|');
  for (const [name, s] of [['all', all], ['tuned (even groups)', tuned], ['held out (odd groups)', held]] as const) {
    log(`| ${name} | ${s.precision.toFixed(4)} | ${s.recall.toFixed(4)} | ${s.f1.toFixed(4)} | ${s.ari.toFixed(4)} |`);
  }

  // Recall by edit: share of copies whose predicted group is their original's.
  const rootOfGroup = new Map<number, number>();
  docs.forEach((d, i) => {
    if (d.kind === 'original') rootOfGroup.set(d.group, outcome.predicted[i]!);
  });
  const byEdit = new Map<string, { folded: number; total: number }>();
  const missed: string[] = [];
  docs.forEach((d, i) => {
    if (d.kind !== 'copy') return;
    const ok = outcome.predicted[i] === rootOfGroup.get(d.group);
    for (const e of d.edits) {
      const s = byEdit.get(e) ?? { folded: 0, total: 0 };
      s.total++;
      if (ok) s.folded++;
      byEdit.set(e, s);
    }
    if (!ok && missed.length < 5) missed.push(`copy ${d.id} [${d.edits.join(', ')}] of group ${d.group}, predicted root ${outcome.predicted[i]}`);
  });
  log('| edit | copies | folded onto their original |');
  log('|---|---|---|');
  for (const [e, s] of [...byEdit].sort()) log(`| ${e} | ${s.total} | ${(s.folded / s.total).toFixed(3)} |`);
  const wrong: string[] = [];
  const groupOfId = new Map(docs.map((d) => [d.id, d.group]));
  docs.forEach((d, i) => {
    const root = outcome.predicted[i]!;
    if (root !== d.id && groupOfId.get(root) !== d.group && wrong.length < 5) {
      wrong.push(`${d.kind} ${d.id} (group ${d.group}) folded onto ${root} (group ${groupOfId.get(root)})`);
    }
  });
  log(`Worst cases: ${wrong.length === 0 ? 'no false fold' : ''}`);
  for (const w of wrong) log(`  false fold: ${w}`);
  for (const m of missed) log(`  missed: ${m}`);

  const baseline = JSON.parse(
    await readFile(options.baselineFile ?? new URL('../baseline-grouping.json', import.meta.url), 'utf8'),
  ) as { dedup: { precision: number; recall: number } };
  if (options.limit === undefined && (all.precision < baseline.dedup.precision || all.recall < baseline.dedup.recall)) {
    log(`FAIL: under the floors (precision ${baseline.dedup.precision}, recall ${baseline.dedup.recall})`);
    return 1;
  }
  return 0;
}
