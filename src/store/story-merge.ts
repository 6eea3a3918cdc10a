/**
 * @module What merging stories by hand comes to, from what the store holds: both stores read the
 * stories and their events, and write what this returns.
 */
import type { EventRecord, Regrouping, StoryRecord } from '../model/index.js';

/** An event of one of the stories to merge, with how many articles it holds (copies included). */
export interface EventSize {
  event: EventRecord;
  articles: number;
}

/**
 * Stories `merged` (none of them `into`) merged into `into`: their events move to it, it spans them
 * all and is named after the largest event of them all (its own first among equals, then the
 * oldest), as the grouper names a story.
 */
export function storyMerge(into: StoryRecord, merged: readonly StoryRecord[], events: readonly EventSize[]): Regrouping {
  let largest: EventSize | null = null;
  for (const e of events) {
    if (largest === null || e.articles > largest.articles) largest = e;
    else if (e.articles === largest.articles) {
      const own = (x: EventSize): boolean => x.event.storyId === into.id;
      if ((own(e) && !own(largest)) || (own(e) === own(largest) && e.event.id < largest.event.id)) largest = e;
    }
  }
  let { start, end } = into;
  for (const story of merged) {
    if (story.start !== null && (start === null || story.start < start)) start = story.start;
    if (story.end !== null && (end === null || story.end > end)) end = story.end;
  }
  const mergedIds = new Set(merged.map((s) => s.id));
  return {
    stories: [{ id: into.id, title: largest?.event.title ?? into.title, start, end }],
    movedEvents: events.filter((e) => mergedIds.has(e.event.storyId)).map((e) => ({ ...e.event, storyId: into.id })),
    merged: merged.map((s) => ({ id: s.id, into: into.id })),
  };
}
