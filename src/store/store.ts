/**
 * @module The store contract: SQLite (the embedded default, `sqlite/`) and PostgreSQL (scale-out,
 * `postgres/`) implement it, and the same contract tests run on both (store-contract.test.ts).
 *
 * Every write of an article happens in one transaction together with its analysis and its
 * placement, so a killed process leaves either the whole article or nothing. Bulk ingest wraps
 * many articles in one batch (each article's transaction then is a savepoint inside it): a killed
 * process loses at most the open batch, never part of an article.
 */
import type { Analysis, Article, EventRecord, GrouperState, Placement, Regrouping, StoredPlacement, StoryRecord } from '../model/index.js';
import type { Feed, FeedState } from '../sources/feed-schedule.js';
import type { Subscription } from '../sources/source-item.js';

export interface ArticleRecord extends Article {
  id: number;
  /** Stable identity across re-ingests: URL, else external id, else path#index. */
  identity: string;
  contentHash: string;
  rawHash: string;
  revision: number;
  seenAt: string;
  duplicateOf: number | null;
  similarity: number | null;
  changes: Placement['changes'];
  eventId: number | null;
  storyId: number | null;
}

export interface NewArticle {
  identity: string;
  contentHash: string;
  rawHash: string;
  article: Article;
  analysis: Analysis;
  seenAt: string;
}

export interface IdentityMatch {
  id: number;
  contentHash: string;
  rawHash: string;
}

export interface StoryListOptions {
  limit?: number;
  offset?: number;
  /** ISO dates bounding the story's span. */
  from?: string;
  to?: string;
  outlet?: string;
  entity?: string;
}

export interface StorySummary extends StoryRecord {
  articleCount: number;
  outletCount: number;
  eventCount: number;
}

export interface ArticleAnalysisRows extends Analysis {
  articleId: number;
}

export interface StoryDetail {
  story: StorySummary;
  events: EventRecord[];
  articles: ArticleRecord[];
  analyses: ArticleAnalysisRows[];
}

export interface SearchHit {
  articleId: number;
  storyId: number | null;
  title: string;
  source: string | null;
  published: string | null;
  snippet: string;
}

/** Articles of a story on one day. */
export interface DayCount {
  /** YYYY-MM-DD (UTC) of publication, or of arrival when the publish date is unknown. */
  day: string;
  count: number;
}

/** A story the reader follows. */
export interface FollowedStory {
  storyId: number;
  title: string;
  followedAt: string;
  /** The last time its news was seen, and the last article there then (news comes after it). */
  seenAt: string;
  seenArticleId: number;
  /** The last article there when it was followed: its developments come after it. */
  sinceArticleId: number;
}

/** Where alerts on the developments of followed stories are sent (a webhook), and how far. */
export interface AlertTarget {
  url: string;
  /** `json`: a JSON body that Slack, Discord, Mattermost and the like show (`text`, `content`) with the details; `text`: the message as plain text (ntfy, Gotify). */
  format: 'json' | 'text';
  /** The address of this server as the alert's reader reaches it, for links to stories; null: no links. */
  linkBase: string | null;
  addedAt: string;
  /** The developments up to this article have been sent. */
  throughArticleId: number;
  sentAt: string | null;
  failedAt: string | null;
  lastError: string | null;
}

/** An article that reached a story after a given one, with what it brought to the story. */
export interface StoryArrival {
  id: number;
  storyId: number;
  title: string;
  source: string | null;
  published: string | null;
  seenAt: string;
  duplicateOf: number | null;
  eventId: number | null;
  eventTitle: string | null;
  /** No article of its event reached the story before the one it came after. */
  newEvent: boolean;
  /** No article of its outlet reached the story before the one it came after. */
  newOutlet: boolean;
}

/** An original article as reader apps list it (the Fever API): copies are folded under it. */
export interface ReaderItem {
  article: ArticleRecord;
  read: boolean;
  saved: boolean;
  /** The stored copies of it: who carried it, under which title. */
  copies: Array<{ source: string | null; title: string; url: string | null }>;
  storyTitle: string | null;
}

/** Which originals' ids a reader app asks for; every condition left out holds for all. */
export interface ReaderItemQuery {
  /** One outlet's (null: those that name none). */
  outlet?: string | null;
  /** Only those marked read (true) or not (false). */
  read?: boolean;
  /** Only those marked saved (true) or not (false). */
  saved?: boolean;
  /** Only those that arrived after / before this time (ISO, exclusive). */
  arrivedAfter?: string;
  arrivedBefore?: string;
  /** In the order they arrived; newest first otherwise. */
  oldestFirst?: boolean;
  /** The next page: those after this id in the order asked for. */
  pastId?: number;
  limit: number;
}

/** Unread originals of one outlet. */
export interface ReaderUnreadCount {
  source: string | null;
  unread: number;
  /** When the latest of them arrived. */
  lastSeenAt: string;
}

/** An outlet with articles stored, as reader apps list feeds. */
export interface ReaderOutlet {
  /** The outlet's name (null: articles that name none). */
  source: string | null;
  /** Its first stored article: outlets are listed in that order, which never changes. */
  firstArticleId: number;
  /** When its latest article arrived. */
  lastSeenAt: string;
}

export interface Store {
  /**
   * Opens a batch: every write until `commitBatch` (or `rollbackBatch`) is one transaction, and it
   * holds the writers' lock (another process's writes wait until it ends). Each
   * call's writes stay a unit inside it: a call that fails halfway leaves nothing of itself and
   * takes nothing else of the batch with it. Reads see the batch's writes.
   */
  beginBatch(): Promise<void>;
  commitBatch(): Promise<void>;
  /** Drops everything written since `beginBatch`; a no-op when no batch is open. */
  rollbackBatch(): Promise<void>;
  findByIdentity(identity: string): Promise<IdentityMatch | null>;
  /** The first stored article with this exact text, if any. */
  findByContentHash(contentHash: string): Promise<{ id: number; source: string | null; title: string } | null>;
  /**
   * Stores a new article with its analysis; `place` is called inside the transaction with the
   * allocated id and its placement is stored with the article.
   */
  addArticle(record: NewArticle, place: (id: number) => Placement): Promise<{ id: number; placement: Placement }>;
  /** Stores a changed version of a known article; the previous version is kept as a revision. */
  reviseArticle(id: number, record: NewArticle): Promise<void>;
  /** Replaces an article's analysis (e.g. re-anchored on a date learnt from its copy). */
  replaceAnalysis(id: number, analysis: Analysis): Promise<void>;
  /** Every stored article after `afterId` (all when 0) with its placement, in arrival order, for rebuilding the grouper. */
  placements(afterId?: number): AsyncIterable<StoredPlacement>;
  /** The grouper's saved state, if any. */
  grouperState(): Promise<GrouperState | null>;
  /** Saves the grouper's state (replacing the one before), in a transaction of its own. */
  saveGrouperState(state: GrouperState, savedAt: string): Promise<void>;
  /** The highest article id given out (0 when none): another writer has written when it moved. */
  latestArticleId(): Promise<number>;
  /** The highest event and story ids ever given out, merged-away stories included (0 when none). */
  highestIds(): Promise<{ event: number; story: number }>;
  /** The story a merged-away story now belongs to, or null when `id` was never merged. */
  mergedInto(id: number): Promise<number | null>;
  /** The event a merged-away event is now part of, with its story; null when `id` was never merged. */
  eventMergedInto(id: number): Promise<{ eventId: number; storyId: number } | null>;
  /**
   * Merges stories into story `into` by hand, as the reader asks (each id may name a story merged
   * away since: the story it is part of now is taken). Their events move to `into`, which is named
   * after its largest event and spans them all; a link to a merged story leads to `into` from now
   * on, and each merge is recorded with `at`. What changed, or the first id that names no story.
   */
  mergeStories(ids: number[], into: number, at: string): Promise<{ regrouping: Regrouping } | { missing: number }>;
  /**
   * Moves an event to another story by hand, or to a new story of its own when `into` is null. A
   * story the event leaves empty is merged into where it went; otherwise the two are kept apart
   * from now on. What changed, or what names no event or story.
   */
  moveEvent(eventId: number, into: number | null, at: string): Promise<{ regrouping: Regrouping } | { missingEvent: number } | { missingStory: number }>;
  /**
   * Undoes the latest merge by hand of story `storyId` into another: the story is back under its
   * number with the events it brought (those still in the story it joined), and the two are kept
   * apart. `notMerged` when the story was not merged by hand, or the merge cannot be undone (none
   * of its events is left there, or nothing else is).
   */
  undoMerge(storyId: number, at: string): Promise<{ regrouping: Regrouping } | { notMerged: number }>;
  /** The stories merged by hand into story `storyId` (and not undone), latest first. */
  mergedByHand(storyId: number): Promise<Array<{ storyId: number; title: string; madeAt: string }>>;
  /** Stories the reader told apart (an event moved from the first to the second, a merge undone), in the order it was done. */
  storiesKeptApart(): Promise<Array<[number, number]>>;
  /**
   * Other stories that mention most of what story `id` names (its most named people, organisations
   * and places, and the capitalised words of its titles: a report in another language may yield no
   * names), for the reader to merge: the stories of the latest articles mentioning each, those
   * sharing most first, with what they share.
   */
  relatedStories(id: number, limit: number): Promise<Array<{ story: StorySummary; shared: string[] }>>;
  /** How many regroupings by hand were made: another process made one when it moves. */
  regroupingsMade(): Promise<number>;
  /** Adds feeds to fetch (a known one keeps its fetch state; its title and site are updated). */
  addSubscriptions(subscriptions: Subscription[]): Promise<number>;
  subscriptions(): Promise<Subscription[]>;
  /** Subscribed feeds with what their fetches came to, in title order. */
  feeds(): Promise<Feed[]>;
  /**
   * Records a fetch of a subscribed feed; with `movedTo`, the feed is filed under its new address
   * from now on (merged into that subscription when it exists). A feed no longer subscribed is left out.
   */
  recordFeedFetch(feedUrl: string, state: FeedState, movedTo?: string | null): Promise<void>;
  /** Removes subscriptions (the articles they brought stay); how many there were. */
  removeSubscriptions(feedUrls: string[]): Promise<number>;

  /**
   * Follows a story (the one it was merged into, when it was); its news starts now. The story
   * followed, or null when there is none with that id.
   */
  followStory(id: number, at: string): Promise<number | null>;
  unfollowStory(id: number): Promise<boolean>;
  /** Followed stories, filed under the story each was merged into since. */
  followedStories(): Promise<FollowedStory[]>;
  /** The story's news is seen: what came up to now is no longer news. */
  markStorySeen(id: number, at: string): Promise<void>;
  /** Where alerts go. */
  alertTargets(): Promise<AlertTarget[]>;
  /** Adds a target (sent what comes after the latest article stored now), or changes its format and links. */
  addAlertTarget(target: Pick<AlertTarget, 'url' | 'format' | 'linkBase'>, at: string): Promise<void>;
  removeAlertTarget(url: string): Promise<boolean>;
  /**
   * Takes the developments after article `from` up to `to` for sending to a target: false when it
   * is no longer at `from` (another process took them first).
   */
  claimAlerts(url: string, from: number, to: number): Promise<boolean>;
  /** How sending a span taken with `claimAlerts` went: sent, or failed (given back, to be sent again). */
  recordAlertSending(url: string, span: { from: number; to: number }, at: string, error?: string): Promise<void>;
  /** Up to `limit` articles that reached the story after article `afterId`, latest first. */
  storyArrivals(storyId: number, afterId: number, limit: number): Promise<StoryArrival[]>;

  listStories(options?: StoryListOptions): Promise<StorySummary[]>;
  getStory(id: number): Promise<StoryDetail | null>;
  /**
   * A story as its pages show it: as `getStory`, but its articles' text is '' and their date
   * mentions are left out (story views show neither, and they are most of a big story's cost).
   */
  storyPage(id: number): Promise<StoryDetail | null>;
  /**
   * Articles per day of each story asked for: by publish date where the story has any (an undated
   * article counted on the day it was read in would put a bar months away), else by the day first seen.
   */
  coverage(storyIds: readonly number[]): Promise<Map<number, DayCount[]>>;
  storyTitles(storyIds: readonly number[]): Promise<Map<number, string>>;
  getArticle(id: number): Promise<{ article: ArticleRecord; analysis: Analysis; copies: ArticleRecord[] } | null>;
  /** A stored article's publish date: null when it has none or is not stored. */
  publishedOf(id: number): Promise<string | null>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** All articles, events, stories and analysis rows, streamed in id order. */
  articles(): AsyncIterable<ArticleRecord>;
  /** Up to `limit` stored articles with ids above `afterId`, in id order: a page that leaves no query open between pages, so writes may come in between. */
  articlesAfter(afterId: number, limit: number): Promise<ArticleRecord[]>;
  analyses(): AsyncIterable<ArticleAnalysisRows>;
  events(): Promise<EventRecord[]>;
  stories(): Promise<StoryRecord[]>;
  counts(): Promise<{ articles: number; events: number; stories: number }>;
  /**
   * Outlets with stored articles, in the order their first article arrived; with `afterId`, those
   * of the articles after it (what a list read before needs to be brought up to date).
   */
  readerOutlets(afterId?: number): Promise<ReaderOutlet[]>;
  /**
   * Originals (articles that are no copy) with the reader's
   * marks: those of `ids`, or up to `limit` after `sinceId` in id order, or before `maxId` from the
   * newest down.
   */
  readerItems(query: { ids?: number[]; sinceId?: number; maxId?: number; limit: number }): Promise<ReaderItem[]>;
  /** Ids of originals, as `query` asks (read or not, saved or not, one outlet, a time span), a page at a time. */
  readerItemIds(query: ReaderItemQuery): Promise<number[]>;
  /** Unread originals by outlet, counted among the newest `limit` unread. */
  readerUnreadCounts(limit: number): Promise<ReaderUnreadCount[]>;
  /** How many originals there are. */
  readerItemCount(): Promise<number>;
  /** Marks articles read or unread, saved or unsaved (a mark left out stays as it was). */
  markArticles(ids: number[], marks: { read?: boolean; saved?: boolean }, at: string): Promise<void>;
  /**
   * Marks read the originals that arrived up to `before` (ISO time): all of them, or those of one
   * outlet (`outlet: null` for articles that name none). How many were newly marked.
   */
  markReadBefore(before: string, at: string, outlet?: string | null): Promise<number>;
  /**
   * A number that changes whenever this or another process has committed writes, cheap to ask
   * (page caches key on it); absent where a store cannot tell cheaply.
   */
  dataVersion?(): number;
  close(): Promise<void>;
}
