/**
 * @module Training of the entity BIO tagger (src/analyse/entity-tagger.ts): a first-order structured
 * perceptron with Viterbi decoding and weight averaging (Collins 2002), seeded so runs repeat.
 */
import {
  LABEL_COUNT, TEMPLATE_COUNT, TEMPLATES, allowed, tokenFeatures, viterbi, type FeatureContext, type TaggerWeights,
} from '../../src/analyse/entity-tagger.js';
import { seededRandom } from '../seeded-random.js';

/** One document: its feature context and the gold label of every token (LABELS index). */
export interface TaggerExample { ctx: FeatureContext; gold: Int8Array }

interface Segment { features: Array<Array<string | undefined>>; gold: number[] }

class Weights {
  readonly tables = Array.from({ length: TEMPLATE_COUNT }, () => new Map<string, { w: Float64Array; u: Float64Array }>());
  readonly trans = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  readonly transU = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  step = 1;
  bump(f: number, value: string, label: number, by: number): void {
    let e = this.tables[f]!.get(value);
    if (!e) { e = { w: new Float64Array(LABEL_COUNT), u: new Float64Array(LABEL_COUNT) }; this.tables[f]!.set(value, e); }
    e.w[label]! += by;
    e.u[label]! += this.step * by;
  }
  bumpTransition(from: number, to: number, by: number): void {
    this.trans[from * LABEL_COUNT + to]! += by;
    this.transU[from * LABEL_COUNT + to]! += this.step * by;
  }
}


function segmentsOf(examples: TaggerExample[]): Segment[] {
  const out: Segment[] = [];
  for (const { ctx, gold } of examples) {
    for (const [from, to] of ctx.segments) {
      const features: Segment['features'] = [];
      for (let i = from; i < to; i++) {
        const values = new Array<string | undefined>(TEMPLATE_COUNT);
        tokenFeatures(ctx, i, values);
        features.push(values);
      }
      const labels = Array.from(gold.subarray(from, to));
      // A gold I- label the segment cut off becomes B- (the segment starts a new sequence).
      if (labels[0]! > 0 && labels[0]! % 2 === 0) labels[0] = labels[0]! - 1;
      out.push({ features, gold: labels });
    }
  }
  return out;
}

/**
 * Trains on the examples; returns averaged weights with near-zero weights pruned. With `runs` > 1,
 * the perceptron is trained that many times on differently shuffled data and the weights averaged
 * (one model of the same size and speed, less dependent on the order of the examples).
 */
export function trainTagger(examples: TaggerExample[], options: { epochs?: number; seed?: number; prune?: number; runs?: number } = {}): TaggerWeights {
  const segments = segmentsOf(examples);
  const runs = options.runs ?? 10;
  const seed = options.seed ?? 1;
  const sum = { tables: Array.from({ length: TEMPLATE_COUNT }, () => new Map<string, Float64Array>()), trans: new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT) };
  for (let r = 0; r < runs; r++) {
    const w = trainOnce(segments, options.epochs ?? 10, seed + r * 7919);
    w.tables.forEach((table, f) => {
      for (const [value, e] of table) {
        let acc = sum.tables[f]!.get(value);
        if (!acc) { acc = new Float64Array(LABEL_COUNT); sum.tables[f]!.set(value, acc); }
        for (let l = 0; l < LABEL_COUNT; l++) acc[l]! += (e.w[l]! - e.u[l]! / w.step) / runs;
      }
    });
    for (let k = 0; k < sum.trans.length; k++) sum.trans[k]! += (w.trans[k]! - w.transU[k]! / w.step) / runs;
  }
  const prune = options.prune ?? 0.05;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const weights: TaggerWeights['weights'] = {};
  TEMPLATES.forEach((name, f) => {
    const table: Record<string, number[]> = {};
    for (const [value, acc] of sum.tables[f]!) {
      const avg = Array.from(acc, round);
      if (avg.some((x) => Math.abs(x) >= prune)) table[value] = avg;
    }
    weights[name] = table;
  });
  const transitions = Array.from(sum.trans, round);
  return { labels: ['O', 'B-person', 'I-person', 'B-organisation', 'I-organisation', 'B-place', 'I-place'], templates: [...TEMPLATES], weights, transitions };
}

/** One run of the averaged perceptron over the segments, shuffled with the seed. */
function trainOnce(segments: Segment[], epochs: number, seed: number): Weights {
  const random = seededRandom(seed);
  const w = new Weights();
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Fisher-Yates shuffle, seeded.
    for (let k = segments.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [segments[k], segments[j]] = [segments[j]!, segments[k]!];
    }
    for (const seg of segments) {
      const len = seg.gold.length;
      const scores = new Float64Array(len * LABEL_COUNT);
      for (let p = 0; p < len; p++) {
        const values = seg.features[p]!;
        for (let f = 0; f < TEMPLATE_COUNT; f++) {
          const v = values[f];
          if (v === undefined) continue;
          const e = w.tables[f]!.get(v);
          if (e) for (let l = 0; l < LABEL_COUNT; l++) scores[p * LABEL_COUNT + l]! += e.w[l]!;
        }
      }
      const pred = viterbi(scores, len, w.trans);
      for (let p = 0; p < len; p++) {
        const g = seg.gold[p]!;
        const y = pred[p]!;
        const gPrev = p === 0 ? LABEL_COUNT : seg.gold[p - 1]!;
        const yPrev = p === 0 ? LABEL_COUNT : pred[p - 1]!;
        if (g !== y) {
          const values = seg.features[p]!;
          for (let f = 0; f < TEMPLATE_COUNT; f++) {
            const v = values[f];
            if (v === undefined) continue;
            w.bump(f, v, g, 1);
            w.bump(f, v, y, -1);
          }
        }
        if (g !== y || gPrev !== yPrev) {
          if (allowed(gPrev, g)) w.bumpTransition(gPrev, g, 1);
          w.bumpTransition(yPrev, y, -1);
        }
      }
      w.step++;
    }
  }
  return w;
}
