/** @module Stories, events and placements for store tests: what the grouper would decide, given by hand. */
import type { EventRecord, Placement, StoryRecord } from '../../model/index.js';

export const harbour: StoryRecord = { id: 1, title: 'Cargo ships queue outside the harbour', start: '2025-06-02', end: '2025-06-03' };
export const strike: StoryRecord = { id: 2, title: 'Valmora dockers strike over pay', start: '2025-06-02', end: '2025-06-02' };
export const queueEvent: EventRecord = { id: 1, storyId: 1, title: 'Ships queue', start: '2025-06-02', end: '2025-06-02' };
export const strikeEvent: EventRecord = { id: 2, storyId: 2, title: 'Dockers walk out', start: '2025-06-02', end: '2025-06-02' };

/** An article placed in `event` of `story`, a new report unless `merge` says more. */
export const placed = (event: EventRecord, story: StoryRecord, merge: Partial<Placement> = {}): Placement => ({
  duplicateOf: null,
  similarity: null,
  changes: null,
  event,
  story,
  movedEvents: [],
  mergedStoryIds: [],
  ...merge,
});
