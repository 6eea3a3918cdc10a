import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseArticle, createAnalysisContext } from './analyse-article.js';

const ctx = createAnalysisContext();
const directQuotes = (text: string): string[] => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct).map((q) => q.text);

test('a single scare-quoted word is not a direct quote, a quoted sentence is', () => {
  const text = [
    'Harbour Chief Calls New Ferry Schedule ‘Unworkable’ After Delays.',
    'The opposition called the timetable a "joke," "unworkable" and "late" in one statement.',
    '"We will run extra boats until the autumn," harbour chief Ines Duarte said.',
  ].join('\n');
  assert.deepEqual(directQuotes(text), ['We will run extra boats until the autumn,']);
});

test('a phrase woven into indirect speech stays indirect', () => {
  const text = 'The mayor said "road repairs" and new parking fees would cover the gap. Later she said "the timing is the problem."';
  assert.deepEqual(directQuotes(text), []);
  assert.deepEqual(directQuotes('A spokesman said by email that, “The mayor will not resign over this.”'), []);
  // The second half of a quote split by its cue starts in lower case and is still direct.
  const split = '"The bridge is safe," engineer Tom Hale said, "and it will reopen on Friday."';
  assert.deepEqual(directQuotes(split), ['The bridge is safe,', 'and it will reopen on Friday.']);
});

test('transcript turns and unclosed unattributed paragraph marks are not reported quotes', () => {
  const text = [
    'Part of the interview follows:',
    '"HOST: Welcome back. Let us talk about the budget vote tomorrow.',
    '"MINISTER: Thank you. The vote will pass, I am sure of it.',
    '"ANCHOR: Good evening and welcome to the late edition."',
    '"Follow our reporter on social media for more.',
  ].join('\n\n');
  assert.deepEqual(directQuotes(text), []);
});

test('a quote running over paragraphs without closing marks keeps its pieces', () => {
  const text = [
    'Council leader Rosa Lindqvist addressed the meeting.',
    '"The plan is ready. We have waited long enough.',
    '"Now we build," she said.',
  ].join('\n\n');
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct);
  assert.deepEqual(quotes.map((q) => q.text), ['The plan is ready. We have waited long enough.', 'Now we build,']);
  assert.deepEqual(quotes.map((q) => q.speaker), ['Rosa Lindqvist', 'Rosa Lindqvist']);
});

test('a name between the closing mark and the verb speaks, with a title, initials, party tag or apposition', () => {
  const speakers = (text: string): Array<string | null> =>
    analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct).map((q) => q.speaker);
  assert.deepEqual(speakers('The vote failed. "It is a sad day," Mr. Okonkwo added.'), ['Okonkwo']);
  assert.deepEqual(speakers('The vote failed. "Why was nobody told?" Brannigan asked.'), ['Brannigan']);
  assert.deepEqual(speakers('The vote failed. "We will try again," Rep. Dana Whitlock (D-Ore.), a committee member, said.'), ['Dana Whitlock']);
  // A quote closed by a full stop is followed by a new sentence, not by its speaker.
  assert.deepEqual(speakers('The vote failed. "It is over." Brannigan asked for a recount.'), [null]);
});
