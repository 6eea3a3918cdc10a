/**
 * @module Trains the committed entity tagger on all of MEANTIME English (intra-doc annotation,
 * CC BY 4.0, © 2015 FBK, VU Amsterdam, UPV/EHU) and writes src/analyse/entity-model.json.
 * Run: node --import tsx eval/entities/train.ts [--data DIR]. Seeded: the same data gives the same file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalysisContext } from '../../src/analyse/analysis-context.js';
import { loadMeantime, taggerExample } from './meantime.js';
import { trainTagger } from './train-tagger.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: '/work/shared/data/entities/meantime' } } });
const { gazetteer } = createAnalysisContext();
const docs = loadMeantime(values.data!);
const model = trainTagger(docs.map((d) => taggerExample(d, gazetteer)));
const out = fileURLToPath(new URL('../../src/analyse/entity-model.json', import.meta.url));
// One feature per line keeps diffs of retrained models readable.
const lines = Object.entries(model.weights).map(([t, table]) => `${JSON.stringify(t)}:{\n${Object.entries(table).map(([v, w]) => `${JSON.stringify(v)}:${JSON.stringify(w)}`).join(',\n')}}`);
writeFileSync(out, `{"labels":${JSON.stringify(model.labels)},"templates":${JSON.stringify(model.templates)},"transitions":${JSON.stringify(model.transitions)},\n"weights":{\n${lines.join(',\n')}}}\n`);
const features = Object.values(model.weights).reduce((n, t) => n + Object.keys(t).length, 0);
console.log(`${docs.length} documents, ${features} features -> ${out}`);
