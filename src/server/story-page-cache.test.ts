import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyPageCache } from './story-page-cache.js';

test('a cached page holds only for the data version it was rendered at', () => {
  const cache = storyPageCache(4);
  cache.set('story:1', 7, '<h1>Harbour strike</h1>');
  assert.equal(cache.get('story:1', 7), '<h1>Harbour strike</h1>');
  assert.equal(cache.get('story:1', 8), undefined, 'the store changed: render again');
  assert.equal(cache.get('story:1', 7), undefined, 'a stale entry is dropped');
});

test('the least recently read page is dropped first', () => {
  const cache = storyPageCache(2);
  cache.set('story:1', 1, 'one');
  cache.set('story:2', 1, 'two');
  cache.get('story:1', 1);
  cache.set('story:3', 1, 'three');
  assert.equal(cache.get('story:2', 1), undefined);
  assert.equal(cache.get('story:1', 1), 'one');
  assert.equal(cache.get('story:3', 1), 'three');
});
