/**
 * @module Centroid index: open clusters (events or stories) as summed term vectors, found through an
 * inverted index from their heaviest terms, and closed when they have been quiet for `windowDays`
 * of arrival time. Lookup cost depends on the clusters open now, not on all clusters ever seen.
 */
import type { TermVector } from './term-vector.js';

export interface CentroidIndexOptions {
  /** Terms kept in a centroid. */
  centroidTerms: number;
  /** Heaviest centroid terms entered in the inverted index. */
  indexedTerms: number;
  /** Heaviest document terms looked up. */
  queryTerms: number;
  /** Clusters scored per lookup, those sharing the most query terms. */
  maxCandidates: number;
  /** A term open in more clusters than this is not looked up. */
  maxPosting: number;
  /** A cluster with no new article for this many days of arrival time is closed. */
  windowDays: number;
  /** Open clusters kept at most: past this, the least recently extended are closed. */
  maxOpen: number;
  /** Days apart (publish dates) below which time does not lower a match. */
  graceDays: number;
  /** Beyond the grace, a match halves every `halfLifeDays`. */
  halfLifeDays: number;
}

export interface Cluster {
  id: number;
  centroid: Map<string, number>;
  norm: number;
  articles: number;
  /** Publish times (ms) of its first and last dated article; NaN while none is dated. */
  first: number;
  last: number;
  /** Arrival time (ms) of its last article, for closing quiet clusters. */
  lastSeen: number;
  indexed: Set<string>;
}

const DAY = 86_400_000;

export interface TimeDecayOptions {
  /** Days apart (publish dates) below which time does not lower a match. */
  graceDays: number;
  /** Beyond the grace, a match halves every `halfLifeDays`. */
  halfLifeDays: number;
}

/**
 * Factor in (0, 1] for a document published at `time` against a span [first, last] (ms; NaN when
 * unknown): 1 within the grace, then halving every half-life.
 */
export function timeDecay(time: number, first: number, last: number, options: TimeDecayOptions): number {
  if (Number.isNaN(time) || Number.isNaN(first)) return 1;
  const apart = Math.max(0, first - time, time - last) / DAY - options.graceDays;
  return apart > 0 ? Math.pow(0.5, apart / options.halfLifeDays) : 1;
}

export class CentroidIndex {
  private readonly clusters = new Map<number, Cluster>();
  private readonly postings = new Map<string, Set<number>>();

  constructor(private readonly options: CentroidIndexOptions) {}

  get(id: number): Cluster | undefined {
    return this.clusters.get(id);
  }

  get size(): number {
    return this.clusters.size;
  }

  /** Cosine of a unit document vector with a cluster centroid, lowered by distance in time. */
  score(cluster: Cluster, doc: TermVector, time: number): number {
    let dot = 0;
    for (let i = 0; i < doc.terms.length; i++) dot += (cluster.centroid.get(doc.terms[i]!) ?? 0) * doc.weights[i]!;
    const cosine = cluster.norm > 0 ? dot / cluster.norm : 0;
    return cosine * this.decay(time, cluster.first, cluster.last);
  }

  /**
   * Factor in (0, 1] for a document published at `time` against a span [first, last] (ms; NaN when
   * unknown): 1 within the grace, then halving every half-life.
   */
  decay(time: number, first: number, last: number): number {
    return timeDecay(time, first, last, this.options);
  }

  /**
   * Open clusters sharing heavy terms with the document, best first, scored. Only the
   * `maxCandidates` clusters sharing the most query terms are scored, and terms whose posting is
   * longer than `maxPosting` (open everywhere, so they tell nothing) are skipped.
   */
  candidates(doc: TermVector, time: number): Array<{ cluster: Cluster; score: number }> {
    const hits = new Map<number, number>();
    const n = Math.min(this.options.queryTerms, doc.terms.length);
    for (let i = 0; i < n; i++) {
      const posting = this.postings.get(doc.terms[i]!);
      if (posting === undefined || posting.size > this.options.maxPosting) continue;
      for (const id of posting) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    let ids = [...hits.keys()];
    if (ids.length > this.options.maxCandidates) {
      ids = ids.sort((a, b) => hits.get(b)! - hits.get(a)! || b - a).slice(0, this.options.maxCandidates);
    }
    const scored: Array<{ cluster: Cluster; score: number }> = [];
    for (const id of ids) {
      const cluster = this.clusters.get(id)!;
      scored.push({ cluster, score: this.score(cluster, doc, time) });
    }
    return scored.sort((a, b) => b.score - a.score || a.cluster.id - b.cluster.id);
  }

  /**
   * Add a document vector to a cluster (created when new). `time` is the publish time (ms, NaN when
   * unknown), `seen` the arrival time (ms). The document's heaviest terms enter the inverted index;
   * the centroid is pruned to its `centroidTerms` heaviest only when it has grown to twice that, so
   * an add costs the document's terms, not a sort of the centroid.
   */
  add(id: number, doc: TermVector, times: { time: number; seen: number }): Cluster {
    let cluster = this.clusters.get(id);
    if (cluster === undefined) {
      cluster = {
        id,
        centroid: new Map(),
        norm: 0,
        articles: 0,
        first: times.time,
        last: times.time,
        lastSeen: times.seen,
        indexed: new Set(),
      };
    } else this.clusters.delete(id); // re-inserted last: map order is least recently extended first
    this.clusters.set(id, cluster);
    cluster.articles += 1;
    if (!Number.isNaN(times.time)) {
      cluster.first = Number.isNaN(cluster.first) ? times.time : Math.min(cluster.first, times.time);
      cluster.last = Number.isNaN(cluster.last) ? times.time : Math.max(cluster.last, times.time);
    }
    cluster.lastSeen = Math.max(cluster.lastSeen, times.seen);
    const { centroid } = cluster;
    let sq = cluster.norm * cluster.norm;
    for (let i = 0; i < doc.terms.length; i++) {
      const t = doc.terms[i]!;
      const before = centroid.get(t) ?? 0;
      const after = before + doc.weights[i]!;
      centroid.set(t, after);
      sq += after * after - before * before;
    }
    if (centroid.size > 2 * this.options.centroidTerms) {
      const kept = [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      kept.length = this.options.centroidTerms;
      cluster.centroid = new Map(kept);
      sq = 0;
      for (const [, w] of kept) sq += w * w;
      for (const term of cluster.indexed) {
        if (!cluster.centroid.has(term)) this.unindex(cluster, term);
      }
    }
    cluster.norm = Math.sqrt(Math.max(0, sq));
    for (let i = 0; i < Math.min(this.options.indexedTerms, doc.terms.length); i++) {
      const term = doc.terms[i]!;
      if (cluster.indexed.has(term) || !cluster.centroid.has(term)) continue;
      cluster.indexed.add(term);
      let posting = this.postings.get(term);
      if (posting === undefined) this.postings.set(term, (posting = new Set()));
      posting.add(id);
    }
    return cluster;
  }

  /**
   * Cosine of two clusters' centroids, the first with a unit document vector added (as it will be
   * once the document joins it), lowered by the distance between their spans in time. Costs the
   * smaller centroid's terms.
   */
  similarity(a: Cluster, b: Cluster, doc: TermVector, time: number): number {
    const added = new Map<string, number>();
    for (let i = 0; i < doc.terms.length; i++) added.set(doc.terms[i]!, doc.weights[i]!);
    let sq = a.norm * a.norm;
    for (const [t, w] of added) {
      const before = a.centroid.get(t) ?? 0;
      sq += (before + w) * (before + w) - before * before;
    }
    let dot = 0;
    const [small, large] = a.centroid.size + added.size < b.centroid.size ? [a.centroid, b.centroid] : [b.centroid, a.centroid];
    for (const [t, w] of small) {
      const other = large.get(t);
      if (other !== undefined) dot += w * other;
    }
    // the document's terms on a's side
    for (const [t, w] of added) {
      const bw = b.centroid.get(t);
      if (bw !== undefined) dot += w * bw;
    }
    const norm = Math.sqrt(Math.max(0, sq)) * b.norm;
    if (norm === 0) return 0;
    const time0 = Number.isNaN(time) ? a.first : Math.min(time, Number.isNaN(a.first) ? time : a.first);
    const time1 = Number.isNaN(time) ? a.last : Math.max(time, Number.isNaN(a.last) ? time : a.last);
    const apart = Math.max(this.decay(time0, b.first, b.last), this.decay(time1, b.first, b.last));
    return (dot / norm) * apart;
  }

  /** Fold cluster `from` into cluster `into` (summed centroids, joined spans); `from` is closed. */
  absorb(from: number, into: number): void {
    const source = this.clusters.get(from);
    if (source === undefined) return;
    this.close(source);
    const heaviest = [...source.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const terms = heaviest.map(([t]) => t);
    const weights = heaviest.map(([, w]) => w);
    // `into` closed already (a story merged by hand into an old one): it opens again with `from`'s centroid.
    const target = this.add(into, { terms, weights }, { time: source.first, seen: source.lastSeen });
    if (!Number.isNaN(source.last)) this.add(into, { terms: [], weights: [] }, { time: source.last, seen: source.lastSeen });
    target.articles += source.articles - (Number.isNaN(source.last) ? 1 : 2);
  }

  /**
   * Move part of cluster `from` (an event taken out of a story by hand: its articles' summed term
   * weights, how many they are, their publish span) to cluster `into`, created when it is not open.
   * `from` keeps its span; its centroid loses the part's weights.
   */
  transfer(from: number, into: number, part: { weights: Map<string, number>; articles: number; first: number; last: number; seen: number }): void {
    const source = this.clusters.get(from);
    if (source !== undefined) {
      let sq = 0;
      for (const [term, w] of part.weights) {
        const before = source.centroid.get(term);
        if (before === undefined) continue;
        if (before - w > 1e-9) source.centroid.set(term, before - w);
        else {
          source.centroid.delete(term);
          if (source.indexed.has(term)) this.unindex(source, term);
        }
      }
      for (const [, w] of source.centroid) sq += w * w;
      source.norm = Math.sqrt(sq);
      source.articles = Math.max(1, source.articles - part.articles);
    }
    if (part.articles === 0) return;
    const heaviest = [...part.weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const target = this.add(into, { terms: heaviest.map(([t]) => t), weights: heaviest.map(([, w]) => w) }, { time: part.first, seen: part.seen });
    if (!Number.isNaN(part.last)) this.add(into, { terms: [], weights: [] }, { time: part.last, seen: part.seen });
    target.articles += part.articles - (Number.isNaN(part.last) ? 1 : 2);
  }

  private unindex(cluster: Cluster, term: string): void {
    cluster.indexed.delete(term);
    const posting = this.postings.get(term);
    posting?.delete(cluster.id);
    if (posting?.size === 0) this.postings.delete(term);
  }

  /** Close the least recently extended clusters beyond `maxOpen`; returns their ids. */
  closeOverflow(): number[] {
    const closed: number[] = [];
    for (const cluster of this.clusters.values()) {
      if (this.clusters.size <= this.options.maxOpen) break;
      closed.push(cluster.id);
      this.close(cluster);
    }
    return closed;
  }

  private close(cluster: Cluster): void {
    this.clusters.delete(cluster.id);
    for (const term of [...cluster.indexed]) this.unindex(cluster, term);
  }

  /** Close clusters quiet since before `now - windowDays`; returns their ids. */
  closeQuiet(now: number): number[] {
    const cutoff = now - this.options.windowDays * DAY;
    const closed: number[] = [];
    for (const cluster of this.clusters.values()) {
      if (cluster.lastSeen >= cutoff) continue;
      closed.push(cluster.id);
      this.close(cluster);
    }
    return closed;
  }
}
