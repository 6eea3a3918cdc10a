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
