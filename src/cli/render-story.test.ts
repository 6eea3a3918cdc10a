import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryView } from '../views/story-view.js';
import { renderStory, renderStoryList } from './render-story.js';

const view: StoryView = {
  id: 1,
  title: 'Port strike enters second week',
  start: '2026-04-10T08:00:00Z',
  end: '2026-04-12T08:00:00Z',
  articleCount: 3,
  outletCount: 2,
  eventCount: 1,
  events: [],
  outlets: [],
  entities: [],
  quotes: [
    {
      text: 'We will stay out until the offer changes',
      speaker: 'Ana Ribeiro',
      direct: true,
      variants: [],
      sources: [
        { articleId: 7, source: 'Harbour Times', published: null },
        { articleId: 3, source: 'Harbour Times', published: null },
        { articleId: 5, source: null, published: null },
      ],
      firstSeen: { articleId: 3, source: 'Harbour Times', at: '2026-04-10T08:00:00Z' },
    },
  ],
  figures: [
    { text: '4,000 dockers', value: 4000, unit: 'dockers', articleId: 3, source: 'Harbour Times' },
    { text: '4,000 dockers', value: 4000, unit: 'dockers', articleId: 5, source: 'Coast Wire' },
    { text: '12 ships', value: 12, unit: 'ships', articleId: 5, source: 'Coast Wire' },
    { text: '17 metres', value: 17, unit: 'metres', articleId: 3, source: 'Harbour Times' },
    { text: 'seventeen metres', value: 17, unit: 'metres', articleId: 9, source: 'Quay Notes' },
  ],
} as unknown as StoryView;

test('a figure repeated by a wire copy is one line citing every article that carried it', () => {
  const text = renderStory(view);
  const lines = text.split('\n').filter((line) => line.includes('4,000 dockers'));
  assert.deepEqual(lines, ['  4,000 dockers = 4,000 dockers  [Harbour Times #3, Coast Wire #5]']);
  assert.match(text, /12 ships = 12 ships {2}\[Coast Wire #5\]/);
  // The same value in other words is the same line, with both wordings.
  assert.match(text, /\n {2}17 metres \/ seventeen metres = 17 metres {2}\[Harbour Times #3, Quay Notes #9\]/);
});

test('quotes cite the outlet and the article numbers to open, an unnamed outlet by number alone', () => {
  assert.match(renderStory(view), /“We will stay out until the offer changes” {2}\[Harbour Times #3 #7, #5\]/);
});

test('the story list does not claim zero outlets when the inputs named none, and puts each count under its column', () => {
  const list = renderStoryList([{ ...view, outletCount: 0 }, { ...view, id: 2, articleCount: 1, outletCount: 1 }]);
  const [header, unnamed, single] = list.split('\n') as [string, string, string];
  const under = (line: string, column: string): string => line.slice(header.indexOf(column), header.indexOf(column) + column.length).trim();
  assert.equal(under(unnamed, 'outlets'), '–');
  assert.equal(under(unnamed, 'articles'), '3');
  assert.equal(under(single, 'outlets'), '1');
  assert.equal(under(single, 'events'), '1');
  assert.doesNotMatch(list, /1 outlets|0 outlets/);
});

test('a report in another language carries its language code after the outlet; an English one does not', () => {
  const withEvent = {
    ...view,
    events: [
      {
        id: 1,
        title: 'Dockers walk out',
        start: '2026-04-10',
        end: '2026-04-10',
        articles: [
          { id: 3, title: 'Dockers walk out at Aldine', source: 'Harbour Times', published: '2026-04-10T08:00:00Z', url: null, language: 'en', copies: [] },
          { id: 8, title: 'Streik im Hafen von Aldine', source: 'Hafenblatt', published: '2026-04-10T12:00:00Z', url: null, language: 'de', copies: [] },
        ],
      },
    ],
  } as unknown as StoryView;
  const text = renderStory(withEvent);
  assert.match(text, /#8 Hafenblatt \[de\], 2026-04-10: Streik im Hafen von Aldine/);
  assert.match(text, /#3 Harbour Times, 2026-04-10: Dockers walk out at Aldine/);
});
