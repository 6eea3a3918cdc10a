/** @module Stories as terminal text: a list with coverage sparklines, and one story in full. */
import type { StorySummary } from '../store/store.js';
import type { StoryView } from '../views/story-view.js';
import { isOtherLanguage } from '../language/codes.js';
import { figureReading, readingKey } from '../views/figure-reading.js';

const SPARKS = '▁▂▃▄▅▆▇█';

/** A sparkline of counts per day between the first and the last day given. */
export function sparkline(days: string[], width = 14): string {
  const sorted = days.map((d) => d.slice(0, 10)).sort();
  if (sorted.length === 0) return '';
  const start = Date.parse(sorted[0] ?? '');
  const end = Date.parse(sorted[sorted.length - 1] ?? '');
  const span = Math.max(1, Math.round((end - start) / 86_400_000) + 1);
  const buckets = new Array<number>(Math.min(span, width)).fill(0);
  for (const day of sorted) {
    const offset = Math.round((Date.parse(day) - start) / 86_400_000);
    const bucket = Math.min(buckets.length - 1, Math.floor((offset * buckets.length) / span));
    buckets[bucket] = (buckets[bucket] ?? 0) + 1;
  }
  const max = Math.max(...buckets);
  return buckets.map((n) => (n === 0 ? ' ' : SPARKS[Math.min(SPARKS.length - 1, Math.ceil((n / max) * SPARKS.length) - 1)])).join('');
}

const span = (start: string | null, end: string | null): string =>
  !start ? 'undated' : !end || end.slice(0, 10) === start.slice(0, 10) ? start.slice(0, 10) : `${start.slice(0, 10)} → ${end.slice(0, 10)}`;

export function renderStoryList(stories: StorySummary[]): string {
  if (stories.length === 0) return 'No stories yet. Add articles with: storyline ingest <files or folders>';
  const lines = stories.map(
    (s) =>
      `${String(s.id).padStart(5)}  ${span(s.start, s.end).padEnd(23)}  ${String(s.articleCount).padStart(8)}  ${(s.outletCount > 0 ? String(s.outletCount) : '–').padStart(7)}  ${String(s.eventCount).padStart(6)}  ${s.title}`,
  );
  // The counts sit under their column names, right-aligned: "3 art  1 outlets" read as broken English.
  return [`   id  span                     articles  outlets  events  title`, ...lines].join('\n');
}

/** Where a quote or figure was read: the outlet where known, and the article number to open. */
const cite = (sources: Array<{ source: string | null; articleId: number }>): string => {
  const byOutlet = new Map<string, number[]>();
  for (const s of sources) byOutlet.set(s.source ?? '', [...(byOutlet.get(s.source ?? '') ?? []), s.articleId]);
  return [...byOutlet].map(([outlet, ids]) => `${outlet ? `${outlet} ` : ''}${[...new Set(ids)].sort((a, b) => a - b).map((id) => `#${id}`).join(' ')}`).join(', ');
};

export function renderStory(view: StoryView): string {
  const out: string[] = [];
  out.push(`${view.title}`, `${span(view.start, view.end)} · ${view.articleCount} article${view.articleCount === 1 ? '' : 's'} ${view.outletCount > 0 ? `from ${view.outletCount} outlet${view.outletCount === 1 ? '' : 's'}` : '(outlets not named in the inputs)'} · ${view.events.length} events`, '');
  for (const event of view.events) {
    out.push(`● ${span(event.start, event.end)}  ${event.title}  (event ${event.id})`);
    for (const article of event.articles) {
      const language = isOtherLanguage(article.language) ? ` [${article.language}]` : '';
      out.push(`    #${article.id} ${article.source ?? 'unknown outlet'}${language}${article.published ? `, ${article.published.slice(0, 10)}` : ''}: ${article.title}`);
      if (article.copies.length > 0) {
        out.push(`        also carried by ${article.copies.length} ${article.copies.length === 1 ? 'copy' : 'copies'}: ${article.copies.map((c) => `${c.source ?? 'unknown'} #${c.id}`).join(', ')}`);
      }
    }
  }
  if (view.quotes.length > 0) {
    out.push('', 'Who said what');
    const bySpeaker = new Map<string, typeof view.quotes>();
    for (const quote of view.quotes) {
      const key = quote.speaker ?? 'sources not named';
      bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), quote]);
    }
    for (const [speaker, quotes] of bySpeaker) {
      out.push(`  ${speaker}`);
      for (const q of quotes) {
        out.push(`    ${q.direct ? `“${q.text}”` : q.text}${q.attribution ? ` (said by ${q.attribution})` : ''}  [${cite(q.sources)}]`);
      }
    }
  }
  if (view.figures.length > 0) {
    out.push('', 'Figures');
    // One line per value as its wording allows it, as the story page has it: "17 metres" and "seventeen
    // metres" are one line with both wordings; a wire copy repeating a figure adds a source, not a line.
    const byFigure = new Map<string, StoryView['figures']>();
    for (const f of view.figures) {
      const key = `${readingKey(f)}\u0000${figureReading(f)}`;
      byFigure.set(key, [...(byFigure.get(key) ?? []), f]);
    }
    for (const group of byFigure.values()) {
      const [first] = group;
      if (!first) continue;
      const wordings = [...new Map(group.map((f) => [f.text.toLowerCase(), f.text])).values()];
      out.push(`  ${wordings.join(' / ')} = ${figureReading(first)}  [${cite(group)}]`);
    }
  }
  if (view.outlets.length > 0) {
    out.push('', 'Coverage by outlet');
    for (const o of view.outlets) out.push(`  ${o.source.padEnd(28)} ${'■'.repeat(Math.min(o.articles, 40))} ${o.articles}`);
  }
  return out.join('\n');
}
