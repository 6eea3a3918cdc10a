/**
 * @module What is new in a followed story since it was last seen: the articles that reached it
 * (originals and folded copies), the events they opened and the outlets that came to it, in one
 * shape for the CLI, the pages and the API, and in one sentence.
 */
import type { FollowedStory, Store, StoryArrival } from '../store/store.js';

export interface StoryNews {
  storyId: number;
  title: string;
  followedAt: string;
  seenAt: string;
  /** Articles that reached the story since it was seen (copies included). */
  articles: number;
  /** More arrived than were read (the counts are then at least these). */
  more: boolean;
  /** The new original articles, latest first. */
  originals: StoryArrival[];
  copies: number;
  newEvents: Array<{ id: number; title: string }>;
  newOutlets: string[];
  /** When the latest of them arrived. */
  latest: string | null;
}

/** The news in `arrivals` (latest first, at most `limit` read) of a followed story. */
export function storyNews(followed: FollowedStory, arrivals: readonly StoryArrival[], limit: number): StoryNews {
  const newEvents = new Map<number, string>();
  const newOutlets = new Set<string>();
  for (const arrival of arrivals) {
    if (arrival.newEvent && arrival.eventId !== null) newEvents.set(arrival.eventId, arrival.eventTitle ?? `event ${arrival.eventId}`);
    if (arrival.newOutlet && arrival.source) newOutlets.add(arrival.source);
  }
  const originals = arrivals.filter((a) => a.duplicateOf === null);
  return {
    storyId: followed.storyId,
    title: followed.title,
    followedAt: followed.followedAt,
    seenAt: followed.seenAt,
    articles: arrivals.length,
    more: arrivals.length >= limit,
    originals,
    copies: arrivals.length - originals.length,
    newEvents: [...newEvents].map(([id, title]) => ({ id, title })).reverse(),
    newOutlets: [...newOutlets].reverse(),
    latest: arrivals[0]?.seenAt ?? null,
  };
}

const count = (n: number, noun: string, more = false): string => `${more ? 'at least ' : ''}${n} ${noun}${n === 1 ? '' : 's'}`;

/** "3 new articles (1 of them a copy), 2 new outlets, a new event", or "nothing new". */
export function newsSentence(news: StoryNews): string {
  if (news.articles === 0) return 'nothing new';
  const copies = news.copies === 0 ? '' : news.copies === news.articles ? (news.copies === 1 ? ' (a copy)' : ' (all copies)') : ` (${news.copies} of them ${news.copies === 1 ? 'a copy' : 'copies'})`;
  const parts = [`${count(news.articles, 'new article', news.more)}${copies}`];
  if (news.newOutlets.length > 0) parts.push(news.newOutlets.length === 1 ? 'a new outlet' : `${news.newOutlets.length} new outlets`);
  if (news.newEvents.length > 0) parts.push(news.newEvents.length === 1 ? 'a new event' : `${news.newEvents.length} new events`);
  return parts.join(', ');
}

/** At most this many arrivals are read per story: a story followed for months is "at least 500". */
export const NEWS_LIMIT = 500;

/** Every followed story with its news, those with the latest news first, then the quiet ones by title. */
export async function followedNews(store: Store): Promise<StoryNews[]> {
  const followed = await store.followedStories();
  const news: StoryNews[] = [];
  for (const f of followed) news.push(storyNews(f, await store.storyArrivals(f.storyId, f.seenArticleId, NEWS_LIMIT), NEWS_LIMIT));
  return news.sort((a, b) => (b.latest ?? '').localeCompare(a.latest ?? '') || a.title.localeCompare(b.title));
}

export interface Development extends StoryArrival {
  storyTitle: string;
}

/**
 * The original articles that reached followed stories since each was followed, latest first: what a
 * feed of developments carries (folded copies are the same report again, and left out).
 */
export async function followedDevelopments(store: Store, limit = 50): Promise<Development[]> {
  const all: Development[] = [];
  for (const f of await store.followedStories()) {
    for (const arrival of await store.storyArrivals(f.storyId, f.sinceArticleId, limit * 2)) {
      if (arrival.duplicateOf === null) all.push({ ...arrival, storyTitle: f.title });
    }
  }
  return all.sort((a, b) => b.id - a.id).slice(0, limit);
}
