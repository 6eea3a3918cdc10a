/**
 * @module Invented articles for the web tests: a summit story of three events with a wire report
 * folded under its original (one copy edited), quotes by two speakers (one quote in two
 * wordings), figures where outlets disagree (31 countries / about 25 leaders; 5,000 / 4,000
 * troops); a second story; and an article whose title, outlet and text are hostile HTML.
 * Offsets are computed from the text, as the analysis stage would give them.
 */
import type { Analysis, CopyChanges, EntityType, EventRecord, Figure, StoryRecord } from '../../model/index.js';
import type { Store } from '../../store/store.js';

interface Spec {
  source: string;
  title: string;
  published: string;
  text: string;
  event: EventRecord;
  story: StoryRecord;
  copyOf?: string;
  changes?: CopyChanges;
  quotes?: Array<{ text: string; speaker: string | null; direct?: boolean; attribution?: string }>;
  entities?: Array<{ text: string; name: string; type: EntityType }>;
  /** Exact unless a precision and range are given. */
  figures?: Array<Pick<Figure, 'text' | 'value' | 'unit'> & Partial<Pick<Figure, 'precision' | 'low' | 'high'>>>;
  dates?: Array<{ text: string; value: string }>;
}

const at = (text: string, part: string): number => {
  const index = text.indexOf(part);
  if (index === -1) throw new Error(`"${part}" is not in the text`);
  return index;
};

function analysisOf(spec: Spec): Analysis {
  const { text } = spec;
  return {
    quotes: (spec.quotes ?? []).map((q) => {
      const start = at(text, q.text);
      const speakerWord = q.speaker?.split(' ').at(-1) ?? '';
      const after = speakerWord ? text.indexOf(speakerWord, start + q.text.length) : -1;
      const speakerStart = after >= 0 || !speakerWord ? after : text.lastIndexOf(speakerWord, start);
      return {
        text: q.text,
        start,
        end: start + q.text.length,
        direct: q.direct ?? true,
        speaker: q.speaker,
        speakerStart: speakerStart >= 0 ? speakerStart : null,
        speakerEnd: speakerStart >= 0 ? speakerStart + speakerWord.length : null,
        ...(q.attribution ? { attribution: q.attribution } : {}),
      };
    }),
    entities: (spec.entities ?? []).map((e) => ({ ...e, start: at(text, e.text), end: at(text, e.text) + e.text.length })),
    figures: (spec.figures ?? []).map((f) => ({ precision: 'exact' as const, low: f.value, high: f.value, ...f, start: at(text, f.text), end: at(text, f.text) + f.text.length })),
    dates: (spec.dates ?? []).map((d) => ({ ...d, start: at(text, d.text), end: at(text, d.text) + d.text.length })),
  };
}

const summit: StoryRecord = { id: 1, title: 'Valmont summit on a reassurance force', start: '2025-03-10', end: '2025-03-14' };
const gathering: EventRecord = { id: 1, storyId: 1, title: 'Defence chiefs gather in Valmont', start: '2025-03-10', end: '2025-03-10' };
const pledge: EventRecord = { id: 2, storyId: 1, title: 'Talks end with a pledge of troops', start: '2025-03-12', end: '2025-03-12' };
const vote: EventRecord = { id: 3, storyId: 1, title: 'Parliament schedules a vote on deployment', start: '2025-03-14', end: '2025-03-14' };
const drought: StoryRecord = { id: 2, title: 'Drought brings water limits to Plains county', start: '2025-02-20', end: '2025-02-21' };
const droughtEvent: EventRecord = { id: 4, storyId: 2, title: 'Water board sets limits', start: '2025-02-20', end: '2025-02-21' };
const hostileStory: StoryRecord = { id: 3, title: '<script>alert(1)</script> Harbour <b>news</b>', start: '2025-01-05', end: '2025-01-05' };
const hostileEvent: EventRecord = { id: 5, storyId: 3, title: '<script>alert(1)</script> Harbour <b>news</b>', start: '2025-01-05', end: '2025-01-05' };

const WIRE_TEXT = [
  'VALMONT — Defence chiefs from 31 countries met in Valmont on Tuesday to plan a reassurance force for the border region.',
  '"We are ready to lead a reassurance force," said Ana Lindqvist, the defence minister of Norland, as the talks opened.',
  'Tomas Verga, who chairs the regional alliance, told reporters: "No country will be asked to act alone." Members have set aside €2 billion for the first year.',
  'The chiefs will report to their governments by Friday.',
].join('\n\n');

const EDITED_COPY_TEXT = WIRE_TEXT.replace('on Tuesday', 'on Tuesday morning') + '\n\nHarbour Times contributed reporting.';

/** What analysis finds in the wire report, and so in each of its copies. */
const WIRE_ANALYSIS: Pick<Spec, 'quotes' | 'entities' | 'figures' | 'dates'> = {
  quotes: [
    { text: 'We are ready to lead a reassurance force', speaker: 'Ana Lindqvist' },
    { text: 'No country will be asked to act alone.', speaker: 'Tomas Verga' },
  ],
  entities: [
    { text: 'Valmont', name: 'Valmont', type: 'place' },
    { text: 'Ana Lindqvist', name: 'Ana Lindqvist', type: 'person' },
    { text: 'Tomas Verga', name: 'Tomas Verga', type: 'person' },
  ],
  figures: [
    { text: '31 countries', value: 31, unit: 'countries' },
    { text: '€2 billion', value: 2e9, unit: 'EUR' },
  ],
  dates: [{ text: 'Tuesday', value: '2025-03-11' }],
};

export const SPECS: Spec[] = [
  {
    source: 'Wire Press',
    title: 'Defence chiefs from 31 countries gather in Valmont',
    published: '2025-03-10T09:00:00Z',
    text: WIRE_TEXT,
    event: gathering,
    story: summit,
    ...WIRE_ANALYSIS,
  },
  {
    source: 'Harbour Times',
    title: 'Valmont hosts defence chiefs of 31 nations',
    published: '2025-03-10T11:30:00Z',
    text: EDITED_COPY_TEXT,
    event: gathering,
    story: summit,
    copyOf: 'Defence chiefs from 31 countries gather in Valmont',
    changes: { added: ['Harbour Times contributed reporting.'], removed: [], edited: [{ from: 'met in Valmont on Tuesday to plan', to: 'met in Valmont on Tuesday morning to plan' }] },
    ...WIRE_ANALYSIS,
  },
  {
    source: 'Coastal Post',
    title: 'Defence chiefs from 31 countries gather in Valmont',
    published: '2025-03-10T13:00:00Z',
    text: WIRE_TEXT,
    event: gathering,
    story: summit,
    copyOf: 'Defence chiefs from 31 countries gather in Valmont',
    changes: { added: [], removed: [], edited: [] },
    ...WIRE_ANALYSIS,
  },
  {
    source: 'Metro Star',
    title: 'About 25 leaders weigh a force for the border',
    published: '2025-03-10T15:00:00Z',
    text: [
      'About 25 leaders sent their military chiefs to Valmont this week.',
      'Lindqvist told the opening session: "We are ready to lead a reassurance force." Norland would send engineers, she added.',
    ].join('\n\n'),
    event: gathering,
    story: summit,
    quotes: [{ text: 'We are ready to lead a reassurance force.', speaker: 'Ana Lindqvist' }],
    entities: [
      { text: 'Valmont', name: 'Valmont', type: 'place' },
      { text: 'Lindqvist', name: 'Ana Lindqvist', type: 'person' },
      { text: 'Norland', name: 'Norland', type: 'place' },
    ],
    figures: [{ text: 'About 25 leaders', value: 25, unit: 'leaders', precision: 'approximate', low: 21.25, high: 28.75 }],
  },
  {
    source: 'Northern Ledger',
    title: 'Valmont talks end with a pledge of 5,000 troops',
    published: '2025-03-12T10:00:00Z',
    text: [
      'The Valmont talks ended with a pledge of 5,000 troops for the reassurance force.',
      'Verga said the alliance would meet again in April. "The pledge is only the beginning," he said.',
    ].join('\n\n'),
    event: pledge,
    story: summit,
    quotes: [{ text: 'The pledge is only the beginning,', speaker: 'Tomas Verga' }],
    entities: [
      { text: 'Valmont', name: 'Valmont', type: 'place' },
      { text: 'Verga', name: 'Tomas Verga', type: 'person' },
    ],
    figures: [{ text: '5,000 troops', value: 5000, unit: 'troops' }],
    dates: [{ text: 'April', value: '2025-04' }],
  },
  {
    source: 'Daily Meridian',
    title: 'Allies promise 4,000 soldiers after Valmont meeting',
    published: '2025-03-12T16:20:00Z',
    text: 'Allies promised 4,000 soldiers at the close of the Valmont meeting, officials said, with Norland leading the first rotation.\n\nThe first rotation could leave in May, a source close to the Norland defence ministry said.',
    event: pledge,
    story: summit,
    quotes: [{ text: 'The first rotation could leave in May', speaker: null, direct: false, attribution: 'a source close to the Norland defence ministry' }],
    entities: [
      { text: 'Valmont', name: 'Valmont', type: 'place' },
      { text: 'Norland', name: 'Norland', type: 'place' },
    ],
    figures: [{ text: '4,000 soldiers', value: 4000, unit: 'soldiers' }],
  },
  {
    source: 'The Evening Signal of Norland (English edition)',
    title: 'Norland parliament to vote on deployment',
    published: '2025-03-14T08:00:00Z',
    text: 'The Norland parliament will vote on the deployment next week, the speaker\'s office said.',
    event: vote,
    story: summit,
    entities: [{ text: 'Norland', name: 'Norland', type: 'place' }],
  },
  {
    source: 'Plains Herald',
    title: 'Water board sets limits as drought deepens',
    published: '2025-02-20T07:00:00Z',
    text: 'The Plains Water Board set limits on garden watering on Thursday as reservoirs fell to 40 percent.',
    event: droughtEvent,
    story: drought,
    entities: [{ text: 'Plains Water Board', name: 'Plains Water Board', type: 'organisation' }],
    figures: [{ text: '40 percent', value: 40, unit: 'percent' }],
    dates: [{ text: 'Thursday', value: '2025-02-20' }],
  },
  {
    source: 'Valley Courier',
    title: 'Farmers ask for exemptions from water limits',
    published: '2025-02-21T12:00:00Z',
    text: 'Farmers asked the Plains Water Board for exemptions from the new limits.',
    event: droughtEvent,
    story: drought,
    entities: [{ text: 'Plains Water Board', name: 'Plains Water Board', type: 'organisation' }],
  },
  {
    source: '"><script>alert(2)</script>',
    title: '<script>alert(1)</script> Harbour <b>news</b>',
    published: '2025-01-05T09:00:00Z',
    text: 'Harbour <img src=x onerror=alert(3)> news & "quotes" </p><script>alert(4)</script>',
    event: hostileEvent,
    story: hostileStory,
    entities: [{ text: '<img src=x onerror=alert(3)>', name: '<img src=x onerror=alert(3)>', type: 'organisation' }],
  },
];

/** Stores the invented articles; returns their ids by title (originals first when titles repeat). */
export async function addInventedStories(store: Store): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let index = 0;
  for (const spec of SPECS) {
    const duplicateOf = spec.copyOf ? (ids.get(spec.copyOf) ?? null) : null;
    const { id } = await store.addArticle(
      {
        identity: `test:${index++}`,
        contentHash: `hash-${index}`,
        rawHash: `raw-${index}`,
        article: { externalId: null, path: null, url: `https://news.example/${index}`, source: spec.source, author: null, title: spec.title, text: spec.text, published: spec.published, modified: null, language: 'en' },
        analysis: analysisOf(spec),
        seenAt: spec.published,
      },
      () => ({ duplicateOf, similarity: duplicateOf === null ? null : 0.96, changes: spec.changes ?? null, event: spec.event, story: spec.story, movedEvents: [], mergedStoryIds: [] }),
    );
    if (!ids.has(spec.title)) ids.set(spec.title, id);
    else ids.set(`${spec.title} (${spec.source})`, id);
  }
  return ids;
}
