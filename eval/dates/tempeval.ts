/**
 * @module TempEval-3 (TimeBank + AQUAINT, TimeML) evaluation of time expressions.
 *
 * Gold: TIMEX3 elements inside <TEXT>, offsets in the tag-stripped text; the DCT is the anchor.
 * Relaxed span match: one-to-one, any character overlap (TempEval-3 "relaxed"). Value F1, as
 * TempEval-3 and HeidelTime report it: value precision = relaxed matches with the exact gold value
 * / predictions, value recall = the same / gold, F1 of the two. Value accuracy of matched spans is
 * printed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalysisContext, type AnalysisContext } from '../../src/analyse/analysis-context.js';
import { belowFloors, readFloors } from '../baseline-gate.js';
import { findTimeExpressions } from '../../src/analyse/dates.js';
import { halfOf, type Half } from '../holdout-split.js';

interface GoldTimex { start: number; end: number; value: string; type: string; text: string }

export function parseTimeml(xml: string): { text: string; dct: string | null; timexes: GoldTimex[] } {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; value: string; type: string } | null = null;
  const re = /<(\/?)(\w+)([^>]*)>|([^<]+)/g;
  for (const m of body.matchAll(re)) {
    if (m[4] !== undefined) { text += m[4].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"); continue; }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      if (open) timexes.push({ start: open.start, end: text.length, value: open.value, type: open.type, text: text.slice(open.start) });
      open = null;
    } else {
      open = { start: text.length, value: /value="([^"]*)"/.exec(m[3]!)?.[1] ?? '', type: /type="([^"]*)"/.exec(m[3]!)?.[1] ?? '' };
    }
  }
  return { text, dct, timexes };
}

export interface DateScores {
  docs: number; gold: number; predicted: number; matched: number;
  relaxedP: number; relaxedR: number; relaxedF1: number;
  valueCorrect: number; valueAccuracy: number; valueF1: number;
}

export interface DateEvalResult extends DateScores {
  /** The same figures on the tuned half (even SHA-1 of the file name) and on the held-out half. */
  halves: Record<Half, DateScores>;
  worst: Array<{ doc: string; kind: string; text: string; gold?: string; got?: string | null }>;
}

interface DocTally { docs: number; gold: number; predicted: number; matched: number; valueCorrect: number }

function scores(t: DocTally): DateScores {
  const relaxedP = t.predicted ? t.matched / t.predicted : 0;
  const relaxedR = t.gold ? t.matched / t.gold : 0;
  const vp = t.predicted ? t.valueCorrect / t.predicted : 0;
  const vr = t.gold ? t.valueCorrect / t.gold : 0;
  return {
    ...t, relaxedP, relaxedR,
    relaxedF1: relaxedP + relaxedR ? (2 * relaxedP * relaxedR) / (relaxedP + relaxedR) : 0,
    valueAccuracy: t.matched ? t.valueCorrect / t.matched : 0, valueF1: vp + vr ? (2 * vp * vr) / (vp + vr) : 0,
  };
}

export function evaluateDates(dir: string, context: AnalysisContext, options: { limit?: number } = {}): DateEvalResult {
  const files: string[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    try { for (const f of readdirSync(join(dir, sub))) if (f.endsWith('.tml')) files.push(join(dir, sub, f)); } catch { /* absent part */ }
  }
  files.sort();
  const chosen = files.slice(0, options.limit ?? Infinity);
  const empty = (): DocTally => ({ docs: 0, gold: 0, predicted: 0, matched: 0, valueCorrect: 0 });
  const all = empty();
  const halves: Record<Half, DocTally> = { tuned: empty(), heldOut: empty() };
  const worst: DateEvalResult['worst'] = [];
  for (const f of chosen) {
    const name = f.split('/').pop()!;
    const half = halfOf(name.replace(/\.tml$/, ''));
    // Errors are listed from the tuned half only: the held-out half is not read to choose rules.
    const worstOfDoc: DateEvalResult['worst'] = half === 'tuned' ? worst : [];
    const { text, dct, timexes } = parseTimeml(readFileSync(f, 'utf8'));
    const preds = findTimeExpressions(text, dct, { chrono: context.chrono });
    const doc: DocTally = { docs: 1, gold: timexes.length, predicted: preds.length, matched: 0, valueCorrect: 0 };
    const used = new Set<number>();
    for (const g of timexes) {
      const i = preds.findIndex((p, k) => !used.has(k) && p.start < g.end && g.start < p.end);
      if (i < 0) { worstOfDoc.push({ doc: name, kind: 'missed', text: g.text, gold: g.value }); continue; }
      used.add(i);
      doc.matched++;
      if (preds[i]!.value === g.value) doc.valueCorrect++;
      else worstOfDoc.push({ doc: name, kind: 'value', text: `${g.text} / ${preds[i]!.text}`, gold: g.value, got: preds[i]!.value });
    }
    preds.forEach((p, k) => { if (!used.has(k)) worstOfDoc.push({ doc: name, kind: 'spurious', text: p.text, got: p.value }); });
    for (const t of [all, halves[half]]) for (const k of Object.keys(doc) as Array<keyof DocTally>) t[k] += doc[k];
  }
  return { ...scores(all), halves: { tuned: scores(halves.tuned), heldOut: scores(halves.heldOut) }, worst };
}

/** Prints the table and worst cases; exit code 1 below the floors in eval/baseline-analyse.json. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string', default: '/work/shared/data/dates/tempeval3-train' }, limit: { type: 'string' }, worst: { type: 'string', default: '12' } } });
  const r = evaluateDates(values.data!, createAnalysisContext(), { limit: values.limit ? Number(values.limit) : undefined });
  console.log('TempEval-3 (TimeBank + AQUAINT). Relaxed = one-to-one, any overlap. Value F1 as TempEval-3/HeidelTime:');
  console.log('matched spans with the exact gold value over predictions (P) and over gold (R); value accuracy = of matched spans.');
  const row = (x: DateScores): Record<string, number | string> => ({ docs: x.docs, gold: x.gold, predicted: x.predicted, matched: x.matched, relaxedP: x.relaxedP.toFixed(3), relaxedR: x.relaxedR.toFixed(3), relaxedF1: x.relaxedF1.toFixed(3), valueAccuracy: x.valueAccuracy.toFixed(3), valueF1: x.valueF1.toFixed(3) });
  console.log('Rules are tuned on the tuned half (even SHA-1 of the file name); the held-out half confirms them.');
  console.table({ all: row(r), tuned: row(r.halves.tuned), 'held-out': row(r.halves.heldOut) });
  for (const kind of ['missed', 'spurious', 'value']) {
    console.log(`Worst (${kind}, tuned half):`);
    for (const w of r.worst.filter((x) => x.kind === kind).slice(0, Number(values.worst))) console.log(`  ${w.doc}: ${w.text}  gold=${w.gold ?? ''} got=${w.got ?? ''}`);
  }
  const failures = belowFloors('dates', { relaxedF1: r.relaxedF1, valueF1: r.valueF1 }, readFloors());
  for (const f of failures) console.error(f);
  return failures.length ? 1 : 0;
}
