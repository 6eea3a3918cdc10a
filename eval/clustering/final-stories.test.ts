import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { finalStories } from './final-stories.js';

const event = (id: number, storyId: number) => ({ id, storyId, title: `event ${id}`, start: null, end: null });

describe('finalStories', () => {
  it('follows events moved by a later story merge', () => {
    const stories = finalStories([
      { event: event(1, 1), movedEvents: [] },
      { event: event(2, 2), movedEvents: [] },
      { event: event(2, 2), movedEvents: [] },
      { event: event(3, 1), movedEvents: [event(2, 1)] },
    ]);
    assert.deepEqual(stories, [1, 1, 1, 1]);
  });

  it('keeps the placement story when nothing moved', () => {
    assert.deepEqual(finalStories([{ event: event(1, 1), movedEvents: [] }, { event: event(2, 2), movedEvents: [] }]), [1, 2]);
  });
});
