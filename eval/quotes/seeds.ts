/**
 * @module Checks the analysis on the real seed articles (/work/shared/seeds): the speakers, the
 * resolved date and the figures the story depends on. Run: npx tsx eval/quotes/seeds.ts [DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseArticle } from '../../src/analyse/analyse-article.js';
import { createAnalysisContext } from '../../src/analyse/analysis-context.js';
import type { Analysis } from '../../src/model/analysis.js';

interface Check { file: string; what: string; ok: (a: Analysis) => boolean }

// Whitespace normalised: 001's page puts no-break spaces between some words.
const quoteBy = (start: string, speaker: string) => (a: Analysis): boolean => a.quotes.some((q) => q.text.replace(/\s+/g, ' ').includes(start) && q.speaker === speaker);

const CHECKS: Check[] = [
  { file: '000', what: '"We see no room for compromise" -> Sergei Lavrov', ok: quoteBy('We see no room for compromise', 'Sergei Lavrov') },
  { file: '001', what: '"We see no room for compromise" -> Sergei Lavrov', ok: quoteBy('We see no room for compromise', 'Sergei Lavrov') },
  { file: '001', what: 'Macron "in an address to the nation Wednesday again said" (no commas) -> Emmanuel Macron', ok: quoteBy('European troops could be sent to Ukraine', 'Emmanuel Macron') },
  { file: '001', what: 'the "He said" after it -> Emmanuel Macron', ok: quoteBy('a meeting would take place', 'Emmanuel Macron') },
  { file: '003', what: '"This could lead to a direct military confrontation" -> Maria V. Zakharova', ok: quoteBy('This could lead to a direct military confrontation', 'Maria V. Zakharova') },
  { file: '003', what: '"what we would like to do in a week" -> Zelensky', ok: (a) => a.quotes.some((q) => q.text.includes('what we would like to do in a week') && /Zelensky/.test(q.speaker ?? '')) },
  { file: '004', what: '"Ukraine is sovereign" -> Emmanuel Macron', ok: quoteBy('Ukraine is sovereign', 'Emmanuel Macron') },
  { file: '000', what: 'the source close to Macron is not Macron', ok: (a) => a.quotes.some((q) => q.text.startsWith('France will host talks') && q.speaker !== 'Emmanuel Macron') },
  { file: '000', what: 'meeting "on Tuesday" -> 2025-03-11', ok: (a) => a.dates.some((d) => d.text === 'Tuesday' && d.value === '2025-03-11') },
  { file: '001', what: 'meeting "on Tuesday" -> 2025-03-11', ok: (a) => a.dates.some((d) => d.text === 'Tuesday' && d.value === '2025-03-11') },
  { file: '002', what: '€2 billion -> 2e9 EUR, exact', ok: (a) => a.figures.some((f) => f.value === 2e9 && f.unit === 'EUR' && f.precision === 'exact') },
  { file: '002', what: '31 countries -> 31 countries, exact', ok: (a) => a.figures.some((f) => f.value === 31 && f.unit === 'countries' && f.precision === 'exact') },
  { file: '004', what: 'several thousand troops -> 3,000-9,000 troops, vague', ok: (a) => a.figures.some((f) => f.unit === 'troops' && f.precision === 'vague' && f.low === 3000 && f.high === 9000) },
  { file: '004', what: 'approximately 30 leaders -> about 30 leaders', ok: (a) => a.figures.some((f) => f.value === 30 && f.unit === 'leaders' && f.precision === 'approximate') },
];

export async function run(argv: string[]): Promise<number> {
  const dir = argv[0] ?? '/work/shared/seeds';
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const ctx = createAnalysisContext();
  const cache = new Map<string, Analysis>();
  let failed = 0;
  for (const c of CHECKS) {
    const file = files.find((f) => f.startsWith(c.file));
    if (!file) { console.log(`SKIP ${c.file}: ${c.what}`); continue; }
    // The seeds are from 2025-03-06 (only 001 carries the date line, which the text source strips).
    const a = cache.get(file) ?? analyseArticle({ text: readFileSync(join(dir, file), 'utf8'), published: '2025-03-06' }, ctx);
    cache.set(file, a);
    const ok = c.ok(a);
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.file}: ${c.what}`);
  }
  console.log(`${CHECKS.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) run(process.argv.slice(2)).then((c) => { process.exitCode = c; });
