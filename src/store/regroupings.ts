/**
 * @module What regrouping stories by hand comes to, from what the store holds: both stores read
 * the stories and events concerned, and write what these return. A story is named after its
 * largest event and spans its events, as the grouper names and spans it.
 */
import type { EventRecord, Regrouping, StoryRecord } from '../model/index.js';

/** An event of a story concerned, with how many articles it holds (copies included). */
export interface EventSize {
  event: EventRecord;
  articles: number;
}

/**
 * The largest of `events`; among equals, the one the story is named after now (a regrouping does
 * not rename a story for nothing), then one of its own, then the oldest.
 */
function largest(events: readonly EventSize[], story: StoryRecord): EventSize | null {
  const rank = (x: EventSize): number => (x.event.title === story.title ? 2 : x.event.storyId === story.id ? 1 : 0);
  let best: EventSize | null = null;
  for (const e of events) {
    if (best === null || e.articles > best.articles) best = e;
    else if (e.articles === best.articles && (rank(e) > rank(best) || (rank(e) === rank(best) && e.event.id < best.event.id))) best = e;
  }
  return best;
}

/** Story `id` as it is when it holds `events`: named after the largest, spanning them all. */
function storyHolding(story: StoryRecord, events: readonly EventSize[]): StoryRecord {
  let start: string | null = null;
  let end: string | null = null;
  for (const { event } of events) {
    if (event.start !== null && (start === null || event.start < start)) start = event.start;
    if (event.end !== null && (end === null || event.end > end)) end = event.end;
  }
  return { id: story.id, title: largest(events, story)?.event.title ?? story.title, start, end };
}

/**
 * Stories `merged` (none of them `into`) merged into `into`: their events (`events`: those of all
 * of them) move to it, and it spans them all.
 */
export function storyMerge(into: StoryRecord, merged: readonly StoryRecord[], events: readonly EventSize[]): Regrouping {
  const mergedIds = new Set(merged.map((s) => s.id));
  let { start, end } = into;
  for (const story of merged) {
    if (story.start !== null && (start === null || story.start < start)) start = story.start;
    if (story.end !== null && (end === null || story.end > end)) end = story.end;
  }
  return {
    stories: [{ ...storyHolding(into, events), start, end }],
    movedEvents: events.filter((e) => mergedIds.has(e.event.storyId)).map((e) => ({ ...e.event, storyId: into.id })),
    merged: merged.map((s) => ({ id: s.id, into: into.id })),
  };
}

/**
 * Events `moved` taken out of their story `from` (whose events, they among them, are `fromEvents`)
 * into story `into` (with its events `intoEvents`), or into a new story `into` when `intoEvents` is
 * empty. A story left without events is merged into `into`, so its links lead there; otherwise the
 * two are kept apart from now on (the reader has looked at both and told them apart).
 */
export function eventsMove(moved: readonly EventRecord[], from: StoryRecord, fromEvents: readonly EventSize[], into: StoryRecord, intoEvents: readonly EventSize[]): Regrouping {
  const movedIds = new Set(moved.map((e) => e.id));
  const left = fromEvents.filter((e) => !movedIds.has(e.event.id));
  const arrived = moved.map((event) => ({ event: { ...event, storyId: into.id }, articles: fromEvents.find((e) => e.event.id === event.id)?.articles ?? 0 }));
  const stories = [storyHolding(into, [...intoEvents, ...arrived])];
  if (left.length > 0) stories.unshift(storyHolding(from, left));
  return {
    stories,
    movedEvents: arrived.map((a) => a.event),
    merged: left.length === 0 ? [{ id: from.id, into: into.id }] : [],
    ...(left.length > 0 ? { apart: [[from.id, into.id] as [number, number]] } : {}),
  };
}

/**
 * Where an event moved by hand goes: story `into` as it is now (`intoNow`: the story it is part of
 * now, null when there is none), or a new story numbered after `highestStoryId` when `into` is null;
 * nothing changes when it is there already.
 */
export function moveTarget(moved: EventRecord, into: number | null, intoNow: number | null, highestStoryId: number): { missingStory: number } | { unchanged: Regrouping } | { newStory: StoryRecord } | { story: number } {
  if (into === null) return { newStory: { id: highestStoryId + 1, title: moved.title, start: moved.start, end: moved.end } };
  if (intoNow === null) return { missingStory: into };
  if (intoNow === moved.storyId) return { unchanged: { stories: [], movedEvents: [], merged: [] } };
  return { story: intoNow };
}

/**
 * The stories told apart, as they are now (each pair as the stories its two are part of now): a
 * pair merged into one since, or gone, is no longer apart. Each pair once, in the order given.
 */
export function apartNow(pairs: ReadonlyArray<[number | null, number | null]>): Array<[number, number]> {
  const seen = new Set<string>();
  const apart: Array<[number, number]> = [];
  for (const [a, b] of pairs) {
    if (a === null || b === null || a === b) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    apart.push([a, b]);
  }
  return apart;
}

/** Names of a story looked up for the stories related to it (and the words of its titles: `titleWords`). */
export const RELATED_NAMES = 12;
/** Latest mentions of each name read: the stories naming it lately. */
export const RELATED_MENTIONS = 400;

/** Words of a story's titles looked up besides its names. */
export const RELATED_WORDS = 6;

/**
 * The words of a story's titles (its own, then its events') that look like names: capitalised
 * inside the headline (not its first word, nor a clause's after a colon or dash), four letters or
 * more, not part of a name looked up already. A report in another language often
 * yields no names at all, while its headline still names the port.
 */
export function titleWords(titles: readonly string[], names: readonly string[]): string[] {
  const taken = new Set(names.flatMap((n) => n.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const words: string[] = [];
  for (const title of titles) {
    // A headline's first word, and a clause's after a colon or dash, has its capital anyway.
    for (const [, word] of title.matchAll(/(?<![:–—-]\s*|^\P{L}*)\b(\p{Lu}[\p{L}\p{N}]{3,})/gu)) {
      const key = word!.toLowerCase();
      if (taken.has(key)) continue;
      taken.add(key);
      words.push(word!);
      if (words.length === RELATED_WORDS) return words;
    }
  }
  return words;
}

/**
 * Stories with the names they share, from each name's stories (among its latest mentions): those
 * sharing most first, a name counting the less the more stories name it (a country named
 * everywhere says less than a port or a person), then the newest story (the highest id).
 */
export function sharedByStory(storiesByName: ReadonlyArray<[string, readonly number[]]>): Array<[number, string[]]> {
  const shared = new Map<number, { names: string[]; weight: number }>();
  for (const [name, stories] of storiesByName) {
    const distinct = new Set(stories);
    const weight = 1 / Math.log2(1 + distinct.size);
    for (const story of distinct) {
      const entry = shared.get(story);
      if (entry) {
        entry.names.push(name);
        entry.weight += weight;
      } else shared.set(story, { names: [name], weight });
    }
  }
  return [...shared].sort((a, b) => b[1].weight - a[1].weight || b[0] - a[0]).map(([story, { names }]) => [story, names]);
}
