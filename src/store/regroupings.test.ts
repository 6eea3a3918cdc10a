import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apartNow, eventsMove, sharedByStory, titleWords } from './regroupings.js';

test("a story's headline words that look like names are looked up, not the capital every headline opens with", () => {
  assert.deepEqual(titleWords(['Back home in Ostwick, a tide line on the wallpaper'], []), ['Ostwick']);
  assert.deepEqual(titleWords(['Hafen Brennmouth: Taucher prüfen die Kaimauern'], []), ['Brennmouth', 'Kaimauern'], 'a clause after a colon opens with a capital too');
  assert.deepEqual(titleWords(['Storm Edda: insurers see a bill as Vessland opens a fund'], ['Vessland']), ['Edda'], 'a name looked up already is not looked up again');
  assert.equal(titleWords(['A Bb Cc Dd Ee Ff Gggg Hhhh Iiii Jjjj Kkkk Llll Mmmm Nnnn'], []).length, 6, 'six at most');
});

test('related stories share most first (a name counting less the more stories name it), then the newest; a pair of stories told apart counts once, and not when they are one again', () => {
  assert.deepEqual(sharedByStory([['Valmora', [3, 2, 2]], ['Dock Union', [2]], ['Harbour', [5]]]), [[2, ['Valmora', 'Dock Union']], [5, ['Harbour']], [3, ['Valmora']]]);
  // A name every story mentions counts for less than one only two stories share.
  const country = [1, 2, 3, 4, 5, 6, 7];
  assert.deepEqual(sharedByStory([['Vessland', country], ['Norholm', country], ['Ostwick', [9]]]).map(([id]) => id), [9, 7, 6, 5, 4, 3, 2, 1]);
  assert.deepEqual(apartNow([[1, 2], [2, 1], [3, 3], [null, 4], [1, 5]]), [[1, 2], [1, 5]]);
});

test('an event moved out of a story renames the story it leaves after what it holds, and a story it leaves empty is merged into where it went', () => {
  const story = (id: number, title: string) => ({ id, title, start: '2025-06-01', end: '2025-06-05' });
  const event = (id: number, storyId: number, title: string, start: string) => ({ event: { id, storyId, title, start, end: start }, articles: id === 2 ? 5 : 1 });
  const from = story(1, 'Strike at the port');
  const events = [event(1, 1, 'Ships queue', '2025-06-01'), event(2, 1, 'Strike at the port', '2025-06-03')];
  const out = eventsMove([events[1]!.event], from, events, story(7, 'Strike at the port'), []);
  assert.deepEqual(out.stories, [
    { id: 1, title: 'Ships queue', start: '2025-06-01', end: '2025-06-01' },
    { id: 7, title: 'Strike at the port', start: '2025-06-03', end: '2025-06-03' },
  ]);
  assert.deepEqual([out.merged, out.apart], [[], [[1, 7]]]);
  const emptied = eventsMove(events.map((e) => e.event), from, events, story(3, 'Harbour'), [event(9, 3, 'Harbour', '2025-06-02')]);
  assert.deepEqual([emptied.merged, emptied.apart, emptied.stories.map((s) => s.title)], [[{ id: 1, into: 3 }], undefined, ['Strike at the port']]);
});
