import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outletOfStaffBylines } from './staff-byline-outlet.js';

const page = (...lines: string[]): string => lines.join('\n');
const STORY = 'The regional council approved the flood barrier budget on Tuesday after a four-hour debate.';

test("a site's name signing its lists of other articles, which its handle spells, is the outlet", () => {
  const text = page(
    STORY,
    'Follow our coverage of the storm on @harbourtimes_official.',
    'Ferry services resume after three days',
    'By Harbour Times',
    '9h ago',
    'Council to review barrier contract',
    'By Harbour Times',
    '1d ago',
  );
  assert.equal(outletOfStaffBylines(text, null), 'Harbour Times');
});

test('a call to join or subscribe to "the" name confirms it, once signed', () => {
  const text = page('JOIN the Tarrholm Daily on WhatsApp for breaking news', STORY, 'Opinion: the barrier was never enough', 'By Tarrholm Daily');
  assert.equal(outletOfStaffBylines(text, null), 'Tarrholm Daily');
});

test("the article's author, a reporter's list of stories, a news agency and an unconfirmed name are not the outlet", () => {
  // The author signs and has a handle: the author, not the outlet.
  assert.equal(outletOfStaffBylines(page('By Anna Ruiz', '@annaruiz', STORY), 'Anna Ruiz'), null);
  // A reporter signing other articles, followed by name but not as "the ...": a person.
  assert.equal(outletOfStaffBylines(page(STORY, 'Follow Hanna Ridley on X', 'Fact-check: the barrier report', 'By Hanna Ridley'), null), null);
  // An agency credit.
  assert.equal(outletOfStaffBylines(page(STORY, 'By Reuters', 'Follow @reuters_world'), null), null);
  // A name nothing on the page confirms.
  assert.equal(outletOfStaffBylines(page(STORY, 'Ferry services resume', 'By Coastline Desk'), null), null);
});
