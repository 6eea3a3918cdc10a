/**
 * @module A deterministic stream of invented news articles for throughput runs: stories that run
 * over days, several reports per event, ~600-word bodies with quotes, names, figures and relative
 * dates, and one wire copy in five republished by another outlet with furniture added.
 */
import type { RawDocument } from '../../src/model/index.js';
import { seededRandom } from '../../eval/seeded-random.js';


const FIRST = ['Ada', 'Tomas', 'Mira', 'Jonas', 'Elin', 'Priya', 'Oskar', 'Lena', 'Farid', 'Ines', 'Karl', 'Nadia', 'Viktor', 'Rosa'];
const LAST = ['Lindqvist', 'Greer', 'Osei', 'Berg', 'Sand', 'Raman', 'Marsh', 'Haddad', 'Novak', 'Ferreira', 'Okafor', 'Brandt', 'Kovac'];
const PLACES = ['Saltmere', 'Marrow Bay', 'Kettleford', 'Osterholm', 'Brindle Point', 'Vashkar', 'Lowen Quay', 'Korvel', 'Tarn Vale', 'Dunmore'];
const TOPICS = ['flood barrier', 'port strike', 'rate decision', 'rail tunnel', 'hospital merger', 'fishing quota', 'wind farm', 'water supply', 'bridge repair', 'school closures', 'ferry contract', 'power outage'];
const ROLES = ['minister', 'mayor', 'union leader', 'spokeswoman', 'chief engineer', 'governor', 'council leader'];
const VERBS = ['would review', 'had approved', 'could delay', 'was ready to fund', 'would oppose', 'planned to expand'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FILLER = [
  'The decision follows months of debate in the regional council, where members have argued over costs and timing.',
  'Residents said they had been given little notice and wanted clearer answers about what happens next.',
  'Officials declined to give further details, saying talks with contractors and unions were continuing.',
  'Analysts said the outcome would shape spending plans for the rest of the year across the region.',
  'Opposition members called for an independent review and asked for all documents to be published.',
  'Local businesses reported a drop in trade and said they hoped for a quick solution.',
];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

const SYLLABLES = ['bra', 'ko', 'vin', 'tes', 'sun', 'mar', 'del', 'ost', 'wick', 'har', 'len', 'dor', 'ul', 'rik', 'sa', 'mo', 'ten', 'gar', 'vel', 'ash'];

/** An invented proper name, so every story has names of its own (as real stories do). */
function inventName(random: () => number): string {
  const parts = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < parts; i++) name += pick(SYLLABLES, random);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface StreamOptions {
  count: number;
  seed?: number;
  /** Articles per event on average; events per story. */
  perEvent?: number;
  eventsPerStory?: number;
}

/**
 * A filler sentence with every fourth word drawn from an invented vocabulary: unrelated articles
 * share words, as real ones do, but hardly any five-word run, as real ones don't.
 */
function varied(sentence: string, random: () => number): string {
  return sentence
    .split(' ')
    .map((word, i) => (i % 4 === 3 ? inventName(random).toLowerCase() : word))
    .join(' ');
}

function body(random: () => number, story: { place: string; topic: string; person: string; role: string }, event: number): string {
  const paragraphs: string[] = [];
  const figure = Math.round(random() * 900 + 10);
  paragraphs.push(
    `${story.place} officials said on ${pick(WEEKDAYS, random)} that the ${story.topic} ${pick(VERBS, random)} after ${figure} residents signed a petition, in the ${event + 1}th development of the dispute.`,
  );
  paragraphs.push(
    `"We will not accept a plan that leaves ${Math.round(random() * 40 + 2)} districts without protection," said ${story.person}, the ${story.role}, adding that a decision was expected next week.`,
  );
  paragraphs.push(`"The cost has risen to EUR ${Math.round(random() * 90 + 5)} million and nobody has explained why," ${story.person.split(' ')[1]} added.`);
  while (paragraphs.join(' ').split(' ').length < 560) {
    const who = `${pick(FIRST, random)} ${pick(LAST, random)}`;
    paragraphs.push(
      `${varied(pick(FILLER, random), random)} ${who}, a ${pick(ROLES, random)} in ${pick(PLACES, random)}, said the ${pick(TOPICS, random)} ${pick(VERBS, random)} by ${Math.round(random() * 30 + 1)}%. ${varied(pick(FILLER, random), random)}`,
    );
  }
  return paragraphs.join('\n\n');
}

/** Yields `count` RawDocuments; deterministic for a given seed. */
export function* generateStream(options: StreamOptions): Generator<RawDocument> {
  const random = seededRandom(options.seed ?? 7);
  const perEvent = options.perEvent ?? 6;
  const eventsPerStory = options.eventsPerStory ?? 4;
  let produced = 0;
  let storyIndex = 0;
  const start = Date.parse('2026-01-01T00:00:00Z');
  while (produced < options.count) {
    const story = {
      place: random() < 0.5 ? pick(PLACES, random) : inventName(random),
      topic: `${inventName(random)} ${pick(TOPICS, random)}`,
      person: `${pick(FIRST, random)} ${inventName(random)}`,
      role: pick(ROLES, random),
    };
    for (let event = 0; event < eventsPerStory && produced < options.count; event++) {
      const day = new Date(start + (storyIndex / 40 + event * 2) * 86_400_000).toISOString().slice(0, 10);
      let original: string | null = null;
      for (let n = 0; n < perEvent && produced < options.count; n++) {
        const copy: boolean = original !== null && random() < 0.2;
        const text: string = copy ? `${original}\n\nJoin our newsletter for the day's top stories.\n\nAdvertisement` : body(random, story, event);
        if (!copy) original = text;
        yield {
          path: `stream-${produced}.txt`,
          index: 0,
          format: 'text',
          content: text,
          hints: {
            externalId: `s${storyIndex}-e${event}-a${n}-${produced}`,
            title: `${story.place}: ${story.topic} ${copy ? 'latest' : pick(VERBS, random)} (${produced})`,
            source: `Outlet ${Math.floor(random() * 60)}`,
            published: day,
            language: 'en',
          },
        };
        produced++;
      }
    }
    storyIndex++;
  }
}
