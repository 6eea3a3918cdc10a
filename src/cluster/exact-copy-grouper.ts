/**
 * @module The simplest honest grouper: an article whose normalised text equals an earlier one's is
 * folded onto it (and joins its event); every other article is its own event and story.
 */
import { createHash } from 'node:crypto';
import type { EventRecord, Grouper, GroupingInput, Placement, StoryRecord } from '../model/index.js';

const fingerprint = (text: string): string =>
  createHash('sha256').update(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).digest('hex');

const dayOf = (input: GroupingInput): string | null => input.article.published?.slice(0, 10) ?? null;

export function createExactCopyGrouper(): Grouper {
  const originals = new Map<string, { id: number; event: EventRecord; story: StoryRecord }>();
  let lastStoryId = 0;
  let lastEventId = 0;

  const remember = (input: GroupingInput, placement: Placement): void => {
    lastStoryId = Math.max(lastStoryId, placement.story.id);
    lastEventId = Math.max(lastEventId, placement.event.id);
    const key = fingerprint(input.article.text);
    if (placement.duplicateOf === null && !originals.has(key)) {
      originals.set(key, { id: input.id, event: placement.event, story: placement.story });
    }
  };

  return {
    decide(input) {
      const original = originals.get(fingerprint(input.article.text));
      if (original) {
        return { duplicateOf: original.id, similarity: 1, changes: null, event: original.event, story: original.story, movedEvents: [], mergedStoryIds: [] };
      }
      const day = dayOf(input);
      const story: StoryRecord = { id: lastStoryId + 1, title: input.article.title, start: day, end: day };
      const event: EventRecord = { id: lastEventId + 1, storyId: story.id, title: input.article.title, start: day, end: day };
      return { duplicateOf: null, similarity: null, changes: null, event, story, movedEvents: [], mergedStoryIds: [] };
    },
    apply: remember,
    restore(stored) {
      remember(stored, { duplicateOf: stored.duplicateOf, similarity: null, changes: null, event: stored.event, story: stored.story, movedEvents: [], mergedStoryIds: [] });
    },
  };
}
