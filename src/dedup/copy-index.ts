/**
 * @module Copy index: finds the article a new one is a syndicated copy of.
 *
 * Candidates come from LSH banding over one-permutation sketches of word 5-shingles; each candidate
 * is verified on a fixed sample of the shingles (those whose hash is divisible by `1 << sampleBits`,
 * a consistent sample, so shared shingles are sampled in both texts) by containment: the share of
 * the SMALLER text's shingles found in the other. A wire story trimmed by one outlet, or wrapped in
 * another's page furniture, keeps most of its shingles inside the other text even though the Jaccard
 * similarity of the two falls; two independent reports of the same meeting share names and a quote
 * but few five-word runs. Lines an outlet prints in many articles (its furniture) are left out.
 *
 * Groups have one root (the original); copies point at it, never at another copy. The index keeps
 * the last `generations * generationSize` articles; older ones are dropped a generation at a time.
 */
import { domainLabel } from '../extract/page-metadata.js';
import { describeCopyChanges } from './copy-changes.js';
import { LshIndex } from './lsh-index.js';
import { sketchShingles } from './one-permutation-sketch.js';
import { SourceFurniture } from './source-furniture.js';
import { shingleText, uniqueSorted, countShared, countSharedAtLeast } from './word-shingles.js';
import type { CopyChanges, TextShingles } from '../model/grouping.js';

export interface CopyIndexOptions {
  /** Words per shingle. */
  shingleWords: number;
  /** Sketch bins (power of two). */
  bins: number;
  /** Sketch values per LSH band: fewer rows find pairs of lower Jaccard similarity. */
  rows: number;
  /** Keep 1 shingle in 2^sampleBits for verification. */
  sampleBits: number;
  /** Minimum containment of the smaller text in the larger to call it a copy. */
  minContainment: number;
  /**
   * Minimum containment between two articles of the same outlet: they share the outlet's page
   * furniture, which can make up half of a short article before the furniture is learnt.
   */
  sameSourceMinContainment: number;
  /** Minimum sampled shingles shared (texts shorter than this never fold). */
  minSharedSamples: number;
  /** Copies whose text is kept, so their changes can be described when their original arrives later. */
  recentTexts: number;
  /** Originals whose text is kept to describe their copies' changes (the latest; older copies get none). */
  originalTexts: number;
  generationSize: number;
  generations: number;
  /** An outlet's line seen in this many earlier articles of the outlet is furniture. */
  furnitureRepeats: number;
  /**
   * Agencies credited by a text ("With AFP" -> ["AFP"]); an article from a credited agency is the
   * original of the crediting copy. Optional: without it, only dates and arrival decide.
   */
  findCredits?: (text: string) => string[];
}

export const defaultCopyIndexOptions: CopyIndexOptions = {
  shingleWords: 5,
  bins: 128,
  rows: 2,
  sampleBits: 1,
  minContainment: 0.5,
  sameSourceMinContainment: 0.8,
  minSharedSamples: 8,
  recentTexts: 2_000,
  originalTexts: 5_000,
  generationSize: 5_000,
  generations: 6,
  furnitureRepeats: 2,
};

/** What the index needs of an article. */
export interface CopyCandidateInput {
  id: number;
  text: string;
  source: string | null;
  /** Publish date-time (ISO) or null. */
  published: string | null;
  /** Agencies the article credits, when the extraction found them. */
  credits?: string[];
}

/** Everything derived from one article's text, computed once per decision. */
export interface CopyFeatures {
  lineHashes: number[];
  samples: Uint32Array;
  bandKeys: Uint32Array;
}

export interface CopyMatch {
  /** The indexed article the text matched best. */
  matchedId: number;
  /** Root original of the matched article's group. */
  rootId: number;
  similarity: number;
  /** True when the new article should be the group's original instead (earlier, or credited). */
  newIsOriginal: boolean;
  /**
   * Roots of stored groups that the new article also matches and whose original it (or its root)
   * precedes: those groups were stored before their original arrived and now fold onto it. When
   * `newIsOriginal`, `rootId` is among them.
   */
  absorbed: number[];
}

/** A stored article re-pointed at a new root, with its similarity to that root. */
export interface Refold {
  id: number;
  duplicateOf: number;
  similarity: number;
}

interface Entry {
  id: number;
  rootId: number;
  samples: Uint32Array;
  source: string | null;
  published: string | null;
  /** Text kept for originals only, to describe what their copies changed. */
  text: string | null;
  credits: string[];
}

/**
 * Whether an outlet is among the credited agencies, by name or by initials: "With CPA" credits the
 * Continental Press Agency, "(AFP)" Agence France-Presse; a domain ("Originally published at
 * valleydispatch.example") credits the outlet of that name.
 */
export function credited(credits: string[], source: string | null): boolean {
  if (source === null || credits.length === 0) return false;
  const name = source.toLowerCase();
  const initials = name.split(/[^\p{L}]+/u).filter(Boolean).map((word) => word[0]).join('');
  const squashed = name.replace(/[^\p{L}\p{N}]+/gu, '');
  return credits.some((credit) => credit === name || (credit.length >= 2 && credit === initials) || name.startsWith(`${credit} `) || creditedSite(credit) === squashed);
}

/** "valleydispatch" of a credited domain ("www.valley-dispatch.example"), for an outlet named "Valley Dispatch"; else null. */
function creditedSite(credit: string): string | null {
  if (!/^[a-z\d-]+(?:\.[a-z\d-]+)+$/.test(credit)) return null;
  return domainLabel(`https://${credit}`)?.replace(/-/g, '') ?? null;
}

/**
 * Whether two texts differ enough in length that a copy of one inside the other may share just
 * one LSH band. A copy at the minimum containment c of texts of sizes a <= b = r·a has Jaccard
 * J = c / (1 + r - c): with c = 0.5 and r < 1.25, J > 0.28 and a copy shares about 64·J² > 5 of
 * the 64 two-row bands, so one shared band alone (a 3% chance for such a copy, far less for a
 * closer one) is almost always two unrelated texts meeting on one common phrase pair. Those are
 * most candidates, and verifying them was most of the grouper's time; a short copy inside a
 * long page (low J by its nature) is still verified on a single band.
 */
function lopsided(a: number, b: number): boolean {
  return Math.max(a, b) >= 1.25 * Math.min(a, b);
}

/** The verification sample of some shingles: those whose low `sampleBits` bits are zero, sorted, distinct. */
function sampleShingles(hashes: Uint32Array, sampleBits: number): Uint32Array {
  const mask = (1 << sampleBits) - 1;
  return uniqueSorted(hashes.filter((h) => (h & mask) === 0));
}

/**
 * An article's shingles with the samples and sketch of all of them: pure (no furniture is known
 * here), so it can be computed on another thread and given to `CopyIndex.features`.
 */
export function textShingles(
  text: string,
  options: Pick<CopyIndexOptions, 'shingleWords' | 'sampleBits' | 'bins'> = defaultCopyIndexOptions,
): TextShingles {
  const { shingleWords, sampleBits, bins } = options;
  const shingled = shingleText(text, shingleWords);
  // A copy, not the scan's oversized buffer: this may be posted to another thread.
  const hashes = shingled.hashes.slice();
  const lines = new Uint32Array(shingled.lines.length * 3);
  shingled.lines.forEach((line, i) => lines.set([line.hash, line.start, line.end], i * 3));
  return { shingleWords, sampleBits, bins, hashes, lines, samples: sampleShingles(hashes, sampleBits), sketch: sketchShingles(hashes, bins) };
}

/** The fewest shared samples whose share of `smaller` is at least `containment` (as `shared / smaller` computes it). */
function leastShared(containment: number, smaller: number): number {
  let k = Math.ceil(containment * smaller);
  while (k > 0 && (k - 1) / smaller >= containment) k--;
  while (k / smaller < containment) k++;
  return k;
}

export class CopyIndex {
  private readonly options: CopyIndexOptions;
  private readonly lsh: LshIndex;
  private readonly furniture: SourceFurniture;
  private readonly entries = new Map<number, Entry>();
  /** Members of each live group by root id (the root included). */
  private readonly groups = new Map<number, Set<number>>();
  /** Texts of the latest copies, to describe their changes if their original arrives after them. */
  private readonly recent = new Map<number, string>();
  /** Originals holding their text, oldest first. */
  private readonly withText: number[] = [];

  constructor(options: Partial<CopyIndexOptions> = {}) {
    this.options = { ...defaultCopyIndexOptions, ...options };
    this.lsh = new LshIndex({
      rows: this.options.rows,
      generationSize: this.options.generationSize,
      generations: this.options.generations,
    });
    this.furniture = new SourceFurniture({ minRepeats: this.options.furnitureRepeats, capacity: 200_000 });
  }

  /**
   * The article's features against what the index has learnt (its outlet's furniture left out).
   * `shingled`: its shingles computed ahead (`textShingles`), used when made with this index's
   * parameters; with no furniture line, their samples and sketch are used as they are.
   */
  features(input: CopyCandidateInput, shingled?: TextShingles): CopyFeatures {
    const { shingleWords, sampleBits, bins } = this.options;
    const ahead = shingled !== undefined && shingled.shingleWords === shingleWords && shingled.sampleBits === sampleBits && shingled.bins === bins ? shingled : textShingles(input.text, this.options);
    const { lines, hashes } = ahead;
    const lineHashes: number[] = [];
    for (let l = 0; l < lines.length; l += 3) lineHashes.push(lines[l]!);
    if (!lineHashes.some((hash) => this.furniture.isFurniture(input.source, hash))) {
      const bandKeys = ahead.samples.length === 0 ? new Uint32Array(0) : this.lsh.keys(ahead.sketch);
      return { lineHashes, samples: ahead.samples, bandKeys };
    }
    const kept: number[] = [];
    for (let l = 0; l < lines.length; l += 3) {
      if (this.furniture.isFurniture(input.source, lines[l]!)) continue;
      for (let i = lines[l + 1]!; i < lines[l + 2]!; i++) kept.push(hashes[i]!);
    }
    const content = Uint32Array.from(kept);
    const samples = sampleShingles(content, sampleBits);
    const bandKeys = samples.length === 0 ? new Uint32Array(0) : this.lsh.keys(sketchShingles(content, bins));
    return { lineHashes, samples, bandKeys };
  }

  /** The best verified match for an article, or null when it is not a copy of anything indexed. */
  match(input: CopyCandidateInput, features: CopyFeatures): CopyMatch | null {
    if (features.samples.length < this.options.minSharedSamples) return null;
    let best: { entry: Entry; similarity: number } | null = null;
    const roots = new Set<number>();
    const size = features.samples.length;
    for (const { id } of this.lsh.candidates(features.bandKeys, (bands, other) => bands > 1 || lopsided(size, other))) {
      const entry = this.entries.get(id);
      if (entry === undefined || entry.id === input.id) continue;
      const smaller = Math.min(features.samples.length, entry.samples.length);
      const sameSource = input.source !== null && input.source === entry.source;
      const minContainment = sameSource ? this.options.sameSourceMinContainment : this.options.minContainment;
      const shared = countSharedAtLeast(features.samples, entry.samples, Math.max(this.options.minSharedSamples, leastShared(minContainment, smaller)));
      if (shared < this.options.minSharedSamples) continue;
      const similarity = shared / smaller;
      if (similarity < minContainment) continue;
      roots.add(entry.rootId);
      if (best === null || similarity > best.similarity || (similarity === best.similarity && id < best.entry.id)) {
        best = { entry, similarity };
      }
    }
    if (best === null) return null;
    const rootId = best.entry.rootId;
    const root = this.entries.get(rootId);
    const credits = this.creditsOf(input);
    const newcomer = { source: input.source, published: input.published, credits };
    const newIsOriginal = root !== undefined && this.precedes(newcomer, root);
    // The group's original is the new article or the best match's root; any other matched group
    // whose root it precedes was a copy stored before its original.
    const first = newIsOriginal ? newcomer : root;
    const absorbed: number[] = newIsOriginal ? [rootId] : [];
    if (first !== undefined) {
      for (const other of roots) {
        if (other === rootId || other === input.id) continue;
        const otherRoot = this.entries.get(other);
        if (otherRoot !== undefined && this.precedes(first, otherRoot)) absorbed.push(other);
      }
    }
    return { matchedId: best.entry.id, rootId, similarity: Math.min(1, best.similarity), newIsOriginal, absorbed };
  }

  /**
   * The stored members of the `absorbed` groups, re-pointed at `newRoot`, each with its containment
   * in the new root (`rootSamples`: the new root's verification samples).
   */
  refolds(absorbed: number[], newRoot: number, rootSamples: Uint32Array): Refold[] {
    const out: Refold[] = [];
    for (const rootId of absorbed) {
      for (const id of this.groups.get(rootId) ?? []) {
        const entry = this.entries.get(id);
        if (entry === undefined || id === newRoot) continue;
        const smaller = Math.min(entry.samples.length, rootSamples.length);
        const similarity = smaller === 0 ? 0 : Math.min(1, countShared(entry.samples, rootSamples) / smaller);
        out.push({ id, duplicateOf: newRoot, similarity });
      }
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** Verification samples of an indexed article. */
  samplesOf(id: number): Uint32Array | undefined {
    return this.entries.get(id)?.samples;
  }

  /** Text of a recent article (originals are held while indexed, copies for `recentTexts` arrivals). */
  textOf(id: number): string | undefined {
    return this.entries.get(id)?.text ?? this.recent.get(id);
  }

  /** Re-point stored articles at their new root (the `refolded` of a placement that was stored). */
  refold(refolds: ReadonlyArray<{ id: number; duplicateOf: number }>): void {
    for (const { id, duplicateOf } of refolds) {
      const entry = this.entries.get(id);
      if (entry === undefined || entry.rootId === duplicateOf) continue;
      const old = this.groups.get(entry.rootId);
      old?.delete(id);
      if (old?.size === 0) this.groups.delete(entry.rootId);
      entry.rootId = duplicateOf;
      if (entry.text !== null) this.rememberText(id, entry.text);
      entry.text = null;
      let members = this.groups.get(duplicateOf);
      if (members === undefined) this.groups.set(duplicateOf, (members = new Set()));
      members.add(id);
    }
  }

  private rememberText(id: number, text: string): void {
    this.recent.set(id, text);
    if (this.recent.size > this.options.recentTexts) this.recent.delete(this.recent.keys().next().value!);
  }

  private creditsOf(input: CopyCandidateInput): string[] {
    return (input.credits ?? this.options.findCredits?.(input.text) ?? []).map((c) => c.toLowerCase());
  }

  /** True when `input` (with the agencies it credits, lower case) should be the original of the group rooted at `root`. */
  private precedes(input: Pick<Entry, 'source' | 'published' | 'credits'>, root: Entry): boolean {
    if (credited(root.credits, input.source)) return true;
    if (credited(input.credits, root.source)) return false;
    if (input.published === null || root.published === null) return false;
    return Date.parse(input.published) < Date.parse(root.published);
  }

  /** What a copy changed relative to its root, when the root's text is still held. */
  changes(rootId: number, copyText: string): CopyChanges | null {
    const text = this.entries.get(rootId)?.text;
    return text === undefined || text === null ? null : describeCopyChanges(text, copyText);
  }

  /**
   * Record a placed article. `duplicateOf` is its stored root (null for an original); `takesOver`
   * names the group it becomes the original of (a copy that arrived before its original).
   */
  add(input: CopyCandidateInput, features: CopyFeatures, placed: { duplicateOf: number | null; takesOver: number | null }): void {
    this.furniture.record(input.source, features.lineHashes);
    if (features.samples.length < this.options.minSharedSamples) return;
    const rootId = placed.duplicateOf ?? input.id;
    const entry: Entry = {
      id: input.id,
      rootId,
      samples: features.samples,
      source: input.source,
      published: input.published,
      text: placed.duplicateOf === null ? input.text : null,
      credits: this.creditsOf(input),
    };
    this.entries.set(input.id, entry);
    if (entry.text !== null) {
      this.withText.push(input.id);
      if (this.withText.length > this.options.originalTexts * 1.25) {
        for (const id of this.withText.splice(0, this.withText.length - this.options.originalTexts)) {
          const old = this.entries.get(id);
          if (old !== undefined) old.text = null;
        }
      }
    }
    if (placed.duplicateOf !== null) this.rememberText(input.id, input.text);
    const members = this.groups.get(rootId) ?? new Set<number>();
    members.add(input.id);
    this.groups.set(rootId, members);
    if (placed.takesOver !== null && placed.takesOver !== input.id) this.reroot(placed.takesOver, input.id);
    for (const old of this.lsh.add(input.id, features.bandKeys, features.samples.length)) this.evict(old);
  }

  private reroot(oldRoot: number, newRoot: number): void {
    const oldMembers = this.groups.get(oldRoot);
    const members = this.groups.get(newRoot)!;
    if (oldMembers === undefined) return;
    for (const id of oldMembers) {
      const entry = this.entries.get(id);
      if (entry !== undefined) entry.rootId = newRoot;
      members.add(id);
    }
    this.groups.delete(oldRoot);
  }

  private evict(id: number): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.recent.delete(id);
    const members = this.groups.get(entry.rootId);
    if (members === undefined) return;
    members.delete(id);
    if (members.size === 0) this.groups.delete(entry.rootId);
  }

  get size(): number {
    return this.entries.size;
  }
}
