/**
 * @module Fills a SQLite store with synthetic articles for the story-page benchmark: many stories
 * of 10-50 articles, a few of ~500, each spread over events and days, with wire copies folded
 * under their originals and a little analysis per article (quotes, entities, figures, dates).
 */
import type { Analysis, EventRecord, Placement, StoryRecord } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { seededRandom } from '../../eval/seeded-random.js';

const OUTLETS = ['Harbour Times', 'Northern Ledger', 'Wire Press', 'Daily Meridian', 'Coastal Post', 'Valley Courier', 'Metro Star', 'Evening Signal', 'Plains Herald', 'Capital Review', 'Global Dispatch', 'River Gazette'];
const WORDS = 'minister council talks harbour budget agreement officials river bridge vote delegates summit ceasefire report energy prices court ruling investigators strike union farmers drought flood rescue election campaign'.split(' ');
const PEOPLE = ['Ana Lindqvist', 'Tomas Verga', 'Mira Okafor', 'Jon Haldane', 'Priya Ramaswamy', 'Karel Novak'];


const day = (base: number, offset: number): string => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);

export interface GenerateOptions {
  articles: number;
  seed?: number;
  /** Called every 10,000 articles. */
  onProgress?: (done: number) => void;
}

export async function generateStore(store: Store, options: GenerateOptions): Promise<{ stories: number; bigStoryIds: number[] }> {
  const next = seededRandom(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const base = Date.UTC(2024, 0, 1);
  let articleCount = 0;
  let storyId = 0;
  let eventId = 0;
  const bigStoryIds: number[] = [];
  while (articleCount < options.articles) {
    storyId++;
    const big = storyId % 400 === 7;
    const size = Math.min(options.articles - articleCount, big ? 500 : 10 + Math.floor(next() * 41));
    // The store's last story may be cut short: only whole ones are measured as the big ones.
    if (big && size === 500) bigStoryIds.push(storyId);
    const startDay = Math.floor(next() * 700);
    const topic = `${pick(WORDS)} ${pick(WORDS)}`;
    const story: StoryRecord = { id: storyId, title: `Story ${storyId}: ${topic}`, start: day(base, startDay), end: day(base, startDay) };
    const eventsInStory = Math.max(1, Math.round(size / 8));
    const events: EventRecord[] = [];
    const originals: number[] = [];
    for (let index = 0; index < size; index++) {
      const offset = Math.floor((index / size) * (big ? 60 : 10));
      const published = day(base, startDay + offset);
      story.end = published;
      const eventIndex = Math.min(eventsInStory - 1, Math.floor((index / size) * eventsInStory));
      let event = events[eventIndex];
      if (!event) {
        event = { id: ++eventId, storyId, title: `${topic} development ${eventIndex + 1}`, start: published, end: published };
        events[eventIndex] = event;
      }
      event.end = published;
      const copyOf = originals.length > 0 && next() < 0.3 ? pick(originals) : null;
      const paragraphs = Array.from({ length: 6 }, () => Array.from({ length: 40 }, () => pick(WORDS)).join(' ') + '.');
      const speaker = pick(PEOPLE);
      const quote = `We will ${pick(WORDS)} the ${pick(WORDS)} this week`;
      paragraphs[1] = `"${quote}," ${speaker} said on Tuesday.`;
      const figureValue = 20 + Math.floor(next() * 20);
      paragraphs[2] = `Delegates from ${figureValue} countries attended.`;
      const text = paragraphs.join('\n\n');
      const quoteStart = text.indexOf(quote);
      const speakerStart = text.indexOf(speaker);
      const figureStart = text.indexOf(`${figureValue} countries`);
      const dateStart = text.indexOf('Tuesday');
      const analysis: Analysis = {
        quotes: [{ text: quote, start: quoteStart, end: quoteStart + quote.length, direct: true, speaker, speakerStart, speakerEnd: speakerStart + speaker.length }],
        entities: [{ text: speaker, name: speaker, type: 'person', start: speakerStart, end: speakerStart + speaker.length }],
        figures: [{ text: `${figureValue} countries`, value: figureValue, unit: 'countries', start: figureStart, end: figureStart + `${figureValue} countries`.length, precision: 'exact', low: figureValue, high: figureValue }],
        dates: [{ text: 'Tuesday', value: published, start: dateStart, end: dateStart + 7 }],
      };
      const source = pick(OUTLETS);
      const title = `${topic} ${index + 1}`;
      const placement = (): Placement => ({
        duplicateOf: copyOf,
        similarity: copyOf === null ? null : 0.9,
        changes: copyOf === null ? null : { added: ['An added closing line.'], removed: [], edited: [{ from: 'on Tuesday', to: 'on Tuesday evening' }] },
        event: { ...event },
        story: { ...story },
        movedEvents: [],
        mergedStoryIds: [],
      });
      const { id } = await store.addArticle(
        {
          identity: `bench:${storyId}:${index}`,
          contentHash: `h${storyId}-${index}`,
          rawHash: `r${storyId}-${index}`,
          article: { externalId: null, path: null, url: `https://example.test/${storyId}/${index}`, source, author: null, title, text, published, modified: null, language: 'en' },
          analysis,
          seenAt: `${published}T12:00:00.000Z`,
        },
        placement,
      );
      if (copyOf === null) originals.push(id);
      articleCount++;
      if (articleCount % 10_000 === 0) options.onProgress?.(articleCount);
    }
  }
  return { stories: storyId, bigStoryIds };
}
