import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseTextHeader } from './text-source.js';

const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

test('a leading " date YYYY-MM-DD" line is the publish date and not article text', () => {
  const { text, hints } = parseTextHeader(fixture('harbour-wire.txt'));
  assert.equal(hints.published, '2026-04-14');
  assert.ok(text.startsWith('Port officials in Saltmere said'), text.slice(0, 40));
  assert.ok(!text.includes('date 2026'));
});

test('a Title/Date/Source/URL header block is metadata, and the text starts after the blank line', () => {
  const { text, hints } = parseTextHeader(fixture('council-header.txt'));
  assert.deepEqual(hints, {
    title: 'Council approves flood barrier budget',
    published: '2026-04-16',
    source: 'Valley Courier',
    url: 'https://valleycourier.example/2026/04/16/flood-barrier',
  });
  assert.ok(text.trim().startsWith('The regional council voted'));
  assert.ok(!text.includes('Title:'));
});

test('plain text without a header is kept whole', () => {
  const content = fixture('plain-note.txt');
  const { text, hints } = parseTextHeader(content);
  assert.deepEqual(hints, {});
  assert.equal(text, content);
});

test('a "Source:" line inside prose is not taken for a header', () => {
  const content = 'Source: a government official speaking on condition of anonymity\nsaid the plan was ready.\n';
  assert.deepEqual(parseTextHeader(content).hints, {});
});
