/**
 * @module What a copy changed relative to its original, paragraph by paragraph: paragraphs only in
 * the copy are `added`, only in the original `removed`, and a removed paragraph that reappears
 * reworded (most of its words kept) is `edited`. Case, quote style and spacing are not changes.
 */
import { diffArrays } from 'diff';
import type { CopyChanges } from '../model/grouping.js';

const MAX_ENTRIES = 50;

function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function normalise(p: string): string {
  return p
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');
}

function words(p: string): Set<string> {
  return new Set(normalise(p).match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of the smaller paragraph's words found in the other. */
function wordOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Pair removed and added paragraphs of one diff hunk into edits where they share most words. */
function pairHunk(removed: string[], added: string[], changes: CopyChanges): void {
  const addedWords = added.map(words);
  const used = new Set<number>();
  for (const from of removed) {
    const fromWords = words(from);
    let best = -1;
    let bestScore = 0.6;
    addedWords.forEach((aw, i) => {
      if (used.has(i)) return;
      const score = wordOverlap(fromWords, aw);
      if (score >= bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) {
      used.add(best);
      changes.edited.push({ from, to: added[best]! });
    } else changes.removed.push(from);
  }
  added.forEach((p, i) => {
    if (!used.has(i)) changes.added.push(p);
  });
}

/** Describe how `copy` differs from `original` (both clean article texts). */
export function describeCopyChanges(original: string, copy: string): CopyChanges {
  const changes: CopyChanges = { added: [], removed: [], edited: [] };
  const from = paragraphs(original);
  const to = paragraphs(copy);
  // Diff the normalised paragraphs (normalising once, not in every comparison), then map the
  // changes back to the paragraphs as printed.
  const diff = diffArrays(from.map(normalise), to.map(normalise));
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) pairHunk(removed, added, changes);
    removed = [];
    added = [];
  };
  for (const part of diff) {
    const n = part.value.length;
    if (part.removed) {
      removed.push(...from.slice(i, i + n));
      i += n;
    } else if (part.added) {
      added.push(...to.slice(j, j + n));
      j += n;
    } else {
      flush();
      i += n;
      j += n;
    }
  }
  flush();
  return {
    added: changes.added.slice(0, MAX_ENTRIES),
    removed: changes.removed.slice(0, MAX_ENTRIES),
    edited: changes.edited.slice(0, MAX_ENTRIES),
  };
}
