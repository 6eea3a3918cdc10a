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
    if (Number.isNaN(time) || Number.isNaN(cluster.first)) return cosine;
    const apart = Math.max(0, cluster.first - time, time - cluster.last) / DAY - this.options.graceDays;
    return apart > 0 ? cosine * Math.pow(0.5, apart / this.options.halfLifeDays) : cosine;
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

  /** Add a document vector to a cluster (created when new). */
  /** `time` is the publish time (ms, NaN when unknown), `seen` the arrival time (ms). */
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
      this.clusters.set(id, cluster);
    }
    cluster.articles += 1;
    if (!Number.isNaN(times.time)) {
      cluster.first = Number.isNaN(cluster.first) ? times.time : Math.min(cluster.first, times.time);
      cluster.last = Number.isNaN(cluster.last) ? times.time : Math.max(cluster.last, times.time);
    }
    cluster.lastSeen = Math.max(cluster.lastSeen, times.seen);
    for (let i = 0; i < doc.terms.length; i++) {
      const t = doc.terms[i]!;
      cluster.centroid.set(t, (cluster.centroid.get(t) ?? 0) + doc.weights[i]!);
    }
    const entries = [...cluster.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (entries.length > this.options.centroidTerms) {
      entries.length = this.options.centroidTerms;
      cluster.centroid = new Map(entries);
    }
    cluster.norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
    for (let i = 0; i < Math.min(this.options.indexedTerms, entries.length); i++) {
      const term = entries[i]![0];
      if (cluster.indexed.has(term)) continue;
      cluster.indexed.add(term);
      let posting = this.postings.get(term);
      if (posting === undefined) this.postings.set(term, (posting = new Set()));
      posting.add(id);
    }
    return cluster;
  }

  /** Close clusters quiet since before `now - windowDays`; returns their ids. */
  closeQuiet(now: number): number[] {
    const cutoff = now - this.options.windowDays * DAY;
    const closed: number[] = [];
    for (const cluster of this.clusters.values()) {
      if (cluster.lastSeen >= cutoff) continue;
      closed.push(cluster.id);
      this.clusters.delete(cluster.id);
      for (const term of cluster.indexed) {
        const posting = this.postings.get(term);
        posting?.delete(cluster.id);
        if (posting?.size === 0) this.postings.delete(term);
      }
    }
    return closed;
  }
}
