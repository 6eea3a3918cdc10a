/**
 * @module The story each article ends in, as the store keeps it: a placement puts the article in an
 * event, and a later story merge moves whole events (`movedEvents`) to the surviving story, so an
 * article's story is its event's latest story, not the one it was first placed in.
 */
import type { Placement } from '../../src/model/grouping.js';

/** Final story id of each placed article, in placement order. */
export function finalStories(placements: Array<Pick<Placement, 'event' | 'movedEvents'>>): number[] {
  const storyOfEvent = new Map<number, number>();
  for (const p of placements) {
    storyOfEvent.set(p.event.id, p.event.storyId);
    for (const moved of p.movedEvents) storyOfEvent.set(moved.id, moved.storyId);
  }
  return placements.map((p) => storyOfEvent.get(p.event.id)!);
}
