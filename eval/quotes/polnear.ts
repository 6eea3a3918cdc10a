/**
 * @module PolNeAR evaluation of direct-quote spans and quote -> speaker pairs.
 *
 * Definition of "direct": a Content fragment (BRAT discontinuous spans are split at ';') whose
 * text, trimmed, starts with an opening quote mark (" “ ‘ « or '') and ends with a closing one (" ” ’ » or '').
 * Its span is compared without the marks and surrounding spaces, exactly, to each predicted direct
 * quote piece (our pieces exclude the marks). Exact-span P/R/F1 over fragments, micro-averaged.
 * Speaker pairs: a gold pair is a direct fragment plus the Source span of its attribution. A
 * predicted pair (direct piece + local source mention) is correct when the piece matches a gold
 * fragment exactly and its source mention overlaps that fragment's gold Source span. Predictions
 * are ranked by confidence; we report recall at the loosest threshold with precision >= 0.90.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalysisContext, type AnalysisContext } from '../../src/analyse/analysis-context.js';
import { belowFloors, readFloors } from '../baseline-gate.js';
import { findEntities } from '../../src/analyse/entities.js';
import { findQuotes } from '../../src/analyse/quotes.js';
import { tokenize } from '../../src/analyse/text-tokens.js';
import { halfOf, type Half } from '../holdout-split.js';

interface Span { start: number; end: number }
interface GoldFragment extends Span { source: Span[] | null; doc: string }

// Two apostrophes stand for a double quote mark in some archives (the NYT texts: ''...'').
const OPEN = /^(?:''|["“‘«])/;
const CLOSE = /(?:''|["”’»])$/;

export function parseAnn(ann: string, text: string): GoldFragment[] {
  const spans = new Map<string, { type: string; parts: Span[] }>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [type, ...rest] = cols[1]!.split(' ');
      const parts = rest.join(' ').split(';').map((p) => { const [a, b] = p.split(' ').map(Number); return { start: a!, end: b! }; });
      spans.set(cols[0]!, { type: type!, parts });
    } else if (line.startsWith('E') && cols.length >= 2) {
      const roles: Record<string, string> = {};
      for (const kv of cols[1]!.split(' ')) { const [k, v] = kv.split(':'); if (k && v) roles[k.replace(/\d+$/, '')] = v; }
      events.push(roles);
    }
  }
  const sourceOf = new Map<string, Span[]>();
  for (const e of events) if (e.Content && e.Source) sourceOf.set(e.Content, spans.get(e.Source)?.parts ?? []);
  const out: GoldFragment[] = [];
  for (const [id, s] of spans) {
    if (s.type !== 'Content') continue;
    for (const p of s.parts) {
      const raw = text.slice(p.start, p.end);
      const trimmed = raw.trim();
      if (!OPEN.test(trimmed) || !CLOSE.test(trimmed)) continue;
      const openLength = trimmed.startsWith("''") ? 2 : 1;
      const closeLength = trimmed.endsWith("''") ? 2 : 1;
      let start = p.start + raw.indexOf(trimmed) + openLength;
      let end = start + trimmed.length - openLength - closeLength;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      out.push({ start, end, source: sourceOf.get(id) ?? null, doc: '' });
    }
  }
  return out;
}

/**
 * Reported speech the annotators marked that is not a direct quote: a Content span (its fragments
 * joined, from the first start to the last end) whose text is not one quotation, with the Source
 * span of its attribution.
 */
export function parseIndirect(ann: string, text: string): GoldFragment[] {
  const spans = new Map<string, Span[]>();
  const types = new Map<string, string>();
  const sourceOf = new Map<string, Span[]>();
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [type, ...rest] = cols[1]!.split(' ');
      types.set(cols[0]!, type!);
      spans.set(cols[0]!, rest.join(' ').split(';').map((part) => { const [a, b] = part.split(' ').map(Number); return { start: a!, end: b! }; }));
    } else if (line.startsWith('E') && cols.length >= 2) {
      const roles: Record<string, string> = {};
      for (const kv of cols[1]!.split(' ')) { const [k, v] = kv.split(':'); if (k && v) roles[k.replace(/\d+$/, '')] = v; }
      if (roles.Content && roles.Source) sourceOf.set(roles.Content, spans.get(roles.Source) ?? []);
    }
  }
  const out: GoldFragment[] = [];
  for (const [id, parts] of spans) {
    if (types.get(id) !== 'Content' || parts.length === 0) continue;
    const start = Math.min(...parts.map((q) => q.start));
    const end = Math.max(...parts.map((q) => q.end));
    const trimmed = text.slice(start, end).trim();
    if (OPEN.test(trimmed) && CLOSE.test(trimmed)) continue;
    out.push({ start, end, source: sourceOf.get(id) ?? null, doc: '' });
  }
  return out;
}

export interface IndirectScores { docs: number; gold: number; predicted: number; matched: number; P: number; R: number; F1: number; speakerPairs: number; speakerCorrect: number }

/**
 * Indirect speech: a predicted reported clause matches a gold Content span when each covers at
 * least half of the other (one to one, in text order); its speaker is right when its source
 * mention overlaps the gold Source span. Speaker accuracy is over matched pairs whose gold has a
 * Source and whose prediction names or describes one.
 */
export function evaluateIndirect(dir: string, context: AnalysisContext): { all: IndirectScores; halves: Record<Half, IndirectScores> } {
  const files = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const empty = (): IndirectScores => ({ docs: 0, gold: 0, predicted: 0, matched: 0, P: 0, R: 0, F1: 0, speakerPairs: 0, speakerCorrect: 0 });
  const all = empty();
  const halves: Record<Half, IndirectScores> = { tuned: empty(), heldOut: empty() };
  const covers = (a: Span, b: Span): boolean => Math.min(a.end, b.end) - Math.max(a.start, b.start) >= (b.end - b.start) / 2;
  for (const f of files) {
    const base = f.replace(/\.txt$/, '');
    const annFile = annFiles.find((a) => a.startsWith(`${base}_`) || a === `${base}.ann`);
    if (!annFile) continue;
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    const gold = parseIndirect(readFileSync(join(dir, 'attributions', annFile), 'utf8'), text);
    const doc = tokenize(text);
    const preds = findQuotes(doc, findEntities(doc, context.gazetteer)).filter((q) => !q.direct);
    const used = new Set<GoldFragment>();
    let matched = 0; let speakerPairs = 0; let speakerCorrect = 0;
    for (const p of preds) {
      const g = gold.find((x) => !used.has(x) && covers(p, x) && covers(x, p));
      if (!g) continue;
      used.add(g);
      matched++;
      if (g.source && p.sourceStart !== null && p.sourceEnd !== null) {
        speakerPairs++;
        if (g.source.some((s) => p.sourceStart! < s.end && s.start < p.sourceEnd!)) speakerCorrect++;
      }
    }
    for (const t of [all, halves[halfOf(base)]]) {
      t.docs++; t.gold += gold.length; t.predicted += preds.length; t.matched += matched; t.speakerPairs += speakerPairs; t.speakerCorrect += speakerCorrect;
    }
  }
  for (const t of [all, halves.tuned, halves.heldOut]) {
    t.P = t.predicted ? t.matched / t.predicted : 0;
    t.R = t.gold ? t.matched / t.gold : 0;
    t.F1 = t.P + t.R ? (2 * t.P * t.R) / (t.P + t.R) : 0;
  }
  return { all, halves };
}

export interface QuoteScores {
  docs: number;
  gold: number;
  predicted: number;
  spanP: number; spanR: number; spanF1: number;
  goldPairs: number;
  speakerRecallAtP90: number;
  speakerThreshold: number | null;
  speakerPrecision: number;
}

interface QuoteTally { docs: number; gold: number; predicted: number; tp: number; goldPairs: number; scored: Array<{ confidence: number; correct: boolean }> }

function quoteScores(t: QuoteTally): QuoteScores {
  const spanP = t.predicted ? t.tp / t.predicted : 0;
  const spanR = t.gold ? t.tp / t.gold : 0;
  // Recall of gold pairs at the loosest confidence threshold keeping precision >= 0.90.
  const thresholds = [...new Set(t.scored.map((s) => s.confidence))].sort((a, b) => b - a);
  let best = { recall: 0, threshold: null as number | null, precision: 0 };
  for (const th of thresholds) {
    const kept = t.scored.filter((s) => s.confidence >= th);
    const correct = kept.filter((s) => s.correct).length;
    const precision = kept.length ? correct / kept.length : 0;
    if (precision >= 0.9 && correct / t.goldPairs >= best.recall) best = { recall: correct / t.goldPairs, threshold: th, precision };
  }
  return {
    docs: t.docs, gold: t.gold, predicted: t.predicted, spanP, spanR, spanF1: spanP + spanR ? (2 * spanP * spanR) / (spanP + spanR) : 0,
    goldPairs: t.goldPairs, speakerRecallAtP90: best.recall, speakerThreshold: best.threshold, speakerPrecision: best.precision,
  };
}

export interface QuoteEvalResult extends QuoteScores {
  /** The same figures on the tuned half (even SHA-1 of the file name) and on the held-out half. */
  halves: Record<Half, QuoteScores>;
  /** Errors on the tuned half only (the held-out half is not read to choose rules). */
  worst: Array<{ doc: string; kind: 'missed' | 'spurious' | 'speaker'; text: string }>;
}

export function evaluateQuotes(dir: string, context: AnalysisContext, options: { limit?: number } = {}): QuoteEvalResult {
  const files = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, options.limit ?? Infinity);
  const empty = (): QuoteTally => ({ docs: 0, gold: 0, predicted: 0, tp: 0, goldPairs: 0, scored: [] });
  const all = empty();
  const halves: Record<Half, QuoteTally> = { tuned: empty(), heldOut: empty() };
  const worst: QuoteEvalResult['worst'] = [];
  // Annotation files carry an annotator suffix (<name>_<annotator>.ann); the first one is used.
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  for (const f of files) {
    const base = f.replace(/\.txt$/, '');
    const annFile = annFiles.find((a) => a.startsWith(`${base}_`) || a === `${base}.ann`);
    if (!annFile) continue;
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    const ann = readFileSync(join(dir, 'attributions', annFile), 'utf8');
    const g = parseAnn(ann, text);
    const doc = tokenize(text);
    const preds = findQuotes(doc, findEntities(doc, context.gazetteer)).filter((q) => q.direct);
    const halfName = halfOf(base);
    const half = halves[halfName];
    const note = (kind: 'missed' | 'spurious' | 'speaker', what: string): void => { if (halfName === 'tuned') worst.push({ doc: f, kind, text: what.slice(0, 100) }); };
    let gold = 0; let predicted = 0; let tp = 0; let goldPairs = 0;
    const scored: QuoteTally['scored'] = [];
    gold += g.length; predicted += preds.length;
    const key = (s: Span): string => `${s.start}:${s.end}`;
    const goldByKey = new Map(g.map((x) => [key(x), x]));
    for (const p of preds) {
      const m = goldByKey.get(key(p));
      if (m) tp++;
      else note('spurious', p.text);
      if (m && m.source && p.sourceStart !== null && p.sourceEnd !== null) {
        const correct = m.source.some((s) => p.sourceStart! < s.end && s.start < p.sourceEnd!);
        scored.push({ confidence: p.confidence, correct });
        if (!correct) note('speaker', `${text.slice(p.sourceStart, p.sourceEnd)} (gold: ${m.source.map((s) => text.slice(s.start, s.end)).join(' ')}) for ${p.text}`);
      } else if (m && m.source) {
        note('speaker', `none (gold: ${m.source.map((s) => text.slice(s.start, s.end)).join(' ')}) for ${p.text}`);
      } else if (!m && p.sourceStart !== null) {
        scored.push({ confidence: p.confidence, correct: false });
      }
    }
    const predKeys = new Set(preds.map(key));
    for (const x of g) {
      if (x.source) goldPairs++;
      if (!predKeys.has(key(x))) note('missed', text.slice(x.start, x.end));
    }
    for (const t of [all, half]) {
      t.docs++; t.gold += gold; t.predicted += predicted; t.tp += tp; t.goldPairs += goldPairs; t.scored.push(...scored);
    }
  }
  return {
    ...quoteScores(all), halves: { tuned: quoteScores(halves.tuned), heldOut: quoteScores(halves.heldOut) },
    worst: worst.slice(0, 25),
  };
}

/** Prints the table and worst cases; exit code 1 below the floors in eval/baseline-analyse.json. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string', default: '/work/shared/data/quotes/polnear/dev' }, limit: { type: 'string' } } });
  const r = evaluateQuotes(values.data!, createAnalysisContext(), { limit: values.limit ? Number(values.limit) : undefined });
  console.log('PolNeAR direct quotes. "Direct" = a Content fragment (split at ";") that starts and ends with a quote mark;');
  console.log('spans compared exactly without the marks. Speaker pair = exact piece + source mention overlapping the gold Source span;');
  console.log('recall of gold pairs at the loosest confidence threshold with precision >= 0.90.');
  console.log('Rules are tuned on the tuned half (even SHA-1 of the file name); the held-out half confirms them.');
  const rows = (name: string, x: QuoteScores): Record<string, Record<string, number | string>> => ({
    [`${name} spans`]: { docs: x.docs, gold: x.gold, predicted: x.predicted, P: x.spanP.toFixed(3), R: x.spanR.toFixed(3), F1: x.spanF1.toFixed(3) },
    [`${name} speakers`]: { docs: x.docs, gold: x.goldPairs, predicted: '', P: x.speakerPrecision.toFixed(3), R: x.speakerRecallAtP90.toFixed(3), F1: `threshold ${x.speakerThreshold}` },
  });
  console.table({ ...rows('all', r), ...rows('tuned', r.halves.tuned), ...rows('held-out', r.halves.heldOut) });
  console.log('Worst cases (tuned half):');
  for (const w of r.worst) console.log(`  ${w.kind.padEnd(8)} ${w.doc}: ${w.text}`);
  const indirect = evaluateIndirect(values.data!, createAnalysisContext());
  console.log('PolNeAR reported (indirect) speech: a predicted clause matches a gold Content span that is not one quotation when each');
  console.log('covers at least half of the other; speaker accuracy over matched pairs with a gold Source and a predicted source.');
  const indirectRow = (x: IndirectScores) => ({ docs: x.docs, gold: x.gold, predicted: x.predicted, P: x.P.toFixed(3), R: x.R.toFixed(3), F1: x.F1.toFixed(3), speakers: `${(x.speakerPairs ? x.speakerCorrect / x.speakerPairs : 0).toFixed(3)} of ${x.speakerPairs}` });
  console.table({ all: indirectRow(indirect.all), tuned: indirectRow(indirect.halves.tuned), 'held-out': indirectRow(indirect.halves.heldOut) });
  const reported = indirect.all;
  const speakersRight = reported.speakerPairs ? reported.speakerCorrect / reported.speakerPairs : 0;
  const failures = belowFloors('quotes', { directSpanF1: r.spanF1, speakerRecallAtP90: r.speakerRecallAtP90, reportedF1: reported.F1, reportedPrecision: reported.P, reportedSpeakers: speakersRight }, readFloors());
  for (const f of failures) console.error(f);
  return failures.length ? 1 : 0;
}
