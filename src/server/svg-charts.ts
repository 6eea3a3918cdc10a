/**
 * @module Small inline SVG charts drawn on the server: a coverage sparkline, the story timeline
 * (events on a time axis, and each outlet's articles as dots on its own row) and coverage by
 * outlet per day. Only presentation attributes and classes, no inline styles (the CSP forbids
 * them); every label is escaped by the html tag.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DayCount } from './story-read-model.js';
import { formatDay, formatMonth, formatWhen, timeOf } from './time-format.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const DAY = 86_400_000;
const round = (n: number): number => Math.round(n * 10) / 10;

/** Articles per day as bars, from the first to the last day (weeks when the span is long). */
export function sparkline(days: readonly DayCount[], options: { width?: number; height?: number } = {}): Html {
  const width = options.width ?? 120;
  const height = options.height ?? 24;
  const first = timeOf(days[0]?.day);
  const last = timeOf(days.at(-1)?.day);
  if (first === null || last === null) return html`<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true"></svg>`;
  const span = Math.round((last - first) / DAY) + 1;
  const binDays = span > 90 ? 7 : 1;
  const bins = Math.max(Math.ceil(span / binDays), 1);
  const counts = new Array<number>(bins).fill(0);
  for (const { day, count } of days) {
    const index = Math.floor(Math.round(((timeOf(day) ?? first) - first) / DAY) / binDays);
    counts[Math.min(index, bins - 1)] = (counts[Math.min(index, bins - 1)] ?? 0) + count;
  }
  const max = Math.max(...counts, 1);
  const slot = width / Math.max(bins, 8);
  const bar = Math.max(slot - 1, 1);
  const total = days.reduce((n, d) => n + d.count, 0);
  const bars = counts.map((count, index) => {
    if (count === 0) return '';
    const h = Math.max(round((count / max) * (height - 2)), 1.5);
    return `<rect x="${round(index * slot)}" y="${round(height - h)}" width="${round(bar)}" height="${h}"></rect>`;
  });
  const label = `${total} articles over ${span} day${span === 1 ? '' : 's'}`;
  return html`<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}"><title>${label}</title><line class="base" x1="0" x2="${width}" y1="${height - 0.5}" y2="${height - 0.5}"></line>${raw(bars.join(''))}</svg>`;
}

export interface TimelineEvent {
  id: number;
  number: number;
  title: string;
  start: string | null;
  end: string | null;
}

export interface TimelineArticle {
  id: number;
  title: string;
  source: string;
  when: string | null;
  copy: boolean;
  /** An undated original drawn at its earliest dated copy's publish date. */
  dateFromCopy?: boolean;
}

interface Tick {
  x: number;
  label: string;
}

const STEPS = [3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];

function ticksFor(from: number, to: number, x: (t: number) => number, minStep = 0): Tick[] {
  const step = STEPS.find((s) => s >= minStep && (to - from) / s <= 7) ?? 365 * DAY;
  if (step >= 30 * DAY) return calendarTicks(from, to, step, x);
  const ticks: Tick[] = [];
  const first = Math.ceil(from / step) * step;
  for (let t = first; t <= to; t += step) {
    const date = new Date(t);
    const label = step < DAY ? `${String(date.getUTCHours()).padStart(2, '0')}:00` : formatDay(date.toISOString().slice(0, 10), { year: false });
    ticks.push({ x: x(t), label });
  }
  return ticks;
}

/** Month or year ticks on the first of the month (every 1, 3 or 12 months, more for long spans), named "Mar 2025" or "2025". */
function calendarTicks(from: number, to: number, step: number, x: (t: number) => number): Tick[] {
  const start = new Date(from);
  const spanMonths = (to - from) / (30.44 * DAY);
  const every = step >= 365 * DAY ? Math.max(12, Math.ceil(spanMonths / 7 / 12) * 12) : step >= 91 * DAY ? 3 : 1;
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  month = Math.ceil(month / every) * every;
  const ticks: Tick[] = [];
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const t = Date.UTC(year, month, 1);
    if (t > to) break;
    const label = every >= 12 ? String(year) : formatMonth(t);
    ticks.push({ x: x(t), label });
    month += every;
  }
  return ticks;
}

const PALETTE_SIZE = 6;

/** Events on top, then one row per outlet with a dot per article at its publication time. */
export function storyTimeline(input: { events: TimelineEvent[]; articles: TimelineArticle[]; maxRows?: number }): Html {
  const maxRows = input.maxRows ?? 14;
  const times = [
    ...input.articles.map((a) => timeOf(a.when)),
    ...input.events.flatMap((e) => [timeOf(e.start), timeOf(e.end)]),
  ].filter((t): t is number => t !== null);
  if (times.length === 0) return html`<p class="muted">No dates to draw a timeline.</p>`;
  // Known to the day only (a date line, a date without a time): the axis counts days, an event's
  // bar covers its whole days and an article's dot sits in the middle of its day.
  const byDay = [...input.articles.map((a) => a.when), ...input.events.flatMap((e) => [e.start, e.end])].every((when) => when === null || isDayOnly(when));
  const dayShift = byDay ? DAY / 2 : 0;
  let from = Math.min(...times);
  let to = Math.max(...times) + (byDay ? DAY : 0);
  const pad = Math.max((to - from) * 0.04, byDay ? DAY / 4 : 6 * 3_600_000);
  from -= pad;
  to += pad;

  const bySource = new Map<string, TimelineArticle[]>();
  for (const article of input.articles) {
    const list = bySource.get(article.source) ?? [];
    list.push(article);
    bySource.set(article.source, list);
  }
  let rows = [...bySource].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  if (rows.length > maxRows) {
    const others = rows.slice(maxRows - 1).flatMap(([, list]) => list);
    const count = rows.length - maxRows + 1;
    rows = [...rows.slice(0, maxRows - 1), [`${count} other outlet${count === 1 ? '' : 's'}`, others]];
  }

  const left = 150;
  const width = 820;
  const right = 16;
  const eventsTop = 26;
  const eventRow = 18;
  const eventLanes = assignLanes(input.events);
  const lanes = Math.max(...eventLanes.values(), 0) + 1;
  const rowsTop = eventsTop + lanes * eventRow + 14;
  const rowHeight = 22;
  const height = rowsTop + rows.length * rowHeight + 8;
  const x = (t: number): number => round(left + ((t - from) / (to - from)) * (width - left - right));

  const ticks = ticksFor(from, to, x, byDay ? DAY : 0);
  // A tick label at the right edge ends at its line instead of running out of the chart.
  const anchorOf = (tickX: number): string => (tickX > width - right - 24 ? 'end' : 'middle');
  const grid = ticks.map((tick) => html`<line class="grid" x1="${tick.x}" x2="${tick.x}" y1="18" y2="${height - 4}"></line><text class="tick" x="${tick.x}" y="12" text-anchor="${anchorOf(tick.x)}">${tick.label}</text>`);

  const events = input.events.map((event) => {
    const start = timeOf(event.start);
    if (start === null) return '';
    const end = Math.max(timeOf(event.end) ?? start, start) + DAY;
    const y = eventsTop + (eventLanes.get(event.id) ?? 0) * eventRow;
    const x1 = x(start);
    const x2 = Math.max(x(Math.min(end, to)), x1 + 14);
    return html`<a href="#event-${event.id}"><title>${event.number}. ${event.title} (${formatDay(event.start)})</title><rect class="event-bar" x="${x1}" y="${y}" width="${round(x2 - x1)}" height="${eventRow - 4}" rx="3"></rect><text class="event-number" x="${x1 + 4}" y="${y + 11}">${event.number}</text></a>`;
  });

  const rowMarks = rows.map(([source, articles], index) => {
    const y = rowsTop + index * rowHeight + rowHeight / 2;
    const color = index < PALETTE_SIZE ? `c${index}` : 'c-other';
    const dots = dotsOf(articles, (t) => x(t + dayShift)).map((dot) => {
      const first = dot.articles[0]!;
      const label =
        dot.articles.length === 1
          ? `${first.source}: ${first.title} (${formatWhen(first.when)})${first.copy ? ', a copy' : ''}${first.dateFromCopy ? ', undated: drawn at its earliest copy’s date' : ''}`
          : `${first.source}: ${dot.articles.length} articles, ${formatWhen(first.when)} to ${formatWhen(dot.articles.at(-1)!.when)}: ${dot.articles
              .slice(0, DOT_TITLES)
              .map((a) => a.title)
              .join('; ')}${dot.articles.length > DOT_TITLES ? '; …' : ''}`;
      const copy = dot.articles.every((a) => a.copy);
      const fromCopy = dot.articles.every((a) => a.dateFromCopy);
      const r = dot.articles.length === 1 ? 4.5 : round(Math.min(4.5 + Math.sqrt(dot.articles.length - 1) * 1.2, 8.5));
      return html`<a href="/articles/${first.id}"><title>${label}</title><circle class="dot ${color}${copy ? ' copy' : ''}${fromCopy ? ' date-from-copy' : ''}" cx="${dot.x}" cy="${y}" r="${r}"></circle>${dot.articles.length > 1 ? html`<text class="dot-count" x="${dot.x}" y="${y + 3}" text-anchor="middle">${dot.articles.length}</text>` : ''}</a>`;
    });
    return html`<line class="row-rule" x1="${left}" x2="${width - right}" y1="${y}" y2="${y}"></line><text class="row-label" x="${left - 8}" y="${y + 4}" text-anchor="end"><title>${source}</title>${fitLabel(source, left - 12, 12)}</text>${dots}`;
  });

  return html`<svg class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="Timeline: ${input.events.length} events, ${input.articles.length} articles from ${bySource.size} outlets">${grid}<text class="row-label" x="${left - 8}" y="${eventsTop + 11}" text-anchor="end">Events</text>${events}${rowMarks}</svg>`;
}

/** A date without a time of day ("2025-03-06"), or midnight UTC exactly, as a date-only input is stored. */
const isDayOnly = (when: string): boolean => /^\d{4}-\d{2}-\d{2}(?:T00:00(?::00(?:\.000)?)?(?:Z|\+00:00)?)?$/.test(when);

/** Titles named in the tooltip of a dot that stands for several articles. */
const DOT_TITLES = 5;
/** Articles of one outlet closer than this on the axis (in SVG units) are drawn as one dot with a count. */
const DOT_MERGE = 7;

/**
 * One outlet's articles as dots: articles that would overlap on the axis share one dot, drawn
 * larger with their count, so that a 500-article story stays readable (and light to send).
 */
function dotsOf(articles: readonly TimelineArticle[], x: (t: number) => number): Array<{ x: number; articles: TimelineArticle[] }> {
  const placed = articles
    .map((article) => ({ article, t: timeOf(article.when) }))
    .filter((p): p is { article: TimelineArticle; t: number } => p.t !== null)
    .sort((a, b) => a.t - b.t);
  const dots: Array<{ x: number; articles: TimelineArticle[] }> = [];
  let current: { x0: number; xs: number; articles: TimelineArticle[] } | null = null;
  for (const { article, t } of placed) {
    const at = x(t);
    if (current && at - current.x0 < DOT_MERGE) {
      current.articles.push(article);
      current.xs += at;
      continue;
    }
    if (current) dots.push({ x: round(current.xs / current.articles.length), articles: current.articles });
    current = { x0: at, xs: at, articles: [article] };
  }
  if (current) dots.push({ x: round(current.xs / current.articles.length), articles: current.articles });
  return dots;
}

/** Greedy lanes so that overlapping events do not hide each other. */
function assignLanes(events: readonly TimelineEvent[]): Map<number, number> {
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  const sorted = [...events].sort((a, b) => (timeOf(a.start) ?? 0) - (timeOf(b.start) ?? 0));
  for (const event of sorted) {
    const start = timeOf(event.start) ?? 0;
    const end = (timeOf(event.end) ?? start) + DAY;
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = end;
    lanes.set(event.id, Math.min(lane, 3));
  }
  return lanes;
}

/**
 * A label cut to fit `width` user units at `fontSize`, by an estimate of each character's width in
 * a sans-serif face (the page's fonts are the reader's, so nothing can be measured here): a count
 * of characters lets "Norholm Dagsavis (English edition)" run out of the chart on the left.
 */
function fitLabel(text: string, width: number, fontSize: number): string {
  const em = (c: string): number => (/[iljtfr.,;:!'|() ]/.test(c) ? 0.33 : /[mwMW]/.test(c) ? 0.9 : /[A-Z]/.test(c) ? 0.7 : 0.58);
  const widths = [...text].map((c) => em(c) * fontSize);
  if (widths.reduce((sum, w) => sum + w, 0) <= width) return text;
  const room = width - fontSize; // the ellipsis
  let used = 0;
  let cut = 0;
  while (cut < widths.length && used + widths[cut]! <= room) used += widths[cut++]!;
  return `${[...text].slice(0, cut).join('').trimEnd()}…`;
}

/** Articles per day stacked by outlet (the six biggest outlets in colour, the rest in grey). */
export function coverageChart(articles: ReadonlyArray<{ source: string; when: string | null }>): Html {
  const outlets = new Map<string, number>();
  for (const a of articles) outlets.set(a.source, (outlets.get(a.source) ?? 0) + 1);
  const top = [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, PALETTE_SIZE).map(([s]) => s);
  const days = new Map<string, number[]>();
  for (const a of articles) {
    const day = a.when?.slice(0, 10);
    if (!day || timeOf(day) === null) continue;
    const stack = days.get(day) ?? new Array<number>(PALETTE_SIZE + 1).fill(0);
    const index = top.indexOf(a.source);
    stack[index === -1 ? PALETTE_SIZE : index]! += 1;
    days.set(day, stack);
  }
  if (days.size === 0) return html`<p class="muted">No dated articles.</p>`;
  const sortedDays = [...days.keys()].sort();
  const first = timeOf(sortedDays[0])!;
  const last = timeOf(sortedDays.at(-1))!;
  const span = Math.round((last - first) / DAY) + 1;
  const width = 820;
  const height = 120;
  const bottom = 20;
  const slot = (width - 40) / Math.max(span, 10);
  const max = Math.max(...[...days.values()].map((stack) => stack.reduce((a, b) => a + b, 0)));
  const scale = (height - bottom - 8) / max;
  const bars = sortedDays.map((day) => {
    const index = Math.round(((timeOf(day) ?? first) - first) / DAY);
    const stack = days.get(day)!;
    let y = height - bottom;
    const parts = stack.map((count, outlet) => {
      if (count === 0) return '';
      const h = round(count * scale);
      y -= h;
      return `<rect class="${outlet < PALETTE_SIZE ? `c${outlet}` : 'c-other'}" x="${round(30 + index * slot)}" y="${round(y)}" width="${round(Math.max(slot - 2, 1))}" height="${h}"></rect>`;
    });
    const total = stack.reduce((a, b) => a + b, 0);
    return html`<g><title>${formatDay(day)}: ${total} article${total === 1 ? '' : 's'}</title>${raw(parts.join(''))}</g>`;
  });
  const labelEvery = Math.max(Math.ceil(span / 8), 1);
  const labels = Array.from({ length: span }, (_, index) => index)
    .filter((index) => index % labelEvery === 0)
    .map((index) => html`<text class="tick" x="${round(30 + index * slot + slot / 2)}" y="${height - 5}" text-anchor="middle">${formatDay(new Date(first + index * DAY).toISOString().slice(0, 10), { year: false })}</text>`);
  const rest = outlets.size - top.length;
  const legend = [...top, ...(rest > 0 ? [`${rest} other outlet${rest === 1 ? '' : 's'}`] : [])].map(
    (source, index) => html`<li><span class="swatch ${index < PALETTE_SIZE ? `c${index}` : 'c-other'}"></span>${source}</li>`,
  );
  return html`<svg class="coverage" viewBox="0 0 ${width} ${height}" role="img" aria-label="Articles per day by outlet"><text class="tick" x="26" y="14" text-anchor="end">${max}</text><line class="grid" x1="30" x2="${width - 10}" y1="${height - bottom}" y2="${height - bottom}"></line>${bars}${labels}</svg><ul class="legend">${legend}</ul>`;
}
