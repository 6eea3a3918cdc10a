/**
 * @module Neighbour index: the latest `capacity` placed articles as sparse term vectors in an
 * inverted index (term -> recent articles with their weight for it), so the articles most similar to
 * a new one are found by summing weights along the postings of its heaviest terms: no per-candidate
 * vector lookups, and the cost depends on the posting caps, not on how many articles were ever seen.
 *
 * Each article keeps the event and story it was placed in; the grouper lets a new article's nearest
 * neighbours vote for its event and story (k-NN), which follows a story as its wording drifts
 * better than one centroid per story does. Slots are a ring: an article older than `capacity`
 * arrivals is gone; its posting entries are skipped and pruned as postings grow.
 */
import type { TermVector } from './term-vector.js';

export interface NeighbourIndexOptions {
  /** Articles kept (a ring of the latest). */
  capacity: number;
  /** Heaviest document terms looked up. */
  queryTerms: number;
  /** Latest articles read per posting (a term in more recent articles than this says little). */
  maxPosting: number;
  /** Neighbours returned. */
  k: number;
}

export interface Neighbour {
  /** Arrival sequence number of the neighbour. */
  seq: number;
  /** Dot product of the two (unit, truncated) vectors. */
  similarity: number;
  eventId: number;
  storyId: number;
  /** Publish time (ms) or NaN. */
  time: number;
}

interface Posting {
  seqs: number[];
  weights: number[];
}

export class NeighbourIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly eventIds: Int32Array;
  private readonly storyIds: Int32Array;
  private readonly times: Float64Array;
  private readonly scratch: Float64Array;
  private readonly touched: Int32Array;
  private seq = 0;

  constructor(private readonly options: NeighbourIndexOptions) {
    this.eventIds = new Int32Array(options.capacity);
    this.storyIds = new Int32Array(options.capacity);
    this.times = new Float64Array(options.capacity);
    this.scratch = new Float64Array(options.capacity);
    this.touched = new Int32Array(Math.min(options.capacity, options.queryTerms * options.maxPosting));
  }

  /** Articles added so far (the next article's sequence number). */
  get added(): number {
    return this.seq;
  }

  /** The `k` most similar live articles sharing a query term, most similar first. */
  neighbours(doc: TermVector): Neighbour[] {
    const { capacity, maxPosting, k } = this.options;
    const oldest = this.seq - capacity;
    const n = Math.min(this.options.queryTerms, doc.terms.length);
    let touchedCount = 0;
    for (let i = 0; i < n; i++) {
      const posting = this.postings.get(doc.terms[i]!);
      if (posting === undefined) continue;
      const w = doc.weights[i]!;
      const { seqs, weights } = posting;
      const from = Math.max(0, seqs.length - maxPosting);
      for (let j = seqs.length - 1; j >= from; j--) {
        const s = seqs[j]!;
        if (s < oldest) break;
        const slot = s % capacity;
        if (this.scratch[slot] === 0 && touchedCount < this.touched.length) this.touched[touchedCount++] = s;
        this.scratch[slot] = this.scratch[slot]! + w * weights[j]!;
      }
    }
    // Keep the k best in a small sorted array (k is small).
    const best: Neighbour[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const s = this.touched[t]!;
      const slot = s % capacity;
      const similarity = this.scratch[slot]!;
      this.scratch[slot] = 0;
      if (best.length === k && similarity <= best[k - 1]!.similarity) continue;
      const entry = { seq: s, similarity, eventId: this.eventIds[slot]!, storyId: this.storyIds[slot]!, time: this.times[slot]! };
      let at = best.length;
      while (at > 0 && best[at - 1]!.similarity < similarity) at--;
      best.splice(at, 0, entry);
      if (best.length > k) best.pop();
    }
    return best;
  }

  /** Index a placed article; returns its sequence number. */
  add(doc: TermVector, placed: { eventId: number; storyId: number; time: number }): number {
    const { capacity, maxPosting } = this.options;
    const s = this.seq++;
    const slot = s % capacity;
    this.eventIds[slot] = placed.eventId;
    this.storyIds[slot] = placed.storyId;
    this.times[slot] = placed.time;
    const oldest = this.seq - capacity;
    for (let i = 0; i < doc.terms.length; i++) {
      const term = doc.terms[i]!;
      let posting = this.postings.get(term);
      if (posting === undefined) this.postings.set(term, (posting = { seqs: [], weights: [] }));
      posting.seqs.push(s);
      posting.weights.push(doc.weights[i]!);
      if (posting.seqs.length >= 2 * maxPosting || posting.seqs[0]! < oldest - capacity) {
        let drop = Math.max(0, posting.seqs.length - maxPosting);
        while (drop < posting.seqs.length && posting.seqs[drop]! < oldest) drop++;
        posting.seqs.splice(0, drop);
        posting.weights.splice(0, drop);
      }
    }
    if (this.seq % capacity === 0) this.sweep();
    return s;
  }

  /** Re-label indexed articles of one story as another's (the first story merged into the second). */
  relabelStory(from: number, to: number): void {
    for (let slot = 0; slot < Math.min(this.seq, this.options.capacity); slot++) {
      if (this.storyIds[slot] === from) this.storyIds[slot] = to;
    }
  }

  /**
   * Re-label the indexed articles of some events as another story's (the events moved there by
   * hand, in one pass), and what they weighed: their term weights summed (as far as the postings
   * still hold them), how many there are in all and per event, and their span of publish times (NaN
   * when none is dated).
   */
  moveEvents(eventIds: ReadonlySet<number>, storyId: number): { weights: Map<string, number>; articles: number; perEvent: Map<number, number>; first: number; last: number } {
    const seqs = new Set<number>();
    const perEvent = new Map<number, number>();
    let first = NaN;
    let last = NaN;
    const live = Math.min(this.seq, this.options.capacity);
    for (let slot = 0; slot < live; slot++) {
      const eventId = this.eventIds[slot]!;
      if (!eventIds.has(eventId)) continue;
      this.storyIds[slot] = storyId;
      perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + 1);
      // The slot's sequence number: the latest arrival that landed in it.
      seqs.add(this.seq - 1 - ((this.seq - 1 - slot) % this.options.capacity));
      const time = this.times[slot]!;
      if (!Number.isNaN(time)) {
        first = Number.isNaN(first) ? time : Math.min(first, time);
        last = Number.isNaN(last) ? time : Math.max(last, time);
      }
    }
    const weights = new Map<string, number>();
    if (seqs.size > 0) {
      for (const [term, posting] of this.postings) {
        for (let j = 0; j < posting.seqs.length; j++) {
          if (seqs.has(posting.seqs[j]!)) weights.set(term, (weights.get(term) ?? 0) + posting.weights[j]!);
        }
      }
    }
    return { weights, articles: seqs.size, perEvent, first, last };
  }

  /** Re-label indexed articles of one event as another's (the first event merged into the second). */
  relabelEvent(from: number, to: number): void {
    for (let slot = 0; slot < Math.min(this.seq, this.options.capacity); slot++) {
      if (this.eventIds[slot] === from) this.eventIds[slot] = to;
    }
  }

  /** Drop postings whose every article has left the ring. */
  private sweep(): void {
    const oldest = this.seq - this.options.capacity;
    for (const [term, posting] of this.postings) {
      if (posting.seqs[posting.seqs.length - 1]! < oldest) this.postings.delete(term);
    }
  }
}
