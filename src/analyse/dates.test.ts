import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from './analysis-context.js';
import { findTimeExpressions } from './dates.js';

const { chrono } = createAnalysisContext();
const valueOf = (text: string, published: string, phrase: string): string | null | undefined =>
  findTimeExpressions(text, published, { chrono }).find((t) => t.text.toLowerCase() === phrase)?.value;

test('"the quarter" and "a year earlier" follow the quarter the report is about', () => {
  const text = 'Norvale Foods said its third-quarter profit rose 12%. Sales in the quarter reached $40 million, up from $35 million a year earlier.';
  assert.equal(valueOf(text, '2024-10-24', 'third-quarter'), '2024-Q3');
  assert.equal(valueOf(text, '2024-10-24', 'the quarter'), '2024-Q3');
  assert.equal(valueOf(text, '2024-10-24', 'a year earlier'), '2023-Q3');
});

test('a quarter or month without a year is the nearest one in the direction of the tense', () => {
  assert.equal(valueOf('The brewer reported a loss in the fourth quarter.', '2025-02-10', 'the fourth quarter'), '2024-Q4');
  assert.equal(valueOf('Talks resume in April, officials say.', '2024-12-15', 'april'), '2025-04');
  assert.equal(valueOf('The plant closed on Oct. 23 after the strike.', '2025-01-20', 'oct. 23'), '2024-10-23');
});

// 2025-10-15 is a Wednesday.
const DCT = '2025-10-15';
const found = (text: string, published = DCT): Array<[string, string | null]> =>
  findTimeExpressions(text, published, { chrono }).map((t) => [t.text.toLowerCase(), t.value]);

test('a longer expression wins over the relative word it starts with', () => {
  assert.deepEqual(found('Prices have doubled over the past three years.'), [['the past three years', 'P3Y']]);
  assert.deepEqual(found('The plant closed earlier this month.'), [['earlier this month', '2025-10']]);
});

test('amounts of time before "later", "after" and "before" are durations; halves use the smaller unit', () => {
  assert.deepEqual(found('Three days later the strike ended.'), [['three days later', 'P3D']]);
  assert.deepEqual(found('The crew worked 5 1/2 hours without a break.'), [['5 1/2 hours', 'PT5H30M']]);
  assert.deepEqual(found('He spent 2 1/2 years in Lisbon.'), [['2 1/2 years', 'P2Y6M']]);
  assert.deepEqual(found('The talks could take a couple of years.'), [['a couple of years', 'P2Y']]);
  assert.deepEqual(found('It was five years ago.'), [['five years ago', '2020']]);
});

test('vague spans are PAST_REF or FUTURE_REF, current and recent as TimeML marks them, "soon" is not a date', () => {
  assert.equal(valueOf('Sales have fallen in recent years.', DCT, 'recent years'), 'PAST_REF');
  assert.equal(valueOf('Rates may rise in the coming months.', DCT, 'the coming months'), 'FUTURE_REF');
  assert.equal(valueOf('At the current rate the fund runs dry.', DCT, 'current'), 'PRESENT_REF');
  assert.equal(valueOf('A recent survey found the opposite.', DCT, 'recent'), 'PAST_REF');
  assert.deepEqual(found('The ferry will soon leave.'), []);
  assert.deepEqual(found('The ferry sails daily.'), [['daily', 'P1D']]);
});

test('quarters tied to a year and year-earlier comparisons follow the reported quarter', () => {
  const text = 'Keldor Mining said third-quarter profit rose. Sales beat the 2024 third quarter, and year-earlier costs were higher. It expects growth in next year\'s first quarter.';
  assert.equal(valueOf(text, DCT, 'the 2024 third quarter'), '2024-Q3');
  assert.equal(valueOf(text, DCT, 'year-earlier'), '2024-Q3');
  assert.equal(valueOf(text, DCT, 'next year\'s first quarter'), '2026-Q1');
  assert.equal(valueOf('Revenue rose 4% in the year ended March 31.', DCT, 'the year'), 'P1Y');
});

test('a clock time takes the day named after it; a weekday picks the year of the date it precedes', () => {
  assert.deepEqual(found('The deadline will be 9 a.m. Friday.'), [['9 a.m. friday', '2025-10-17T09:00']]);
  assert.deepEqual(found('Polls will open at noon Thursday.'), [['noon thursday', '2025-10-16T12:00']]);
  // Oct. 23 fell on a Thursday in 2025 and on a Friday in 2026.
  assert.deepEqual(found('The vote is on Friday, Oct. 23.', '2026-09-30'), [['friday, oct. 23', '2026-10-23']]);
  assert.deepEqual(found('The vote was held on Thursday, Oct. 23.', '2026-09-30'), [['thursday, oct. 23', '2025-10-23']]);
});

test('weekdays and months follow the nearest tense marker, multi-word and irregular ones included', () => {
  assert.equal(valueOf('Talks are set to resume Monday in Geneva.', DCT, 'monday'), '2025-10-20');
  assert.equal(valueOf('The ministers could meet as early as Tuesday.', DCT, 'tuesday'), '2025-10-21');
  assert.equal(valueOf('The index fell below the record it set on Aug. 6.', '2026-02-10', 'aug. 6'), '2025-08-06');
  assert.equal(valueOf('They expect the sale to be completed by Dec. 15.', DCT, 'dec. 15'), '2025-12-15');
  assert.equal(valueOf('The summit will be held in January.', DCT, 'january'), '2026-01');
  // "a.m." does not end the sentence that gives the tense.
  assert.equal(valueOf('The union has until 9 a.m. Tuesday to answer.', DCT, '9 a.m. tuesday'), '2025-10-21T09:00');
});

test('an -ed adjective after a determiner is not a past-tense marker', () => {
  // "unspecified" describes the date; "will be paid" gives the tense: the coming January.
  assert.equal(valueOf('The bonus will be paid on a still unspecified date in January.', DCT, 'january'), '2026-01');
});

test('years said in words, as in broadcast transcripts, are years', () => {
  assert.deepEqual(found('In nineteen ninety-one the bank failed.', '1998-01-15'), [['nineteen ninety-one', '1991']]);
  assert.deepEqual(found('Prices peaked in January nineteen ninety-seven.', '1998-01-15'), [['january nineteen ninety-seven', '1997-01']]);
  assert.deepEqual(found('The goal is jobs for all by the year two thousand.', '1998-01-15'), [['the year two thousand', '2000']]);
  assert.deepEqual(found('Membership fell through the nineties.', '1998-01-15'), [['the nineties', '199']]);
  assert.deepEqual(found('Two thousand workers marched.', '1998-01-15'), []);
});

test('"last night", year end and a year followed by a verb are found', () => {
  assert.deepEqual(found('Fire crews worked through last night.'), [['last night', '2025-10-14TNI']]);
  assert.deepEqual(found('The merger should close by year end.'), [['year end', '2025']]);
  assert.deepEqual(found('Sales in 2024 were flat, but 2025 is different.'), [['2024', '2024'], ['2025', '2025']]);
  assert.deepEqual(found('About 2000 workers joined.'), []);
});

test('anaphoric expressions count from the last date mentioned, deictic ones from the publish date', () => {
  const text = 'The ferry sank on March 3, 2019. Divers reached the wreck the next day, and the inquiry opened later that year. Officials said yesterday the report is due.';
  assert.equal(valueOf(text, DCT, 'march 3, 2019'), '2019-03-03');
  assert.equal(valueOf(text, DCT, 'the next day'), '2019-03-04');
  assert.equal(valueOf(text, DCT, 'later that year'), '2019');
  assert.equal(valueOf(text, DCT, 'yesterday'), '2025-10-14');
  // With no date mentioned before it, "that day" is the publish date.
  assert.equal(valueOf('Markets fell sharply that day.', DCT, 'that day'), DCT);
  assert.equal(valueOf('He resigned in June 2021 and left the following month.', DCT, 'the following month'), '2021-07');
  // "the day before" a date is one expression, a day off that date.
  assert.deepEqual(found('The day before last Tuesday\'s vote, the mayor resigned.'), [['the day before last tuesday', '2025-10-13']]);
});

test('holidays take their date in the year the tense or a modifier points to', () => {
  // 2025-10-15: last Thanksgiving was 2024-11-28, the next one is 2025-11-27.
  assert.equal(valueOf('The boy was rescued on Thanksgiving Day.', '2026-01-07', 'thanksgiving day'), '2025-11-27');
  assert.equal(valueOf('Shops will close on Christmas Day.', DCT, 'christmas day'), '2025-12-25');
  assert.equal(valueOf('Turnout fell last Thanksgiving.', DCT, 'last thanksgiving'), '2024-11-28');
  assert.equal(valueOf('Polls close on Election Day.', '2024-10-20', 'election day'), '2024-11-05');
  assert.equal(valueOf('Pilgrims arrived as Easter week began.', '2025-04-18', 'easter week'), '2025-W16');
  assert.equal(valueOf('The strike began on Labor Day 2023.', DCT, 'labor day 2023'), '2023-09-04');
});

test('a month named from the publish date, alone or with "last year"/"this year"', () => {
  // Published 2025-10-15.
  assert.equal(valueOf('The two leaders signed the pact last May.', DCT, 'last may'), '2025-05');
  assert.equal(valueOf('Ferries stopped running last September.', DCT, 'last september'), '2024-09');
  assert.equal(valueOf('The new line opens next January.', DCT, 'next january'), '2026-01');
  assert.deepEqual(found('The mine closed in June last year.'), [['june last year', '2024-06']]);
});

test('a weekday with a part of the day is dated to that day', () => {
  assert.deepEqual(found('Protesters gathered outside the court on Monday night.'), [['monday night', '2025-10-13']]);
});

test('a forecast quarter does not become the quarter a report compares with a year earlier', () => {
  const text = 'Orlen Insurance said third-quarter profit fell. It warned the storm will cut fourth-quarter earnings. Profit in the latest quarter was $9 million, against a year-earlier loss of $2 million.';
  assert.equal(valueOf(text, '2025-11-02', 'the latest quarter'), '2025-Q3');
  assert.equal(valueOf(text, '2025-11-02', 'year-earlier'), '2024-Q3');
});

test('recurring days and months, fiscal years, halves and seasons said from the publish date', () => {
  assert.deepEqual(found('A ferry leaves each Thursday.'), [['each thursday', 'XXXX-WXX-4']]);
  assert.deepEqual(found('Crowds march every July.'), [['every july', 'XXXX-07']]);
  assert.equal(valueOf('Sales in the current fiscal year should rise.', DCT, 'the current fiscal year'), '2025');
  assert.deepEqual(found('Costs will fall in the first half of 2026.'), [['the first half of 2026', '2026-H1']]);
  assert.equal(valueOf('The plant shut this past spring.', DCT, 'this past spring'), '2025-SP');
  assert.equal(valueOf('Growth will slow in the near term.', DCT, 'the near term'), 'FUTURE_REF');
  // Published on Wednesday 2025-10-15: the weekend just gone is in ISO week 41.
  assert.equal(valueOf('Talks continued over the weekend.', DCT, 'the weekend'), '2025-W41-WE');
});

test('"the week of" a date is that week; "will one day" is an unnamed future', () => {
  assert.deepEqual(found('The hearing is set for the week of March 9.', '2026-02-20'), [['the week of march 9', '2026-W11']]);
  assert.deepEqual(found('Fusion will one day power the grid.'), [['one day', 'FUTURE_REF']]);
});

test('names that hold a month, a season or noon are not time expressions', () => {
  assert.deepEqual(found('Thousands joined the March of the Silent Mothers.'), []);
  assert.deepEqual(found('The film festival opened with High Noon.'), []);
  assert.deepEqual(found('Marchers rallied in the spring of 2024.'), [['spring of 2024', '2024-SP']]);
});

test('a bare plural after "for", "within" or "in" is an unmeasured duration; "Friday evening" is a time of day', () => {
  assert.deepEqual(found('The talks could collapse within weeks, and the ferry has not run for years.'), [['weeks', 'PXW'], ['years', 'PXY']]);
  assert.deepEqual(found('The council met on Monday evening.'), [['monday evening', '2025-10-13TEV']]);
});
