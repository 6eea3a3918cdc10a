import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FollowedStory, StoryArrival } from '../store/store.js';
import { newsSentence, storyNews } from './story-news.js';

const followed: FollowedStory = { storyId: 4, title: 'Brennmouth port strike', followedAt: '2026-04-27T08:00:00Z', seenAt: '2026-04-28T08:00:00Z', seenArticleId: 10, sinceArticleId: 3 };
const arrival = (id: number, more: Partial<StoryArrival> = {}): StoryArrival => ({
  id, storyId: 4, title: `Report ${id}`, source: 'Nordwire', published: null, seenAt: `2026-04-29T0${id % 10}:00:00Z`, duplicateOf: null, eventId: 7, eventTitle: 'Dockers walk out', newEvent: false, newOutlet: false, ...more,
});

test('news counts the reports since the last look, the copies among them, and the events and outlets new to the story', () => {
  const news = storyNews(followed, [
    arrival(14, { source: 'The Shipping Ledger', newOutlet: true, eventId: 9, eventTitle: 'Carriers divert ships', newEvent: true }),
    arrival(13, { duplicateOf: 12, source: 'Coastline FM', newOutlet: true }),
    arrival(12),
  ], 500);
  assert.deepEqual([news.articles, news.copies, news.originals.map((a) => a.id), news.newOutlets, news.newEvents, news.latest], [
    3, 1, [14, 12], ['Coastline FM', 'The Shipping Ledger'], [{ id: 9, title: 'Carriers divert ships' }], '2026-04-29T04:00:00Z',
  ]);
  assert.equal(newsSentence(news), '3 new articles (1 of them a copy), 2 new outlets, a new event');
});

test('the sentence says nothing new, all copies, and "at least" when more arrived than were read', () => {
  assert.equal(newsSentence(storyNews(followed, [], 500)), 'nothing new');
  assert.equal(newsSentence(storyNews(followed, [arrival(12, { duplicateOf: 11 }), arrival(11, { duplicateOf: 2 })], 500)), '2 new articles (all copies)');
  assert.equal(newsSentence(storyNews(followed, [arrival(12), arrival(11)], 2)), 'at least 2 new articles');
});
