/**
 * @module The grouper: folds syndicated copies onto their original, places every article in an
 * event (one happening) and every event in a story (events linked over days and weeks), online, in
 * arrival order, with bounded state.
 *
 * Order of work for one article: (1) the copy index says whether it is a copy and of which original;
 * (2) a copy joins its original's event; anything else joins the open event of its nearest recent
 * neighbour (TF-IDF cosine over an inverted index of the latest articles, headline words weighted up,
 * lowered by distance in publish time) when close enough, or opens a new event; (3) a new event joins
 * the open story its nearest neighbours vote for (similarities summed per story), else the open story
 * whose centroid is closest, else opens a new story; (4) when the article's story, with the article
 * added, has grown close to another open story that its neighbours belong to (centroid cosine), the
 * two are merged: the smaller story's events move to the larger (`movedEvents`, `mergedStoryIds`),
 * so a story that began as two fragments becomes one without re-clustering anything else; a story
 * of one or two articles that came before the reports they belong to is absorbed the same way once
 * its own neighbours all lie in the article's story (`strayToAbsorb`). An article without text (a headline) uses its own thresholds (`headlineOnly`): its few words need a
 * closer match to join an event and a looser one to bridge two stories. What the reader regroups by
 * hand (stories merged, an event moved, a merge undone) is taken in by `regroup`, and two stories the
 * reader told apart are never merged again.
 *
 * A copy that arrives before its original: the later-arriving, earlier-published (or credited)
 * article is stored as an original (duplicateOf null) and the copies stored before it (the group
 * they formed, and any other group it also matches and precedes) are returned in `refolded`,
 * re-pointed at it, with what each changed; it is the group's original for all later decisions.
 *
 * `apply` and `restore` share one commit path and recompute nothing that was stored: the stored
 * event and story records are taken as they are, so a restarted grouper ends in the same state as an
 * uninterrupted one and continues numbering after the highest restored ids (the id of a story merged
 * away can come back after a restart when it was the highest: the store keeps no trace of it).
 */
import { CentroidIndex, timeDecay } from './centroid-index.js';
import type { TimeDecayOptions } from './centroid-index.js';
import { NeighbourIndex } from './neighbour-index.js';
import type { Neighbour, NeighbourIndexOptions } from './neighbour-index.js';
import type { CentroidIndexOptions } from './centroid-index.js';
import { defaultTermWeights, hasText, TermStats, weighTerms } from './term-vector.js';
import { countsOf, sameTermWeights, termCounts } from './text-features.js';
import type { TermVector, TermWeights } from './term-vector.js';
import { captureState, layoutOf, restoreState } from './object-state.js';
import type { ObjectState } from './object-state.js';
import { mostCentralTitle, titleCandidate } from './titles.js';
import type { TitleCandidate } from './titles.js';
import { describeCopyChanges } from '../dedup/copy-changes.js';
import { CopyIndex } from '../dedup/copy-index.js';
import type { CopyCandidateInput, CopyFeatures, CopyIndexOptions, CopyMatch } from '../dedup/copy-index.js';
import { deserialize, serialize } from 'node:v8';
import type {
  EventRecord,
  Grouper,
  GrouperState,
  GroupingInput,
  Placement,
  Regrouping,
  StoredPlacement,
  StoryRecord,
} from '../model/grouping.js';

export interface GrouperOptions {
  copies?: Partial<CopyIndexOptions>;
  terms?: Partial<TermWeights>;
  /** Terms kept per article vector. */
  vectorTerms?: number;
  /** Minimum score to join an open event. */
  eventThreshold?: number;
  /**
   * Minimum score to join an open event of the story the article joins, when both are dated and
   * close in time: another outlet's report of the same happening shares the story's names but
   * not its wording, so it is further from the event's articles than a copy or a rewrite is.
   */
  storyEventThreshold?: number;
  /**
   * The same, for a report within a day of the event's article, its similarity not lowered by the
   * hours between them: the same day's reports in one story that share its vocabulary (a local
   * paper's angle, a profile of the mediator appointed that morning) tell that day's happening.
   */
  sameDayEventThreshold?: number;
  /** Minimum score for a new event to join an open story. */
  storyThreshold?: number;
  events?: Partial<EventTimeOptions>;
  stories?: Partial<CentroidIndexOptions>;
  neighbours?: Partial<NeighbourIndexOptions>;
  /** A neighbour counts in the story vote from this similarity (after time decay). */
  minNeighbour?: number;
  /** Minimum summed similarity of the neighbours in one story for the article to join it. */
  storyVote?: number;
  /**
   * An article that no story's vote takes joins the one story all its neighbours at least
   * `similarity` alike belong to, when there are at least `neighbours` of them.
   */
  consensus?: { similarity: number; neighbours: number };
  /** Two open stories whose centroids are this close (cosine) are merged; Infinity: never. */
  mergeThreshold?: number;
  /** Articles each story needs before it can be merged. */
  mergeMinArticles?: number;
  /**
   * Thresholds for an article with no text (a headline, a feed entry without a body): its vector
   * holds a handful of words, so one shared word moves its similarities much further than it moves
   * a full article's. Unset keys follow the top-level option when that is set, else their own default.
   */
  headlineOnly?: Partial<Thresholds>;
}

/** The thresholds that decide how an article joins an event and a story. */
export interface Thresholds {
  eventThreshold: number;
  storyEventThreshold: number;
  sameDayEventThreshold: number;
  storyThreshold: number;
  minNeighbour: number;
  storyVote: number;
  mergeThreshold: number;
}

const defaults = {
  mergeThreshold: 0.25,
  mergeMinArticles: 3,
  minNeighbour: 0.2,
  storyVote: 1,
  consensus: { similarity: 0.1, neighbours: 4 },
  neighbours: { capacity: 20_000, queryTerms: 40, maxPosting: 200, k: 20 } satisfies NeighbourIndexOptions,
  vectorTerms: 40,
  eventThreshold: 0.55,
  storyEventThreshold: 0.2,
  sameDayEventThreshold: 0.1,
  storyThreshold: 0.12,
  headlineOnly: { eventThreshold: 0.65, mergeThreshold: 0.2 } as Partial<Thresholds>,
  events: { windowDays: 4, maxOpen: 5_000, graceDays: 1.5, halfLifeDays: 1 } satisfies EventTimeOptions,
  stories: {
    centroidTerms: 80,
    indexedTerms: 20,
    queryTerms: 10,
    maxCandidates: 48,
    maxPosting: 2_000,
    windowDays: 30,
    maxOpen: 2_000,
    graceDays: 7,
    halfLifeDays: 7,
  } satisfies CentroidIndexOptions,
};

/** How long an event stays open and how publish-time distance lowers a match with it. */
export interface EventTimeOptions extends TimeDecayOptions {
  /** An event with no new article for this many days of arrival time is closed. */
  windowDays: number;
  /** Open events kept at most; past this the least recently extended are closed. */
  maxOpen: number;
}

interface Prepared {
  copyInput: CopyCandidateInput;
  copyFeatures: CopyFeatures;
  counts: Map<string, number>;
  vector: TermVector;
  /** Publish time (ms) or NaN when unknown. */
  time: number;
  /** Arrival time (ms). */
  seen: number;
  /** Publish date (YYYY-MM-DD), or null when the article is undated. */
  day: string | null;
  match: CopyMatch | null;
  /** Thresholds for this article: a headline without text has its own. */
  limits: Thresholds;
}

interface EventState {
  record: EventRecord;
  titles: TitleCandidate[];
  /** Arrival time (ms) of its latest article. */
  lastSeen: number;
}

interface StoryState {
  record: StoryRecord;
  /** Articles per event, to name the story after its largest event. */
  eventArticles: Map<number, number>;
  /** Its events as last placed, to move them when the story is merged into another. */
  events: Map<number, EventRecord>;
}

const MAX_TITLES = 12;
/** Live blog pages whose story is remembered; the oldest started is forgotten first. */
const LIVE_PAGES_KEPT = 10_000;
const DAY_MS = 86_400_000;

/**
 * Fields that are not the grouper's state: work between `decide` and `apply`, and the layout. Raise
 * STATE_VERSION when what a field holds changes meaning without changing the layout.
 */
const NOT_STATE: ReadonlySet<string> = new Set(['pending', 'layout']);
const STATE_VERSION = 1;

interface SavedGrouper {
  version: number;
  layout: string;
  state: ObjectState;
}

/** Spans come from publish dates only: an undated article (a file dump) says nothing about when. */
function minDay(a: string | null, b: string | null): string | null {
  return b === null ? a : a === null || b < a ? b : a;
}
function maxDay(a: string | null, b: string | null): string | null {
  return b === null ? a : a === null || b > a ? b : a;
}

class OnlineGrouper implements Grouper {
  private readonly copies: CopyIndex;
  private readonly stats = new TermStats();
  private readonly eventTime: EventTimeOptions;
  private readonly stories: CentroidIndex;
  private readonly neighbours: NeighbourIndex;
  private readonly fullText: Thresholds;
  private readonly headlineOnly: Thresholds;
  private readonly mergeMinArticles: number;
  private readonly consensus: { similarity: number; neighbours: number };
  private readonly eventState = new Map<number, EventState>();
  private readonly storyState = new Map<number, StoryState>();
  /** Event of recently placed articles, so a copy can join its original's event. */
  private readonly eventOf = new Map<number, number>();
  private readonly eventOfCapacity: number;
  /**
   * The story of each live blog page's first post: a later post that neither joins an open event nor
   * is voted into a story by its words starts its event there, not a story of its own.
   */
  private readonly livePageStory = new Map<string, number>();
  /** Stories the reader told apart (an event moved from one to the other, a merge undone), both ways: never merged. */
  private readonly apart = new Map<number, Set<number>>();
  private readonly pending = new Map<number, Prepared>();
  private readonly terms: TermWeights;
  private readonly vectorTerms: number;
  private nextEventId = 1;
  private nextStoryId = 1;
  private clock = -Infinity;
  private applied = 0;
  /** The highest article id committed (applied or restored). */
  private lastId = 0;
  /** How this grouper's state is shaped and set up (object-state.ts), taken when it was built. */
  private readonly layout: string;

  constructor(options: GrouperOptions) {
    this.copies = new CopyIndex(options.copies);
    this.eventTime = { ...defaults.events, ...options.events };
    this.stories = new CentroidIndex({ ...defaults.stories, ...options.stories });
    this.neighbours = new NeighbourIndex({ ...defaults.neighbours, ...options.neighbours });
    this.fullText = {
      eventThreshold: options.eventThreshold ?? defaults.eventThreshold,
      storyEventThreshold: options.storyEventThreshold ?? defaults.storyEventThreshold,
      sameDayEventThreshold: options.sameDayEventThreshold ?? defaults.sameDayEventThreshold,
      storyThreshold: options.storyThreshold ?? defaults.storyThreshold,
      minNeighbour: options.minNeighbour ?? defaults.minNeighbour,
      storyVote: options.storyVote ?? defaults.storyVote,
      mergeThreshold: options.mergeThreshold ?? defaults.mergeThreshold,
    };
    const headline = {} as Thresholds;
    for (const key of Object.keys(this.fullText) as Array<keyof Thresholds>) {
      headline[key] = options.headlineOnly?.[key] ?? (options[key] !== undefined ? this.fullText[key] : (defaults.headlineOnly[key] ?? this.fullText[key]));
    }
    this.headlineOnly = headline;
    this.mergeMinArticles = options.mergeMinArticles ?? defaults.mergeMinArticles;
    this.consensus = { ...defaults.consensus, ...options.consensus };
    this.terms = { ...defaultTermWeights, ...options.terms };
    this.vectorTerms = options.vectorTerms ?? defaults.vectorTerms;
    const copies = { generationSize: 5_000, generations: 6, ...options.copies };
    this.eventOfCapacity = copies.generationSize * copies.generations;
    this.layout = layoutOf(this, NOT_STATE);
  }

  private prepare(input: GroupingInput): Prepared {
    const cached = this.pending.get(input.id);
    if (cached !== undefined) return cached;
    const { article } = input;
    const copyInput: CopyCandidateInput = {
      id: input.id,
      text: article.text,
      source: article.source,
      published: article.published,
      credits: article.credits,
    };
    const ahead = input.features;
    const copyFeatures = this.copies.features(copyInput, ahead?.shingles);
    const counts =
      ahead !== undefined && sameTermWeights(ahead.terms.weights, this.terms) ? countsOf(ahead.terms) : termCounts(article, input.analysis, this.terms);
    const time = article.published === null ? NaN : Date.parse(article.published);
    const seenParsed = Date.parse(input.seenAt);
    const seen = Number.isNaN(seenParsed) ? Math.max(0, this.clock) : seenParsed;
    const day = Number.isNaN(time) ? null : (article.published as string).slice(0, 10);
    return {
      copyInput,
      copyFeatures,
      counts,
      vector: weighTerms(counts, this.stats, this.vectorTerms),
      time,
      seen,
      day,
      match: this.copies.match(copyInput, copyFeatures),
      limits: hasText(article.text) ? this.fullText : this.headlineOnly,
    };
  }

  decide(input: GroupingInput): Placement {
    const p = this.prepare(input);
    this.pending.set(input.id, p);
    if (this.pending.size > 64) this.pending.delete(this.pending.keys().next().value!);

    let duplicateOf: number | null = null;
    let similarity: number | null = null;
    let changes: Placement['changes'] = null;
    let eventId: number | null = null;
    let refolded: NonNullable<Placement['refolded']> = [];
    if (p.match !== null) {
      const joined = this.eventOf.get(p.match.rootId) ?? this.eventOf.get(p.match.matchedId);
      if (joined !== undefined && this.eventState.has(joined)) eventId = joined;
      if (!p.match.newIsOriginal) {
        duplicateOf = p.match.rootId;
        similarity = p.match.similarity;
        changes = this.copies.changes(p.match.rootId, input.article.text);
      }
      if (p.match.absorbed.length > 0) refolded = this.refolds(input, p, duplicateOf);
    }
    const neighbours = p.vector.terms.length === 0 ? [] : this.neighbours.neighbours(p.vector);
    if (eventId === null) {
      // The open event of the nearest neighbour close enough (publish times lowering the match).
      let best = p.limits.eventThreshold;
      for (const n of neighbours) {
        const similarity = n.similarity * timeDecay(p.time, n.time, n.time, this.eventTime);
        if (similarity >= best && this.eventState.has(n.eventId)) {
          best = similarity;
          eventId = n.eventId;
        }
      }
    }
    let storyId: number;
    const existing = eventId === null ? undefined : this.eventState.get(eventId);
    if (existing !== undefined) storyId = existing.record.storyId;
    // A live blog's post that no story claims by its words stays in its page's story.
    else storyId = this.voteStory(p, neighbours) ?? this.pageStory(input.article) ?? this.nextStoryId;
    if (eventId === null) eventId = this.storyEvent(storyId, p, neighbours);
    const bridged = this.storyToMerge(storyId, p, neighbours);
    const stray = bridged === null ? this.strayToAbsorb(storyId, p, neighbours) : null;
    const merge = bridged ?? (stray === null ? null : { survivor: storyId, absorbed: stray.storyId });
    if (merge !== null && merge.absorbed === storyId) storyId = merge.survivor;
    let mergedEventIds = eventId === null ? [] : this.eventsToMerge(eventId, merge === null ? [storyId] : [merge.survivor, merge.absorbed], p, neighbours);
    // A stray of the same day joins the article's event at the same day's bar, as it would have
    // had it come after the reports it belongs to.
    if (stray !== null && mergedEventIds.length === 0 && this.eventState.has(stray.eventId) && Math.abs(p.time - stray.time) < DAY_MS && stray.similarity >= p.limits.sameDayEventThreshold) {
      if (eventId === null) eventId = stray.eventId;
      else if (eventId !== stray.eventId) mergedEventIds = [stray.eventId, eventId];
    }
    if (mergedEventIds.length > 0) eventId = mergedEventIds.pop()!;
    const event = this.eventRecord(eventId ?? this.nextEventId, storyId, input, p);
    for (const id of mergedEventIds) {
      const other = this.eventState.get(id)!.record;
      event.start = minDay(event.start, other.start);
      event.end = maxDay(event.end, other.end);
    }
    let story = this.storyRecord(storyId, event, p);
    let movedEvents: EventRecord[] = [];
    if (merge !== null) ({ story, movedEvents } = this.mergedRecords(merge, event, story));
    const mergedStoryIds = merge === null ? [] : [merge.absorbed];
    const placement: Placement = { duplicateOf, similarity, changes, event, story, movedEvents, mergedStoryIds };
    if (refolded.length > 0) placement.refolded = refolded;
    if (mergedEventIds.length > 0) placement.mergedEventIds = mergedEventIds;
    return placement;
  }

  /**
   * The open events of the article's story (and of a story it merges in) that it is the same day's
   * report of: a neighbour there published within a day, at least `storyEventThreshold` alike (the
   * bar a report of another day needs to join an event; the same day's lower bar would let a story
   * merged in error merge its events too). When its own event is one of two or more such events,
   * they were one happening that arrival order split (a feature came before the wire it matched
   * poorly, or two stories met only later): all of them, the one to keep last (the one with the
   * most articles, else the oldest). Otherwise none. Undated articles never merge events.
   */
  private eventsToMerge(eventId: number, storyIds: number[], p: Prepared, neighbours: Neighbour[]): number[] {
    if (Number.isNaN(p.time)) return [];
    const found = new Set<number>();
    for (const n of neighbours) {
      if (!storyIds.includes(n.storyId) || Number.isNaN(n.time) || !this.eventState.has(n.eventId)) continue;
      if (Math.abs(p.time - n.time) < DAY_MS && n.similarity >= p.limits.storyEventThreshold) found.add(n.eventId);
    }
    if (found.size < 2 || !found.has(eventId)) return [];
    const size = (id: number): number => {
      const record = this.eventState.get(id)!.record;
      return this.storyState.get(record.storyId)?.eventArticles.get(id) ?? 0;
    };
    return [...found].sort((a, b) => size(a) - size(b) || b - a);
  }

  /**
   * The open event of the article's story that another outlet's report of the same happening would
   * be in: the event of the closest dated neighbour in that story, its similarity halved for each
   * day between them, at least `storyEventThreshold`; a neighbour less than a day away counts its
   * similarity as it is, at least `sameDayEventThreshold`. Undated articles never join this way: an
   * event is one happening, and without dates a later development reads the same.
   */
  private storyEvent(storyId: number, p: Prepared, neighbours: Neighbour[]): number | null {
    if (Number.isNaN(p.time)) return null;
    let best = -Infinity;
    let eventId: number | null = null;
    // The events' half-life without their grace: a report the next day is as likely a new
    // development as the same happening told again. Within a day, the hours do not count.
    const noGrace = { halfLifeDays: this.eventTime.halfLifeDays, graceDays: 0 };
    const { storyEventThreshold, sameDayEventThreshold } = p.limits;
    for (const n of neighbours) {
      if (n.storyId !== storyId || Number.isNaN(n.time) || !this.eventState.has(n.eventId)) continue;
      const sameDay = Math.abs(p.time - n.time) < DAY_MS;
      const score = sameDay ? n.similarity : n.similarity * timeDecay(p.time, n.time, n.time, noGrace);
      if (score >= (sameDay ? sameDayEventThreshold : storyEventThreshold) && score >= best) {
        best = score;
        eventId = n.eventId;
      }
    }
    return eventId;
  }

  /**
   * The story most of the article's nearest recent neighbours belong to (similarities summed, lowered
   * by distance in publish time), else the open story whose centroid is closest, else null.
   */
  private voteStory(p: Prepared, neighbours: Neighbour[]): number | null {
    const votes = new Map<number, number>();
    for (const n of neighbours) {
      const similarity = n.similarity * this.stories.decay(p.time, n.time, n.time);
      if (similarity < p.limits.minNeighbour || !this.storyState.has(n.storyId)) continue;
      votes.set(n.storyId, (votes.get(n.storyId) ?? 0) + similarity);
    }
    let best: number | null = null;
    let bestVote = p.limits.storyVote;
    for (const [id, vote] of votes) {
      if (vote > bestVote || (vote === bestVote && best !== null && id < best)) {
        best = id;
        bestVote = vote;
      }
    }
    if (best !== null) return best;
    // No story gathers the votes, but every neighbour of some likeness is in one story (a feature
    // piece on a strike: its own words, the strike's names): that story.
    const agreeing = new Set<number>();
    let count = 0;
    for (const n of neighbours) {
      if (n.similarity * this.stories.decay(p.time, n.time, n.time) < this.consensus.similarity || !this.storyState.has(n.storyId)) continue;
      agreeing.add(n.storyId);
      count++;
    }
    if (agreeing.size === 1 && count >= this.consensus.neighbours) return agreeing.values().next().value!;
    const central = this.stories.candidates(p.vector, p.time)[0];
    return central !== undefined && central.score >= p.limits.storyThreshold ? central.cluster.id : null;
  }

  /**
   * The open story that the article bridges its own story to: among the other stories of its nearest
   * neighbours (those at least `minNeighbour` similar), the one whose centroid is closest to its story's centroid with the article
   * added (cosine at least the merge threshold, both stories past `mergeMinArticles`). The smaller
   * of the two is absorbed by the larger. Null when there is none.
   */
  private storyToMerge(storyId: number, p: Prepared, neighbours: Neighbour[]): { survivor: number; absorbed: number } | null {
    if (!Number.isFinite(p.limits.mergeThreshold)) return null;
    const own = this.stories.get(storyId);
    if (own === undefined || own.articles + 1 < this.mergeMinArticles) return null;
    let best: number | null = null;
    let bestScore = p.limits.mergeThreshold;
    const seen = new Set<number>([storyId]);
    for (const n of neighbours) {
      if (n.similarity < p.limits.minNeighbour || seen.has(n.storyId)) continue;
      seen.add(n.storyId);
      if (this.isApart(storyId, n.storyId)) continue;
      const other = this.stories.get(n.storyId);
      if (other === undefined || other.articles < this.mergeMinArticles || !this.storyState.has(other.id)) continue;
      const score = this.stories.similarity(own, other, p.vector, p.time);
      if (score >= bestScore) {
        bestScore = score;
        best = other.id;
      }
    }
    if (best === null) return null;
    const ownSize = own.articles + 1;
    const otherSize = this.stories.get(best)!.articles;
    const survivorIsOther = otherSize > ownSize || (otherSize === ownSize && best < storyId);
    return survivorIsOther ? { survivor: best, absorbed: storyId } : { survivor: storyId, absorbed: best };
  }

  /**
   * A story of one or two articles that the consensus (see voteStory) would now give to the
   * article's story: its article came before the reports it belongs to (a feature read before the
   * wire it matches poorly), when it had no neighbours to agree. Only the other story of the
   * article's nearest neighbour at the consensus likeness is looked at: when it holds one or two
   * articles and its own neighbours at that likeness, outside it, are all in the article's story
   * and, with the article, at least `consensus.neighbours`, that neighbour is returned (its story
   * to be absorbed by the article's). Null otherwise.
   */
  private strayToAbsorb(storyId: number, p: Prepared, neighbours: Neighbour[]): Neighbour | null {
    // The stray's neighbours can agree on the article's story only once it holds enough articles.
    const own = this.stories.get(storyId);
    if (own === undefined || !this.storyState.has(storyId) || own.articles + 1 < this.consensus.neighbours) return null;
    for (const n of neighbours) {
      if (n.storyId === storyId || !this.storyState.has(n.storyId)) continue;
      if (n.similarity * this.stories.decay(p.time, n.time, n.time) < this.consensus.similarity) continue;
      const stray = this.stories.get(n.storyId);
      if (stray === undefined || stray.articles > 2 || stray.norm === 0 || this.isApart(storyId, n.storyId)) return null;
      const terms = [...stray.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const vector = { terms: terms.map(([t]) => t), weights: terms.map(([, w]) => w / stray.norm) };
      let agreeing = 1;
      for (const m of this.neighbours.neighbours(vector)) {
        if (m.storyId === stray.id || !this.storyState.has(m.storyId)) continue;
        if (m.similarity * this.stories.decay(stray.first, m.time, m.time) < this.consensus.similarity) continue;
        if (m.storyId !== storyId) return null;
        agreeing++;
      }
      return agreeing >= this.consensus.neighbours ? n : null;
    }
    return null;
  }

  /** The surviving story's record over both stories, and the absorbed story's events moved into it. */
  private mergedRecords(
    merge: { survivor: number; absorbed: number },
    event: EventRecord,
    story: StoryRecord,
  ): { story: StoryRecord; movedEvents: EventRecord[] } {
    const survivor = this.storyState.get(merge.survivor)!;
    const absorbed = this.storyState.get(merge.absorbed)!;
    const movedEvents = [...absorbed.events.values()].map((e) =>
      e.id === event.id ? { ...event } : { ...(this.eventState.get(e.id)?.record ?? e), storyId: merge.survivor },
    );
    if (!movedEvents.some((e) => e.id === event.id) && absorbed.events.has(event.id)) movedEvents.push({ ...event });
    // Named after the largest event of the two.
    const sizes = new Map(survivor.eventArticles);
    for (const [id, n] of absorbed.eventArticles) sizes.set(id, (sizes.get(id) ?? 0) + n);
    sizes.set(event.id, (sizes.get(event.id) ?? 0) + 1);
    let bestId = event.id;
    for (const [id, n] of sizes) if (n > sizes.get(bestId)!) bestId = id;
    const titled = bestId === event.id ? event : (this.eventState.get(bestId)?.record ?? survivor.events.get(bestId) ?? absorbed.events.get(bestId));
    const other = story.id === merge.survivor ? absorbed.record : survivor.record;
    return {
      story: {
        id: merge.survivor,
        title: titled?.title ?? story.title,
        start: minDay(story.start, other.start),
        end: maxDay(story.end, other.end),
      },
      movedEvents,
    };
  }

  /** Stored copies that turn out to be copies of this article (or of its root), re-pointed there. */
  private refolds(input: GroupingInput, p: Prepared, duplicateOf: number | null): NonNullable<Placement['refolded']> {
    const rootId = duplicateOf ?? input.id;
    const rootSamples = duplicateOf === null ? p.copyFeatures.samples : this.copies.samplesOf(rootId);
    const rootText = duplicateOf === null ? input.article.text : this.copies.textOf(rootId);
    if (rootSamples === undefined) return [];
    return this.copies.refolds(p.match!.absorbed, rootId, rootSamples).map((r) => {
      const text = this.copies.textOf(r.id);
      const changes = rootText === undefined || text === undefined ? null : describeCopyChanges(rootText, text);
      return { id: r.id, duplicateOf: r.duplicateOf, similarity: r.similarity, changes };
    });
  }

  private eventRecord(id: number, storyId: number, input: GroupingInput, p: Prepared): EventRecord {
    const state = this.eventState.get(id);
    const candidates = [...(state?.titles ?? []), titleCandidate(input.article.title)];
    // A headline word weighs as many of the event's headlines as use it.
    const uses = new Map<string, number>();
    for (const c of candidates) for (const t of c.terms) uses.set(t, (uses.get(t) ?? 0) + 1);
    const weight = (t: string): number => uses.get(t)! - 1;
    return {
      id,
      storyId,
      title: mostCentralTitle(candidates, weight) ?? input.article.title,
      start: minDay(state?.record.start ?? null, p.day),
      end: maxDay(state?.record.end ?? null, p.day),
    };
  }

  private storyRecord(id: number, event: EventRecord, p: Prepared): StoryRecord {
    const state = this.storyState.get(id);
    let title = event.title;
    if (state !== undefined) {
      // The largest event with this article added (the first of equals, this one first of all),
      // read from the story's counts in place: a story can hold thousands of events.
      const own = (state.eventArticles.get(event.id) ?? 0) + 1;
      let bestId = event.id;
      let best = own;
      for (const [eid, n] of state.eventArticles) {
        if (eid !== event.id && n > best) {
          bestId = eid;
          best = n;
        }
      }
      title = bestId === event.id ? event.title : (this.eventState.get(bestId)?.record.title ?? event.title);
    }
    return {
      id,
      title,
      start: minDay(state?.record.start ?? null, p.day),
      end: maxDay(state?.record.end ?? null, p.day),
    };
  }

  apply(input: GroupingInput, placement: Placement): void {
    this.commit(input, { duplicateOf: placement.duplicateOf, event: placement.event, story: placement.story });
    if (placement.refolded !== undefined) this.copies.refold(placement.refolded);
    for (const moved of placement.movedEvents) {
      const state = this.eventState.get(moved.id);
      if (state !== undefined) state.record = { ...moved };
    }
    for (const merged of placement.mergedStoryIds) this.absorbStory(merged, placement.story.id);
    for (const merged of placement.mergedEventIds ?? []) this.absorbEvent(merged, placement.event.id, placement.story.id);
  }

  /** Fold a merged event's state into the event that absorbed it (both in `storyId` by now). */
  private absorbEvent(from: number, into: number, storyId: number): void {
    const absorbed = this.eventState.get(from);
    const survivor = this.eventState.get(into);
    this.eventState.delete(from);
    this.neighbours.relabelEvent(from, into);
    for (const [article, event] of this.eventOf) if (event === from) this.eventOf.set(article, into);
    const story = this.storyState.get(storyId);
    if (story !== undefined) {
      story.eventArticles.set(into, (story.eventArticles.get(into) ?? 0) + (story.eventArticles.get(from) ?? 0));
      story.eventArticles.delete(from);
      story.events.delete(from);
    }
    if (absorbed === undefined || survivor === undefined) return;
    survivor.lastSeen = Math.max(survivor.lastSeen, absorbed.lastSeen);
    for (const title of absorbed.titles) if (survivor.titles.length < MAX_TITLES) survivor.titles.push(title);
  }

  /** The open story of the live blog page the article is a post of, if any. */
  private pageStory(article: GroupingInput['article']): number | null {
    const story = article.livePage ? this.livePageStory.get(article.livePage) : undefined;
    return story !== undefined && this.storyState.has(story) ? story : null;
  }

  /** Fold a merged story's state into the story that absorbed it. */
  private absorbStory(from: number, into: number): void {
    for (const [page, story] of this.livePageStory) if (story === from) this.livePageStory.set(page, into);
    const apartFrom = this.apart.get(from);
    if (apartFrom !== undefined) {
      this.apart.delete(from);
      for (const other of apartFrom) {
        this.apart.get(other)?.delete(from);
        if (other !== into) this.keepApart(into, other);
      }
    }
    const absorbed = this.storyState.get(from);
    const survivor = this.storyState.get(into);
    this.storyState.delete(from);
    this.stories.absorb(from, into);
    this.neighbours.relabelStory(from, into);
    if (absorbed === undefined) return;
    if (survivor === undefined) {
      // Merged by hand into a story closed already: it goes on with what the absorbed one held.
      const events = new Map([...absorbed.events].map(([id, e]) => [id, { ...e, storyId: into }]));
      this.storyState.set(into, { record: { ...absorbed.record, id: into }, eventArticles: absorbed.eventArticles, events });
      return;
    }
    for (const [id, n] of absorbed.eventArticles) survivor.eventArticles.set(id, (survivor.eventArticles.get(id) ?? 0) + n);
    for (const [id, e] of absorbed.events) if (!survivor.events.has(id)) survivor.events.set(id, { ...e, storyId: into });
  }

  /**
   * A regrouping made by hand. A merged story's events are the story's it joined from now on (so a
   * report of one of them joins it), and that story's centroid, neighbours and live pages carry its
   * own. A moved event takes its articles' neighbours, weights and counts to its new story. Stories
   * told apart are never merged again by `storyToMerge` or `strayToAbsorb`.
   */
  regroup(change: Regrouping): void {
    const mergedAway = new Set(change.merged.map((m) => m.id));
    // Events moved from one story to another together, taken across in one pass.
    const moves = new Map<string, { from: number | null; events: EventRecord[] }>();
    for (const moved of change.movedEvents) {
      const state = this.eventState.get(moved.id);
      const from = state?.record.storyId ?? this.storyHolding(moved.id);
      if (state !== undefined) state.record = { ...moved };
      // An event of a story merged away goes with all of it (absorbStory, below).
      if (from !== null && mergedAway.has(from)) continue;
      const key = `${from}>${moved.storyId}`;
      const move = moves.get(key);
      if (move) move.events.push(moved);
      else moves.set(key, { from, events: [moved] });
    }
    for (const { from, events } of moves.values()) this.moveEvents(events, from, change);
    for (const { id, into } of change.merged) this.absorbStory(id, into);
    for (const story of change.stories) {
      this.nextStoryId = Math.max(this.nextStoryId, story.id + 1);
      const state = this.storyState.get(story.id);
      if (state === undefined) continue;
      state.record = { ...story };
      for (const moved of change.movedEvents) if (moved.storyId === story.id) state.events.set(moved.id, { ...moved });
    }
    for (const [a, b] of change.apart ?? []) this.keepApart(a, b);
  }

  /** The open story that holds event `id`, when its event is closed already; null when none does. */
  private storyHolding(eventId: number): number | null {
    for (const [id, state] of this.storyState) if (state.eventArticles.has(eventId)) return id;
    return null;
  }

  /** Events moved by hand from story `from` to one story: their articles' neighbours, weights and counts go with them. */
  private moveEvents(moved: readonly EventRecord[], from: number | null, change: Regrouping): void {
    const to = moved[0]!.storyId;
    const part = this.neighbours.moveEvents(new Set(moved.map((e) => e.id)), to);
    const source = from === null ? undefined : this.storyState.get(from);
    const seen = this.stories.get(from ?? -1)?.lastSeen ?? this.clock;
    if (from !== null) this.stories.transfer(from, to, { ...part, seen });
    let target = this.storyState.get(to);
    if (target === undefined && this.stories.get(to) !== undefined) {
      const record = change.stories.find((s) => s.id === to) ?? { id: to, title: moved[0]!.title, start: moved[0]!.start, end: moved[0]!.end };
      target = { record: { ...record }, eventArticles: new Map(), events: new Map() };
      this.storyState.set(to, target);
    }
    for (const event of moved) {
      const count = source?.eventArticles.get(event.id) ?? part.perEvent.get(event.id) ?? 0;
      source?.eventArticles.delete(event.id);
      source?.events.delete(event.id);
      target?.eventArticles.set(event.id, (target.eventArticles.get(event.id) ?? 0) + count);
      target?.events.set(event.id, { ...event });
    }
  }

  private keepApart(a: number, b: number): void {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = this.apart.get(x);
      if (set) set.add(y);
      else this.apart.set(x, new Set([y]));
    }
  }

  private isApart(a: number, b: number): boolean {
    return this.apart.size > 0 && this.apart.get(a)?.has(b) === true;
  }

  reserveIds(highest: { event: number; story: number }): void {
    this.nextEventId = Math.max(this.nextEventId, highest.event + 1);
    this.nextStoryId = Math.max(this.nextStoryId, highest.story + 1);
  }

  saveState(): GrouperState {
    const saved: SavedGrouper = { version: STATE_VERSION, layout: this.layout, state: captureState(this, NOT_STATE) };
    return { lastArticleId: this.lastId, data: serialize(saved) };
  }

  loadState(saved: GrouperState): boolean {
    if (this.applied > 0) throw new Error('a grouper state is loaded into a new grouper only');
    let parsed: Partial<SavedGrouper>;
    try {
      parsed = deserialize(saved.data) as Partial<SavedGrouper>;
    } catch {
      return false;
    }
    if (parsed.version !== STATE_VERSION || parsed.layout !== this.layout || parsed.state === undefined) return false;
    restoreState(this, parsed.state);
    return true;
  }

  restore(stored: StoredPlacement): void {
    this.commit(stored, { duplicateOf: stored.duplicateOf, event: stored.event, story: stored.story });
  }

  private commit(
    input: GroupingInput,
    placed: { duplicateOf: number | null; event: EventRecord; story: StoryRecord },
  ): void {
    const p = this.prepare(input);
    this.pending.delete(input.id);
    const takesOver =
      placed.duplicateOf === null && p.match !== null && p.match.newIsOriginal ? p.match.rootId : null;
    this.copies.add(p.copyInput, p.copyFeatures, { duplicateOf: placed.duplicateOf, takesOver });
    this.stats.record(p.counts.keys());

    const { event, story } = placed;
    const times = { time: p.time, seen: p.seen };
    this.stories.add(story.id, p.vector, times);
    this.neighbours.add(p.vector, { eventId: event.id, storyId: story.id, time: p.time });

    const eventState = this.eventState.get(event.id);
    if (eventState === undefined) {
      this.eventState.set(event.id, { record: { ...event }, titles: [titleCandidate(input.article.title)], lastSeen: p.seen });
    } else {
      eventState.record = { ...event };
      eventState.lastSeen = Math.max(eventState.lastSeen, p.seen);
      if (eventState.titles.length < MAX_TITLES) eventState.titles.push(titleCandidate(input.article.title));
      // re-inserted last: the map runs from the least recently extended event
      this.eventState.delete(event.id);
      this.eventState.set(event.id, eventState);
    }
    const storyState = this.storyState.get(story.id) ?? { record: { ...story }, eventArticles: new Map(), events: new Map() };
    storyState.record = { ...story };
    storyState.eventArticles.set(event.id, (storyState.eventArticles.get(event.id) ?? 0) + 1);
    storyState.events.set(event.id, { ...event });
    this.storyState.set(story.id, storyState);

    this.eventOf.set(input.id, event.id);
    const page = input.article.livePage;
    if (page && !this.livePageStory.has(page)) {
      this.livePageStory.set(page, story.id);
      if (this.livePageStory.size > LIVE_PAGES_KEPT) this.livePageStory.delete(this.livePageStory.keys().next().value!);
    }
    this.lastId = Math.max(this.lastId, input.id);
    if (this.eventOf.size > this.eventOfCapacity) this.eventOf.delete(this.eventOf.keys().next().value!);
    this.nextEventId = Math.max(this.nextEventId, event.id + 1);
    this.nextStoryId = Math.max(this.nextStoryId, story.id + 1);
    this.clock = Math.max(this.clock, p.seen);
    if (++this.applied % 1_000 === 0) this.closeQuiet();
  }

  private closeQuiet(): void {
    const cutoff = this.clock - this.eventTime.windowDays * 86_400_000;
    for (const [id, state] of this.eventState) {
      if (state.lastSeen >= cutoff && this.eventState.size <= this.eventTime.maxOpen) break;
      this.eventState.delete(id);
    }
    for (const id of [...this.stories.closeQuiet(this.clock), ...this.stories.closeOverflow()]) {
      this.storyState.delete(id);
    }
  }
}

/** A grouper with defaults tuned for news. */
export function createGrouper(options: GrouperOptions = {}): Grouper {
  return new OnlineGrouper(options);
}
