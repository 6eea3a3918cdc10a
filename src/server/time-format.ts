/** @module Dates as readers see them: "11 Mar 2025", spans "11–14 Mar 2025", times when known (UTC). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parsed values of the ISO strings seen lately: a big story page formats the same dates many times. */
const parsed = new Map<string, number | null>();
const PARSED_MAX = 20_000;

/** Whole seconds since the epoch, as the reader APIs give times; 0 when unknown. */
export const unixSeconds = (iso: string | null | undefined): number => {
  const time = timeOf(iso);
  return time === null ? 0 : Math.floor(time / 1000);
};

/** Milliseconds since the epoch of an ISO date or date-time, or null. */
export function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const known = parsed.get(iso);
  if (known !== undefined) return known;
  const value = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  const result = Number.isNaN(value) ? null : value;
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(iso, result);
  return result;
}

export function formatDay(iso: string | null | undefined, options: { year?: boolean } = {}): string {
  const time = timeOf(iso);
  if (time === null) return iso ?? 'undated';
  const date = new Date(time);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return options.year === false ? day : `${day} ${date.getUTCFullYear()}`;
}

/** "Mar 2025" for a time in that month (UTC). */
export function formatMonth(time: number): string {
  const date = new Date(time);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "11 Mar 2025, 14:05" when the value has a time, else the day. */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso || !/T\d{2}:\d{2}/.test(iso)) return formatDay(iso);
  const time = timeOf(iso);
  if (time === null) return iso;
  const date = new Date(time);
  return `${formatDay(iso)}, ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

export function formatSpan(start: string | null, end: string | null): string {
  if (!start && !end) return 'undated';
  if (!start || !end || start.slice(0, 10) === end.slice(0, 10)) return formatDay(start ?? end);
  const a = new Date(timeOf(start) ?? 0);
  const b = new Date(timeOf(end) ?? 0);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${formatDay(start)} – ${formatDay(end)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${formatDay(start, { year: false })} – ${formatDay(end)}`;
  return `${a.getUTCDate()}–${formatDay(end)}`;
}

/** How far `iso` is from `now` in words ("12 min", "3 h"), or null beyond a day. */
function distance(iso: string, now: Date): string | null {
  const time = timeOf(iso);
  if (time === null) return null;
  const minutes = Math.round(Math.abs(time - now.getTime()) / 60_000);
  if (minutes >= 24 * 60) return null;
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/** "just now", "12 min ago", "3 h ago", or the time when it was over a day ago. */
export function formatAgo(iso: string, now: Date): string {
  const words = distance(iso, now);
  if (words === null) return formatWhen(iso);
  return words === '0 min' ? 'just now' : `${words} ago`;
}

/** "in 12 min", "in 3 h", or the time when it is over a day away. */
export function formatUntil(iso: string, now: Date): string {
  const words = distance(iso, now);
  if (words === null) return formatWhen(iso);
  return words === '0 min' ? 'in a minute' : `in ${words}`;
}
