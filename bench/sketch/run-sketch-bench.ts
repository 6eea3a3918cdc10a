/**
 * @module Sketch benchmark: documents per second on one core for 600-word articles, our
 * one-permutation sketch (word 5-shingles, 128 bins) against the npm `minhash` package (128
 * permutations over the same word 5-shingles, as strings) in the same run, with the Jaccard
 * estimates of both against the exact value on near-duplicate pairs.
 * Run: node --import tsx bench/sketch/run-sketch-bench.ts [--docs 2000]
 */
import { parseArgs } from 'node:util';
import { Minhash } from 'minhash';
import { seededRandom } from '../../eval/seeded-random.js';
import { estimateJaccard, sketchShingles } from '../../src/dedup/one-permutation-sketch.js';
import { shingleText, uniqueSorted, countShared } from '../../src/dedup/word-shingles.js';

const { values } = parseArgs({ options: { docs: { type: 'string' } } });
const count = Number(values.docs ?? 2000);
const rand = seededRandom(42);
const syllables = ['ka', 'lo', 'mi', 'ten', 'ra', 'vo', 'shi', 'dan', 'pe', 'tur', 'ba', 'nel'];
const vocab = Array.from({ length: 5000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * 12)]).join(''));
const docs = Array.from({ length: count }, () => {
  const words = Array.from({ length: 600 }, () => vocab[Math.floor(Math.pow(rand(), 2) * vocab.length)]!);
  return Array.from({ length: 8 }, (_, p) => words.slice(p * 75, p * 75 + 75).join(' ') + '.').join('\n\n');
});

function ours(text: string): Uint32Array {
  return sketchShingles(shingleText(text, 5).hashes, 128);
}
function peer(text: string): Minhash {
  const m = new Minhash({ numPerm: 128 });
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let i = 0; i + 5 <= words.length; i++) m.update(words.slice(i, i + 5).join(' '));
  return m;
}

function time<T>(fn: (t: string) => T, sample: string[]): { perSecond: number; out: T[] } {
  const t0 = performance.now();
  const out = sample.map(fn);
  return { perSecond: sample.length / ((performance.now() - t0) / 1000), out };
}

time(ours, docs.slice(0, 200)); // warm-up
const a = time(ours, docs);
const peerDocs = docs.slice(0, Math.min(docs.length, 300));
time(peer, peerDocs.slice(0, 20));
const b = time(peer, peerDocs);

// Accuracy: each document against a copy with its last three paragraphs replaced.
let errOurs = 0;
let errPeer = 0;
const pairs = 50;
for (let i = 0; i < pairs; i++) {
  const ps = docs[i]!.split('\n\n');
  const copy = [...ps.slice(0, 5), ...docs[i + 1]!.split('\n\n').slice(0, 3)].join('\n\n');
  const x = uniqueSorted(shingleText(docs[i]!, 5).hashes);
  const y = uniqueSorted(shingleText(copy, 5).hashes);
  const shared = countShared(x, y);
  const exact = shared / (x.length + y.length - shared);
  errOurs += Math.abs(estimateJaccard(ours(docs[i]!), ours(copy)) - exact);
  errPeer += Math.abs(peer(docs[i]!).jaccard(peer(copy)) - exact);
}
console.log('| sketch (600-word articles, 5-word shingles, 128 values) | docs/s, one core | mean abs. Jaccard error |');
console.log('|---|---|---|');
console.log(`| storyline one-permutation (src/dedup) | ${a.perSecond.toFixed(0)} | ${(errOurs / pairs).toFixed(3)} |`);
console.log(`| npm minhash 0.0.9 (128 permutations) | ${b.perSecond.toFixed(0)} | ${(errPeer / pairs).toFixed(3)} |`);
console.log(`speed-up ${(a.perSecond / b.perSecond).toFixed(1)}x; datasketch reference (PRODUCT.md): 600 docs/s, 850 bulk`);
