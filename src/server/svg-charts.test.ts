import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyTimeline } from './svg-charts.js';

const event = { id: 1, number: 1, title: 'Ferry strike begins', start: '2025-05-01', end: '2025-05-20' };
const article = (id: number, source: string, when: string): { id: number; title: string; source: string; when: string; copy: boolean } => ({
  id,
  title: `Ferry report ${id}`,
  source,
  when,
  copy: false,
});

test('an outlet that files a burst of articles within the hour gets one dot with the count, not a smear', async () => {
  const burst = Array.from({ length: 12 }, (_, i) => article(i + 1, 'Harbour Times', `2025-05-02T09:${String(i * 4).padStart(2, '0')}:00Z`));
  const later = [article(20, 'Harbour Times', '2025-05-15T10:00:00Z'), article(21, 'Coastal Post', '2025-05-02T09:10:00Z')];
  const svg = String(await storyTimeline({ events: [event], articles: [...burst, ...later] }));
  assert.equal([...svg.matchAll(/<circle /g)].length, 3, 'the burst, the later Harbour Times article, the Coastal Post article');
  assert.match(svg, /<text class="dot-count"[^>]*>12<\/text>/);
  assert.match(svg, /<title>Harbour Times: 12 articles, 2 May 2025, 09:00 to 2 May 2025, 09:44: Ferry report 1; Ferry report 2; Ferry report 3; Ferry report 4; Ferry report 5; …<\/title>/);
  assert.match(svg, /<title>Harbour Times: Ferry report 20 \(15 May 2025, 10:00\)<\/title>/);
});

test('articles days apart keep a dot each, linked to their article', async () => {
  const spread = Array.from({ length: 5 }, (_, i) => article(i + 1, 'Harbour Times', `2025-05-${String(1 + i * 4).padStart(2, '0')}T12:00:00Z`));
  const svg = String(await storyTimeline({ events: [event], articles: spread }));
  assert.equal([...svg.matchAll(/<circle /g)].length, 5);
  assert.doesNotMatch(svg, /dot-count/);
  for (const a of spread) assert.match(svg, new RegExp(`<a href="/articles/${a.id}">`));
});

test('a story over months is marked in months, one over years in years, each tick named once', async () => {
  const ticksOf = async (dates: string[]): Promise<string[]> => {
    const svg = String(await storyTimeline({ events: [], articles: dates.map((d, i) => article(i + 1, 'Harbour Times', d)) }));
    return [...svg.matchAll(/<text class="tick"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]!);
  };
  const months = await ticksOf(['2025-02-20T08:00:00Z', '2025-04-10T08:00:00Z', '2025-06-20T08:00:00Z']);
  assert.deepEqual(months, ['Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025']);
  const years = await ticksOf(['2023-06-01T08:00:00Z', '2024-02-01T08:00:00Z', '2026-09-01T08:00:00Z']);
  assert.deepEqual(years, ['2024', '2025', '2026']);
});

test('a story known only to the day is marked in days, its event bar covering the day and the article inside it', async () => {
  const oneDay = { id: 1, number: 1, title: 'Talks announced', start: '2025-03-06', end: '2025-03-06' };
  const svg = String(await storyTimeline({ events: [oneDay], articles: [article(1, 'Harbour Times', '2025-03-06')] }));
  const ticks = [...svg.matchAll(/<text class="tick" x="([\d.]+)"[^>]*>([^<]+)<\/text>/g)].map((m) => [Number(m[1]), m[2]!] as const);
  assert.deepEqual(ticks.map(([, label]) => label), ['6 Mar', '7 Mar'], 'no hours where no hour is known');
  const bar = /<rect class="event-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg);
  const dot = /<circle [^>]*cx="([\d.]+)"/.exec(svg);
  const [x1, width, cx] = [Number(bar?.[1]), Number(bar?.[2]), Number(dot?.[1])];
  assert.equal(x1, ticks[0]![0], 'the bar starts at the start of its day');
  assert.equal(round(x1 + width), ticks[1]![0], 'and ends at the end of it, not cut by the chart edge');
  assert.ok(cx > x1 && cx < x1 + width, 'the article sits inside its day');
});

const round = (value: number): number => Math.round(value * 10) / 10;
