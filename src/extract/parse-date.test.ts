import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateFromUrl, parseDate } from './parse-date.js';

test('ISO date-times keep the publisher wall clock and offset', () => {
  assert.equal(parseDate('2025-03-06T23:30:00-05:00'), '2025-03-06T23:30:00-05:00');
  assert.equal(parseDate('2025-03-06 08:05'), '2025-03-06T08:05:00');
  assert.equal(parseDate('2025-03-06T08:05:00.000+0100'), '2025-03-06T08:05:00+01:00');
  assert.equal(parseDate('2025-03-06'), '2025-03-06');
});

test('dates written out in words, in several languages and orders', () => {
  assert.equal(parseDate('Published March 6, 2025 at 9:12 am'), '2025-03-06');
  assert.equal(parseDate('Mar. 6th, 2025'), '2025-03-06');
  assert.equal(parseDate('6 March 2025'), '2025-03-06');
  assert.equal(parseDate('jeudi 6 mars 2025'), '2025-03-06');
  assert.equal(parseDate('6. März 2025'), '2025-03-06');
  assert.equal(parseDate('6 de marzo de 2025'), '2025-03-06');
});

test('dates in the languages of eastern and northern Europe, Turkey and Greece, genitive month names included', () => {
  assert.equal(parseDate('6 марта 2025 г., 14:05'), '2025-03-06');
  assert.equal(parseDate('Опубліковано 6 березня 2025'), '2025-03-06');
  assert.equal(parseDate('czwartek, 6 marca 2025'), '2025-03-06');
  assert.equal(parseDate('6. března 2025'), '2025-03-06');
  assert.equal(parseDate('6. maaliskuuta 2025'), '2025-03-06');
  assert.equal(parseDate('6 mars 2025 kl. 10.15'), '2025-03-06');
  assert.equal(parseDate('6 Mart 2025 Perşembe'), '2025-03-06');
  assert.equal(parseDate('6 Μαρτίου 2025'), '2025-03-06');
  assert.equal(parseDate('6 serpnia 2025'), null, 'not a month in any language read');
});

test('day, abbreviated month and year joined by hyphens, in English and other languages', () => {
  assert.equal(parseDate('Filed 17-Sep-2023 14:02'), '2023-09-17');
  assert.equal(parseDate('par la rédaction, 03-févr-2022'), '2022-02-03');
  assert.equal(parseDate('Publicado: 09-ago-2020 8:40:01'), '2020-08-09');
  // A hyphenated range of days is no date.
  assert.equal(parseDate('open 12-14 May'), null);
});

test('numeric dates with hyphens, "the 6th of March", and dates in Chinese, Japanese and Korean', () => {
  assert.equal(parseDate('Stand: 06-03-2025'), '2025-03-06');
  assert.equal(parseDate('03-06-2025', { dayFirst: false }), '2025-03-06');
  assert.equal(parseDate('on the 6th of March, 2025'), '2025-03-06');
  assert.equal(parseDate('发布时间：2025年3月6日 10:15'), '2025-03-06');
  assert.equal(parseDate('2025年03月06日'), '2025-03-06');
  assert.equal(parseDate('입력 2025년 3월 6일'), '2025-03-06');
  // Mixed separators and pieces of longer codes are no dates.
  assert.equal(parseDate('06-03/2025'), null);
  assert.equal(parseDate('ISBN 978-1-12-2024'), null);
});

test('a date run together with the next word (spans with no space between them) is still read', () => {
  assert.equal(parseDate('Nov 3, 2024Maria Okafor'), '2024-11-03');
  assert.equal(parseDate('3 November 2024Updated 5 November 2024'), '2024-11-03');
  assert.equal(parseDate('14/02/2023Read more'), '2023-02-14');
  // But a longer number is not a year.
  assert.equal(parseDate('Nov 3, 20245'), null);
});

test('numeric dates: year first, day first by default, impossible days rejected', () => {
  assert.equal(parseDate('2025/03/06'), '2025-03-06');
  assert.equal(parseDate('06.03.2025'), '2025-03-06');
  assert.equal(parseDate('03/25/2025'), '2025-03-25');
  assert.equal(parseDate('03/06/2025', { dayFirst: false }), '2025-03-06');
  assert.equal(parseDate('2025-02-30'), null);
  assert.equal(parseDate('9h ago'), null);
  assert.equal(parseDate(''), null);
});

test('dates in URL paths', () => {
  assert.equal(dateFromUrl('https://news.example/2025/03/06/macron-talks/'), '2025-03-06');
  assert.equal(dateFromUrl('https://news.example/world/macron-talks-2025-03-06.html'), '2025-03-06');
  assert.equal(dateFromUrl('https://news.example/a/20250306/talks'), '2025-03-06');
  assert.equal(dateFromUrl('https://news.example/post/2025/macron'), null);
});
