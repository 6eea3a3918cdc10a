/**
 * @module MEANTIME (English, intra-document annotation) evaluation of named entities.
 *
 * Gold: ENTITY_MENTION elements with syntactic_type NAM (a name heads the mention) whose entity
 * (via REFERS_TO) is PER, ORG or LOC; PRE.NAM (names used as premodifiers) are left out. The text
 * is rebuilt from the tokens (no space before closing punctuation, one sentence per line). A
 * prediction is correct when its token span and type equal a gold mention's (exact-span micro F1).
 * Predictions whose span equals a PRE.NAM mention are skipped (neither right nor wrong).
 * MEANTIME spans take the whole noun phrase ("Australian Prime Minister John Howard", "the United
 * States"); a secondary "same last token" figure shows how much of the gap is extent convention.
 * Names the system flags as premodifiers ("US officials", "Airbus superjumbo") correspond to
 * MEANTIME's PRE.NAM class, which the gold above leaves out, so they are not scored; "strictF1"
 * counts them too (each one that is not a gold NAM span is a false positive).
 * The entity tagger (src/analyse/entity-tagger.ts) is scored out of sample only: k-fold by document
 * and leave-one-sub-corpus-out, each fold's model trained without its test documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { EntityType } from '../../src/model/analysis.js';
import { parseArgs } from 'node:util';
import { createAnalysisContext } from '../../src/analyse/analysis-context.js';
import { belowFloors, readFloors } from '../baseline-gate.js';
import { defaultTagger, findEntities, type EntitySpan } from '../../src/analyse/entities.js';
import { featureContext, loadTagger, type EntityTagger } from '../../src/analyse/entity-tagger.js';
import type { Gazetteer } from '../../src/analyse/gazetteer.js';
import { tokenize, type TokenizedText } from '../../src/analyse/text-tokens.js';
import { trainTagger, type TaggerExample } from './train-tagger.js';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

let posNlp: ReturnType<typeof winkNLP> | null = null;
/** Part of speech of each token (wink-nlp, matched by position in the text); training only. */
function partsOfSpeech(doc: LoadedDoc): Array<string | undefined> {
  posNlp ??= winkNLP(winkModel);
  const w = posNlp.readDoc(doc.text);
  const values = w.tokens().out() as string[];
  const tags = w.tokens().out(posNlp.its.pos) as string[];
  const byStart = new Map<number, string>();
  let at = 0;
  values.forEach((v, k) => { const s = doc.text.indexOf(v, at); if (s >= 0) { byStart.set(s, tags[k]!); at = s + v.length; } });
  return doc.tokens.tokens.map((t) => byStart.get(t.start));
}

const TYPE: Record<string, EntityType> = { PER: 'person', ORG: 'organisation', LOC: 'place' };
type Node = Record<string, unknown>;
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

export interface Doc { premodifiers: Array<{ first: number; last: number; type: EntityType | null }>; annotatedEnd: number; text: string; tokStart: number[]; tokEnd: number[]; gold: Array<{ first: number; last: number; type: EntityType }> }

/** "Wal - Mart" was one word split by the tokenizer: glue a hyphen token to letters on both sides. */
function isWordHyphen(tokens: Array<{ text: string; sentence: number }>, i: number): boolean {
  const hyphenAt = (k: number): boolean => tokens[k]?.text === '-' && /\p{L}$/u.test(tokens[k - 1]?.text ?? '') && /^\p{L}/u.test(tokens[k + 1]?.text ?? '');
  return hyphenAt(i) || hyphenAt(i - 1);
}

export function parseMeantime(xml: string): Doc {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', parseTagValue: false });
  const root = parser.parse(xml).Document as Node;
  const tokens = arr(root.token as Node[]).map((t) => ({ id: String(t.t_id), sentence: Number(t.sentence), text: String(t['#text'] ?? '') }));
  let text = '';
  const tokStart: number[] = [];
  const tokEnd: number[] = [];
  const index = new Map<string, number>();
  tokens.forEach((t, i) => {
    let word = t.text === '``' || t.text === "''" ? '"' : t.text;
    if (word === '-LRB-') word = '(';
    if (word === '-RRB-') word = ')';
    const prev = tokens[i - 1];
    if (prev && prev.sentence !== t.sentence) text += '\n';
    // "O' Leary" was one name split by the tokenizer ("O'Leary").
    else if (prev && !/^(?:[,.;:!?%)\]]|'s|’s|n't|'re|'ll|'ve|'d|'m)$/.test(word) && !/^[($[]$/.test(tokens[i - 1]!.text) && !isWordHyphen(tokens, i) && !(/^\p{Lu}'$/u.test(prev.text) && /^\p{Lu}/u.test(word))) text += ' ';
    index.set(t.id, i);
    tokStart.push(text.length);
    text += word;
    tokEnd.push(text.length);
  });
  const markables = root.Markables as Node;
  const entType = new Map<string, string>();
  for (const e of arr(markables.ENTITY as Node[])) entType.set(String(e.m_id), String(e.ent_type));
  const mentionType = new Map<string, string>();
  const relations = root.Relations as Node | undefined;
  for (const r of arr(relations?.REFERS_TO as Node[])) {
    const target = arr(r.target as Node[])[0];
    const type = target ? entType.get(String(target.m_id)) : undefined;
    if (!type) continue;
    for (const s of arr(r.source as Node[])) mentionType.set(String(s.m_id), type);
  }
  const gold: Doc['gold'] = [];
  const premodifiers: Doc['premodifiers'] = [];
  for (const m of arr(markables.ENTITY_MENTION as Node[])) {
    if (m.syntactic_type === 'PRE.NAM') {
      const ids = arr(m.token_anchor as Node[]).map((a) => index.get(String(a.t_id))!).filter((x) => x !== undefined).sort((a, b) => a - b);
      if (ids.length) premodifiers.push({ first: ids[0]!, last: ids[ids.length - 1]!, type: TYPE[mentionType.get(String(m.m_id)) ?? ''] ?? null });
      continue;
    }
    if (m.syntactic_type !== 'NAM') continue;
    const type = TYPE[mentionType.get(String(m.m_id)) ?? ''];
    if (!type) continue;
    const ids = arr(m.token_anchor as Node[]).map((a) => index.get(String(a.t_id))!).filter((x) => x !== undefined).sort((a, b) => a - b);
    if (ids.length === 0) continue;
    gold.push({ first: ids[0]!, last: ids[ids.length - 1]!, type });
  }
  // Only the first sentences of each document are annotated: score up to the last annotated token.
  let lastAnnotated = -1;
  for (const kind of ['ENTITY_MENTION', 'EVENT_MENTION', 'TIMEX3', 'VALUE', 'SIGNAL', 'C-SIGNAL']) {
    for (const m of arr(markables[kind] as Node[])) for (const a of arr(m.token_anchor as Node[])) lastAnnotated = Math.max(lastAnnotated, index.get(String(a.t_id)) ?? -1);
  }
  const lastSentence = lastAnnotated >= 0 ? tokens[lastAnnotated]!.sentence : -1;
  let annotatedEnd = 0;
  tokens.forEach((t, i) => { if (t.sentence <= lastSentence) annotatedEnd = tokEnd[i]!; });
  return { premodifiers, annotatedEnd, text, tokStart, tokEnd, gold };
}

const around = (text: string, start: number, end: number): string => `${text.slice(Math.max(0, start - 30), start)}[${text.slice(start, end)}]${text.slice(end, end + 30)}`.replace(/\n/g, ' / ');

export interface EntityEvalResult {
  docs: number; gold: number; predicted: number; correct: number; p: number; r: number; f1: number;
  lastTokenF1: number;
  /** F1 when premodifier predictions count as false positives. */
  strictF1: number;
  byType: Record<string, { gold: number; predicted: number; correct: number; f1: number }>;
  worst: Array<{ kind: string; text: string; type: string; context: string }>;
}

/** A MEANTIME document with its file name and sub-corpus ("corpus_airbus"). */
export interface LoadedDoc extends Doc { file: string; corpus: string; tokens: TokenizedText }

export function loadMeantime(dir: string, limit = Infinity): LoadedDoc[] {
  const files: Array<{ file: string; corpus: string }> = [];
  const base = join(dir, 'intra-doc_annotation');
  for (const sub of readdirSync(base).sort()) for (const f of readdirSync(join(base, sub)).sort()) if (f.endsWith('.xml')) files.push({ file: join(base, sub, f), corpus: sub });
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  return files.slice(0, limit).map(({ file, corpus }) => {
    const doc = parseMeantime(readFileSync(file, 'utf8'));
    return { ...doc, file, corpus, tokens: tokenize(doc.text) };
  });
}

/**
 * Gold labels with the describing phrase taken into the name's mention where capitalised words open
 * it ("German magazine Der Spiegel", "United States airframer Boeing"): MEANTIME does so about half the
 * time, and the tagger learns one convention better than a coin toss. entities.ts emits the bare name
 * inside such a mention too, so both of MEANTIME's readings are predicted. Only nouns and adjectives
 * (wink-nlp's tags, at training time only) ending in a noun count: "Airbus parent EADS defeat Boeing"
 * has a verb. `describing` is the tagger's describingPhrases feature; `labels` is changed in place.
 * Phrases opened by a lower-case word ("aircraft manufacturer Boeing") are left as annotated: taking
 * them in too scored lower (cross-validated, see README.md).
 */
export function withDescribingPhrases(labels: Int8Array, describing: Array<string | undefined>, pos: Array<string | undefined>, tokens: Array<{ cap: boolean; sentence: number }>): void {
  for (let k = 0; k < labels.length; k++) {
    const d = describing[k];
    const label = labels[k]!;
    // The first word of a name (a B- label) after a phrase that a capitalised word opens ("n2C").
    if (!d?.startsWith('n') || !d.endsWith('C') || label === 0 || label % 2 === 0) continue;
    const length = Number(d[1]);
    let free = pos[k - 1] === 'NOUN';
    for (let m = k - length; m < k && free; m++) free = labels[m] === 0 && /^(?:NOUN|ADJ|PROPN)$/.test(pos[m] ?? '');
    if (!free) continue;
    // The capitalised words that open the phrase ("United States", "German") belong to it.
    let from = k - length;
    while (from > 0 && from > k - length - 3 && tokens[from - 1]!.cap && labels[from - 1] === 0 && tokens[from - 1]!.sentence === tokens[k]!.sentence) from--;
    for (let m = from; m <= k; m++) labels[m] = m === from ? label : label + 1;
  }
}

/** Training example for the tagger: gold BIO labels on our tokens, only over the annotated sentences. */
export function taggerExample(doc: LoadedDoc, gaz: Gazetteer, options: { withDescriptions?: boolean } = {}): TaggerExample {
  const toks = doc.tokens;
  const rules = findEntities(toks, gaz);
  const ctx = featureContext(toks, gaz, rules);
  const gold = new Int8Array(toks.tokens.length);
  // Names used as modifiers (PRE.NAM: "US" in "US automaker") stay outside mentions.
  const spans = doc.gold
    .map((g) => ({ start: doc.tokStart[g.first]!, end: doc.tokEnd[g.last]!, type: g.type }))
    // Nested mentions: the longest one is labelled (the bare name inside it is emitted by entities.ts).
    .sort((a, b) => (b.end - b.start) - (a.end - a.start));
  const offset = { person: 1, organisation: 3, place: 5 } as const;
  for (const g of spans) {
    const inside: number[] = [];
    toks.tokens.forEach((t, k) => { if (t.start >= g.start && t.end <= g.end) inside.push(k); });
    if (inside.length === 0 || inside.some((k) => gold[k] !== 0)) continue; // nested in a longer mention
    inside.forEach((k, n) => { gold[k] = offset[g.type] + (n === 0 ? 0 : 1); });
  }
  if (options.withDescriptions !== false) withDescribingPhrases(gold, ctx.describing, partsOfSpeech(doc), toks.tokens);
  // Only the first sentences are annotated: train on segments inside them.
  ctx.segments = ctx.segments
    .map(([from, to]): [number, number] => { let e = from; while (e < to && toks.tokens[e]!.end <= doc.annotatedEnd) e++; return [from, e]; })
    .filter(([from, to]) => to > from);
  return { ctx, gold };
}

/** Scores the predictions of `predict` on the documents (exact span and type, micro). */
export function scoreEntities(docs: LoadedDoc[], predict: (doc: LoadedDoc) => EntitySpan[]): EntityEvalResult {
  let gold = 0; let predicted = 0; let correct = 0; let lastCorrect = 0; let premodifiers = 0;
  const byType: EntityEvalResult['byType'] = {};
  const bump = (t: string, k: 'gold' | 'predicted' | 'correct'): void => { byType[t] ??= { gold: 0, predicted: 0, correct: 0, f1: 0 }; byType[t]![k]++; };
  const worst: EntityEvalResult['worst'] = [];
  for (const doc of docs) {
    // Names the system marks as premodifiers ("US officials") match MEANTIME's PRE.NAM class, which is not scored.
    const all = predict(doc).filter((e) => /^\p{Lu}|^\d|^the /u.test(e.text) && e.end <= doc.annotatedEnd);
    const preds = all.filter((e) => !e.premodifier);
    premodifiers += new Set(all.filter((e) => e.premodifier).map((e) => `${e.start}:${e.end}`)).size;
    // Map character spans to gold token indices.
    const tokAt = (offset: number, end: boolean): number => {
      for (let i = 0; i < doc.tokStart.length; i++) if (end ? doc.tokEnd[i]! >= offset && doc.tokStart[i]! < offset : doc.tokEnd[i]! > offset) return i;
      return -1;
    };
    const goldKeys = new Map(doc.gold.map((g) => [`${g.first}:${g.last}:${g.type}`, g]));
    const goldLast = new Set(doc.gold.map((g) => `${g.last}:${g.type}`));
    gold += doc.gold.length;
    for (const g of doc.gold) bump(g.type, 'gold');
    const seen = new Set<string>();
    for (const p of preds) {
      const key = `${tokAt(p.start, false)}:${tokAt(p.end, true)}:${p.type}`;
      if (seen.has(key)) continue;
      // Names used as premodifiers (PRE.NAM, "US" in "US automaker") are not scored either way.
      if (doc.premodifiers.some((m) => m.first === tokAt(p.start, false) && m.last === tokAt(p.end, true))) continue;
      seen.add(key);
      predicted++;
      bump(p.type, 'predicted');
      if (goldKeys.has(key)) { correct++; bump(p.type, 'correct'); } else worst.push({ kind: 'spurious', text: p.text, type: p.type, context: around(doc.text, p.start, p.end) });
      if (goldLast.has(`${tokAt(p.end, true)}:${p.type}`)) lastCorrect++;
    }
    for (const [key, g] of goldKeys) if (!seen.has(key)) worst.push({ kind: 'missed', text: doc.text.slice(doc.tokStart[g.first], doc.tokEnd[g.last]), type: g.type, context: around(doc.text, doc.tokStart[g.first]!, doc.tokEnd[g.last]!) });
  }
  for (const t of Object.values(byType)) { const p = t.predicted ? t.correct / t.predicted : 0; const r = t.gold ? t.correct / t.gold : 0; t.f1 = p + r ? (2 * p * r) / (p + r) : 0; }
  const p = predicted ? correct / predicted : 0;
  const r = gold ? correct / gold : 0;
  const lp = predicted ? lastCorrect / predicted : 0;
  const lr = gold ? lastCorrect / gold : 0;
  return { docs: docs.length, gold, predicted, correct, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, lastTokenF1: lp + lr ? (2 * lp * lr) / (lp + lr) : 0, strictF1: (2 * correct) / (predicted + premodifiers + gold), byType, worst };
}

/**
 * Out-of-sample figure: each fold's documents are tagged by a model trained without them.
 * `fold` names the fold of a document (its index mod k, or its sub-corpus).
 */
export function crossValidate(docs: LoadedDoc[], gaz: Gazetteer, fold: (doc: LoadedDoc, index: number) => string, seed = 1): Map<LoadedDoc, EntitySpan[]> {
  const examples = docs.map((d) => taggerExample(d, gaz));
  const folds = docs.map(fold);
  const taggers = new Map<string, EntityTagger>();
  for (const name of new Set(folds)) taggers.set(name, loadTagger(trainTagger(examples.filter((_, k) => folds[k] !== name), { seed })));
  return new Map(docs.map((d, k) => [d, findEntities(d.tokens, gaz, taggers.get(folds[k]!)!)]));
}

const row = (r: EntityEvalResult): Record<string, string | number> => ({ gold: r.gold, predicted: r.predicted, correct: r.correct, P: r.p.toFixed(3), R: r.r.toFixed(3), F1: r.f1.toFixed(3), lastTokenF1: r.lastTokenF1.toFixed(3), strictF1: r.strictF1.toFixed(3) });

/** Prints the table and worst cases; exit code 1 below the floors in eval/baseline-analyse.json. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string', default: '/work/shared/data/entities/meantime' }, limit: { type: 'string' }, folds: { type: 'string', default: '5' }, repeats: { type: 'string', default: '0' } } });
  const { gazetteer } = createAnalysisContext();
  const docs = loadMeantime(values.data!, values.limit ? Number(values.limit) : Infinity);
  const k = Number(values.folds);
  const cvPredictions = crossValidate(docs, gazetteer, (_, i) => String(i % k));
  const cv = scoreEntities(docs, (d) => cvPredictions.get(d)!);
  const halves = [0, 1].map((h) => scoreEntities(docs.filter((_, i) => i % 2 === h), (d) => cvPredictions.get(d)!));
  const corpusPredictions = crossValidate(docs, gazetteer, (d) => d.corpus);
  const byCorpus = scoreEntities(docs, (d) => corpusPredictions.get(d)!);
  const rules = scoreEntities(docs, (d) => findEntities(d.tokens, gazetteer));
  const committed = scoreEntities(docs, (d) => findEntities(d.tokens, gazetteer, defaultTagger()));
  console.log('MEANTIME English, intra-doc: gold = NAM mentions of PER/ORG/LOC entities in the annotated sentences;');
  console.log('exact token span and type (micro); predictions equal to a PRE.NAM span are not scored. "lastTokenF1" counts a prediction ending on a gold mention\'s last token.');
  console.log(`The result is the out-of-sample tagger: "tagger cv" = ${k}-fold by document (each fold tagged by a model trained without it); "tagger by corpus" = trained on two sub-corpora, tested on the third.`);
  console.log('"rules alone" = no tagger (rules tuned by hand on these documents). "committed model" = src/analyse/entity-model.json, what analyseArticle runs,');
  console.log('trained on all these documents: its figure here is in-sample, not a measure of accuracy.');
  console.table({
    'rules alone': row(rules),
    '  rules, even documents': row(scoreEntities(docs.filter((_, i) => i % 2 === 0), (d) => findEntities(d.tokens, gazetteer))),
    '  rules, odd documents': row(scoreEntities(docs.filter((_, i) => i % 2 === 1), (d) => findEntities(d.tokens, gazetteer))),
    [`tagger cv ${k}-fold`]: row(cv),
    ...Object.fromEntries(Object.entries(cv.byType).map(([t, v]) => [`  cv ${t}`, { gold: v.gold, predicted: v.predicted, correct: v.correct, F1: v.f1.toFixed(3) }])),
    '  cv, even documents': row(halves[0]!),
    '  cv, odd documents': row(halves[1]!),
    'tagger by corpus': row(byCorpus),
    'committed model (IN-SAMPLE)': row(committed),
  });
  for (const kind of ['missed', 'spurious']) console.log(`Worst (${kind}, tagger cv): ${cv.worst.filter((w) => w.kind === kind).slice(0, 25).map((w) => `${w.text} [${w.type}]`).join(' | ')}`);
  // Every change moves the cv figure by about ±0.5 (the tagger is retrained on what the rules give):
  // --repeats N also prints the mean of N cross-validations with other seeds and other fold assignments.
  const repeats = Number(values.repeats);
  if (repeats > 0) {
    const runs = Array.from({ length: repeats }, (_, r) => {
      const predictions = crossValidate(docs, gazetteer, (_, i) => String((i + 7 * r) % k), 1 + 10 * r);
      return [docs, docs.filter((_, i) => i % 2 === 0), docs.filter((_, i) => i % 2 === 1)].map((part) => scoreEntities(part, (d) => predictions.get(d)!).f1);
    });
    const mean = (h: number): string => (runs.reduce((a, r) => a + r[h]!, 0) / runs.length).toFixed(3);
    console.log(`Mean of ${repeats} cross-validations (seeds and folds varied): ${mean(0)}; even documents ${mean(1)}, odd documents ${mean(2)}; runs ${runs.map((r) => r[0]!.toFixed(3)).join(' ')}`);
  }
  const failures = belowFloors('entities', { exactF1: cv.f1, byCorpusF1: byCorpus.f1, rulesF1: rules.f1 }, readFloors());
  for (const f of failures) console.error(f);
  return failures.length ? 1 : 0;
}
