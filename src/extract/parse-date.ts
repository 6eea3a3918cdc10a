/**
 * @module Dates as pages write them, to ISO: "2025-03-06T10:15:00+01:00" keeps its wall-clock time
 * and offset (never shifted to UTC, so the day stays the publisher's day); "March 6, 2025",
 * "6 mars 2025", "06.03.2025", "2025/03/06" become YYYY-MM-DD. Returns null for anything partial
 * or implausible.
 */

/**
 * Languages whose month names dates are read in. The names are ICU's (through `Intl`): long and
 * short, alone and beside a day (the genitive of Slavic, Baltic, Finnish and Greek dates: "30
 * августа", "30 sierpnia"), each also without its accents ("fevrier", "aout"). The short forms
 * pages write ("sept", "janv", "mär", "dez") are among them. A Node built without full ICU gives
 * English names for every locale: dates then read as in English, nothing fails.
 */
const DATE_LOCALES = [
  'en', 'en-GB', 'fr', 'de', 'de-AT', 'es', 'it', 'nl', 'pt', 'ca', 'ro', 'sv', 'da', 'nb', 'fi', 'et', 'lv', 'lt',
  'pl', 'cs', 'sk', 'sl', 'hr', 'hu', 'ru', 'uk', 'bg', 'el', 'tr', 'id',
];

/** Month names (lower case) to month numbers; a name two languages give to different months is left out. */
function monthNumbers(): Record<string, number> {
  const months = new Map<string, Set<number>>();
  const add = (written: string, month: number): void => {
    const name = written.toLowerCase().replace(/^(?:de |d['’])/, '').replace(/\.$/, '');
    if (name.length < 3 || !/^\p{L}+$/u.test(name)) return;
    for (const variant of new Set([name, name.normalize('NFD').replace(/\p{M}/gu, '')])) {
      const seen = months.get(variant) ?? new Set<number>();
      seen.add(month);
      months.set(variant, seen);
    }
  };
  for (const locale of DATE_LOCALES) {
    for (const month of ['long', 'short'] as const) {
      for (const options of [{ month }, { month, day: 'numeric' as const }]) {
        const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
        for (let m = 0; m < 12; m++) {
          const written = format.formatToParts(new Date(Date.UTC(2020, m, 15))).find((part) => part.type === 'month')?.value;
          if (written) add(written, m + 1);
        }
      }
    }
  }
  return Object.fromEntries([...months].filter(([, numbers]) => numbers.size === 1).map(([name, numbers]) => [name, [...numbers][0] as number]));
}

/**
 * The month table and the two patterns of dates in words, built on first use: asking ICU for
 * 1,440 month names takes ~75 ms, which a command that reads no page (listing stories) need not pay.
 */
interface MonthPatterns {
  months: Record<string, number>;
  /** "6 March 2025", "the 6th of March 2025", "6. März 2025", "6 de marzo de 2025", and with hyphens "06-Mar-2025". */
  dayMonthYear: RegExp;
  /** "March 6, 2025". */
  monthDayYear: RegExp;
}
let monthPatterns: MonthPatterns | null = null;

function wordDates(): MonthPatterns {
  if (monthPatterns) return monthPatterns;
  const months = monthNumbers();
  const names = Object.keys(months)
    .sort((a, b) => b.length - a.length)
    .join('|');
  return (monthPatterns = {
    months,
    dayMonthYear: new RegExp(`\\b(\\d{1,2})(?:(?:st|nd|rd|th|er|\\.)?\\s+(?:of\\s+|de\\s+)?(${names})\\.?,?\\s+(?:de\\s+)?|-(${names})\\.?-)(\\d{4})(?!\\d)`, 'iu'),
    monthDayYear: new RegExp(`(?<![\\p{L}\\d])(${names})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'),
  });
}

const FOUR_DIGITS = /\d{4}/;
const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?/;
const SLASHED_YMD = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
// Day and month in either order, one separator throughout; not a piece of a longer code
// ("978-1-12-2024").
const NUMERIC_DMY = /(?<![\d/.-]|\d[/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d|[/.-]\d)/;
// Chinese, Japanese and Korean: 2025年3月6日, 2025년 3월 6일.
const CJK_YMD = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

export interface DateParseOptions {
  /** Prefer day-first for ambiguous numeric dates like 03/06/2025 (default true; US pages say false). */
  dayFirst?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function day(y: number, m: number, d: number): string | null {
  return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Parse one date string; null when no full calendar day can be read from it. */
export function parseDate(value: string | null | undefined, options: DateParseOptions = {}): string | null {
  return findDate(value, options)?.date ?? null;
}

export interface FoundDate {
  /** ISO day, or day-time with the offset as written. */
  date: string;
  /** Where in the text the date starts (what precedes it is its label: "Updated", "Published"). */
  index: number;
}

/** The first full calendar day written in a string, and where it starts. */
export function findDate(value: string | null | undefined, options: DateParseOptions = {}): FoundDate | null {
  // Every form below writes its year in four digits: a string without four in a row holds no date.
  if (!value || !FOUR_DIGITS.test(value)) return null;
  const text = value.trim();
  const at = (date: string | null, match: RegExpMatchArray): FoundDate | null => (date ? { date, index: match.index ?? 0 } : null);

  const iso = text.match(ISO);
  if (iso) {
    const date = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) {
      if (iso[4] === undefined || Number(iso[4]) >= 24) return at(date, iso);
      const time = `${pad(Number(iso[4]))}:${iso[5]}:${iso[6] ?? '00'}`;
      const zone = iso[7] ? (iso[7] === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
      return at(`${date}T${time}${zone}`, iso);
    }
  }
  const compact = text.match(COMPACT);
  if (compact) {
    const found = at(day(Number(compact[1]), Number(compact[2]), Number(compact[3])), compact);
    if (found) return found;
  }
  const slashed = text.match(SLASHED_YMD);
  if (slashed) {
    const found = at(day(Number(slashed[1]), Number(slashed[2]), Number(slashed[3])), slashed);
    if (found) return found;
  }
  const cjk = text.match(CJK_YMD);
  if (cjk) {
    const found = at(day(Number(cjk[1]), Number(cjk[2]), Number(cjk[3])), cjk);
    if (found) return found;
  }
  const lower = text.toLowerCase();
  // Both word orders may occur in one string ("Published 3 May 2024 · Updated June 1, 2025"): the earlier one is the first date.
  const { months, dayMonthYear, monthDayYear } = wordDates();
  const mdy = lower.match(monthDayYear);
  const dmy = lower.match(dayMonthYear);
  const words = [
    mdy ? at(day(Number(mdy[3]), months[mdy[1] as string] ?? 0, Number(mdy[2])), mdy) : null,
    dmy ? at(day(Number(dmy[4]), months[(dmy[2] ?? dmy[3]) as string] ?? 0, Number(dmy[1])), dmy) : null,
  ].filter((f): f is FoundDate => f !== null);
  if (words.length) return words.reduce((a, b) => (b.index < a.index ? b : a));
  const numeric = text.match(NUMERIC_DMY);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[3]);
    const y = Number(numeric[4]);
    const dayFirst = options.dayFirst ?? true;
    const first = dayFirst ? day(y, b, a) : day(y, a, b);
    return at(first ?? (dayFirst ? day(y, a, b) : day(y, b, a)), numeric);
  }
  return null;
}

/** A date written in a URL path: /2025/03/06/, /2025-03-06-, /20250306/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m =
    path.match(/\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[-_])/) ??
    path.match(/[/_-](\d{4})-(\d{2})-(\d{2})(?:[/_.-]|$)/) ??
    path.match(/[/_-](\d{4})(\d{2})(\d{2})(?:[/_.-]|$)/);
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A day of the week as pages write it ("Friday", "Sat."): a pattern for RegExp with the `i` flag. */
export const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?';
/**
 * A date as bylines and headings write it, to find and cut it out of a line ("Sat, 20 Dec, 2025",
 * "Dec. 19, 2025", "17 December 2025", "2025-12-18", "04-ago-2021", "12/19/2025"): a pattern for
 * RegExp with the `iu` flags. Reading its value is parseDate's job.
 */
export const WRITTEN_DATE = `(?:${WEEKDAY},?\\s+)?(?:${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[-/.][\\p{L}\\d]{2,4}[-/.]\\d{2,4})`;
