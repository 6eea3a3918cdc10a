/**
 * @module Throughput of analyseArticle on 600-word articles, one core, beside peers in the same
 * run: wink-nlp tokenisation alone (a floor any NLP-based analysis pays), wink-nlp with POS tags,
 * and plain chrono-node parsing the whole text (dates only).
 * Articles are built from the PolNeAR dev texts (cut or joined to 600 words); pass --data to change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import * as chrono from 'chrono-node';
import { analyseArticle } from '../../src/analyse/analyse-article.js';
import { createAnalysisContext } from '../../src/analyse/analysis-context.js';

function articles(dir: string, count: number): string[] {
  const words = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/(?<=\s)/));
  const out: string[] = [];
  for (let i = 0; out.length < count; i = (i + 600) % Math.max(1, words.length - 600)) out.push(words.slice(i, i + 600).join(''));
  return out;
}

/** Articles per CPU-second of this process: what one core does, whatever else runs on the machine. */
function rate(name: string, texts: string[], fn: (t: string) => unknown): { name: string; perSecond: number } {
  for (const t of texts.slice(0, 20)) fn(t); // warm-up
  const c0 = process.cpuUsage();
  for (const t of texts) fn(t);
  const c = process.cpuUsage(c0);
  return { name, perSecond: Math.round(texts.length / ((c.user + c.system) / 1e6)) };
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string', default: '/work/shared/data/quotes/polnear/dev/text' }, n: { type: 'string', default: '400' } } });
  const texts = articles(values.data!, Number(values.n));
  const ctx = createAnalysisContext();
  const rulesOnly = { ...ctx, entityTagger: null };
  const tok = winkNLP(model, []);
  const pos = winkNLP(model);
  const rows = [
    rate('analyseArticle (all: quotes, entities, figures, dates)', texts, (t) => analyseArticle({ text: t, published: '2016-09-20' }, ctx)),
    rate('peer: analyseArticle, entities by the rules alone (no tagger)', texts, (t) => analyseArticle({ text: t, published: '2016-09-20' }, rulesOnly)),
    rate('analyseArticle again (order check)', texts, (t) => analyseArticle({ text: t, published: '2016-09-20' }, ctx)),
    rate('peer: wink-nlp tokenisation only', texts, (t) => tok.readDoc(t).tokens().length()),
    rate('peer: wink-nlp tokens + POS + sentences', texts, (t) => pos.readDoc(t).tokens().out(pos.its.pos)),
    rate('peer: chrono-node parse of the whole text', texts, (t) => chrono.parse(t, new Date('2016-09-20'))),
  ];
  console.log(`${texts.length} articles of 600 words, one core (node ${process.version})`);
  console.table(Object.fromEntries(rows.map((r) => [r.name, { 'articles per CPU-second': r.perSecond }])));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) run(process.argv.slice(2)).then((c) => { process.exitCode = c; });
