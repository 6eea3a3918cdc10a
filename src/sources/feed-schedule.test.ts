import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyFeedState, isDue, parseInterval, stateAfter } from './feed-schedule.js';

const at = new Date('2026-04-30T08:00:00Z');
const changed = { kind: 'changed' as const, etag: '"a"', lastModified: null, maxAgeSeconds: null, items: 20, newArticles: 3 };
const failed = { kind: 'failed' as const, message: 'HTTP 500', retryAfterSeconds: null };

test('a feed that answered is due again after the interval, or after a longer max-age the server asks for', () => {
  assert.equal(stateAfter(emptyFeedState(), changed, at).nextFetchAt, '2026-04-30T08:30:00.000Z');
  assert.equal(stateAfter(emptyFeedState(), { ...changed, maxAgeSeconds: 3600 }, at).nextFetchAt, '2026-04-30T09:00:00.000Z');
  assert.equal(stateAfter(emptyFeedState(), { ...changed, maxAgeSeconds: 60 }, at).nextFetchAt, '2026-04-30T08:30:00.000Z', 'a shorter max-age does not make it poll faster');
  assert.equal(stateAfter(emptyFeedState(), { ...changed, maxAgeSeconds: 10 * 86400 }, at).nextFetchAt, '2026-05-01T08:00:00.000Z', 'never more than a day');
});

test('failures in a row double the wait, a Retry-After longer than that is honoured, and a success clears them', () => {
  let state = stateAfter(emptyFeedState(), changed, at);
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    state = stateAfter(state, failed, at);
    waits.push((Date.parse(state.nextFetchAt!) - at.getTime()) / 60_000);
  }
  assert.deepEqual(waits, [30, 60, 120, 240, 480, 960, 1440, 1440]);
  assert.equal(state.failures, 8);
  assert.equal(state.lastError, 'HTTP 500');
  assert.equal(state.etag, '"a"', 'the validators of the last success stay');
  assert.equal(stateAfter(emptyFeedState(), { ...failed, retryAfterSeconds: 7200 }, at).nextFetchAt, '2026-04-30T10:00:00.000Z');
  const healed = stateAfter(state, { kind: 'unchanged', maxAgeSeconds: null }, at);
  assert.deepEqual([healed.failures, healed.lastError, healed.lastNew, healed.lastItems], [0, null, 0, 20]);
});

test('a feed never fetched is due; one whose wait is not over is not', () => {
  assert.ok(isDue(emptyFeedState(), at));
  assert.ok(!isDue({ nextFetchAt: '2026-04-30T08:00:01Z' }, at));
  assert.ok(isDue({ nextFetchAt: '2026-04-30T08:00:00Z' }, at));
});

test('intervals read as people write them, and none under a minute', () => {
  assert.deepEqual(['30m', '2h', '1d', '90s', '45', '1.5h'].map(parseInterval), [1_800_000, 7_200_000, 86_400_000, 90_000, 2_700_000, 5_400_000]);
  assert.deepEqual(['10s', 'soon', '', '-5m'].map(parseInterval), [null, null, null, null]);
});
