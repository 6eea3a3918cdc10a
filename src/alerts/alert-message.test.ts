import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryArrival } from '../store/store.js';
import type { StoryNews } from '../views/story-news.js';
import { alertMessage, alertRequest } from './alert-message.js';

const report = (id: number, source: string, title: string): StoryArrival => ({
  id, storyId: 7, title, source, published: '2026-04-15T08:00:00Z', seenAt: '2026-04-15T09:00:00Z', duplicateOf: null, eventId: 3, eventTitle: 'Barrier gate fails', newEvent: false, newOutlet: false,
});

const news = (originals: StoryArrival[], title = 'Korvel flood barrier gate fails'): StoryNews => ({
  storyId: 7, title, followedAt: '2026-04-13T10:00:00Z', seenAt: '2026-04-13T10:00:00Z', articles: originals.length + 2, more: false, originals, copies: 2,
  newEvents: [{ id: 3, title: 'Barrier gate fails' }], newOutlets: ['Tarrholm Daily'], latest: '2026-04-15T09:00:00Z',
});

test('an alert names what is new, the new event and the new reports by outlet, at most five, then how many more', () => {
  const reports = Array.from({ length: 7 }, (_, i) => report(20 - i, i % 2 ? 'Tarrholm Daily' : 'Meridian News', `Report ${i + 1} on the barrier`));
  const message = alertMessage(news(reports), 'https://news.example/storyline/');
  const lines = message.text.split('\n');
  assert.equal(lines[0], 'Korvel flood barrier gate fails: 9 new articles (2 of them copies), a new outlet, a new event');
  assert.equal(lines[1], 'New event: “Barrier gate fails”');
  assert.deepEqual(lines.slice(2, 4), ['· Meridian News: Report 1 on the barrier', '· Tarrholm Daily: Report 2 on the barrier']);
  assert.equal(lines[7], '· … and 2 more');
  assert.equal(lines[8], 'https://news.example/storyline/stories/7');
  assert.equal(message.title, 'Storyline: Korvel flood barrier gate fails');
});

test('as JSON, chat apps read text or content (Discord at most 2,000 characters); as text, ntfy gets the link to open', () => {
  const long = news([report(20, 'Meridian News', `${'Very long headline on the flood barrier '.repeat(60)}end`)]);
  const json = JSON.parse(alertRequest(alertMessage(long, 'https://news.example'), 'json').body) as { text: string; content: string; story: { url: string } };
  assert.equal([...json.content].length, 2000);
  assert.ok(json.content.endsWith('…'));
  assert.ok(json.text.length > 2000, 'text is whole');
  assert.equal(json.story.url, 'https://news.example/stories/7');

  const text = alertRequest(alertMessage(news([report(20, 'Meridian News', 'Gate fails')]), 'https://news.example'), 'text');
  assert.deepEqual([text.contentType, text.headers], ['text/plain; charset=utf-8', { Click: 'https://news.example/stories/7' }]);
  const unicodeBase = alertRequest(alertMessage(news([report(20, 'Meridian News', 'Gate fails')]), 'https://nyheter.例え.jp'), 'text');
  assert.deepEqual(unicodeBase.headers, {}, 'a header carries ASCII only');
});
