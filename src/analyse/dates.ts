/**
 * @module Time expressions resolved against the publish date and the dates the text mentions.
 *
 * A cheap regular expression finds candidate spans (months, weekdays, years, relative words,
 * holidays, durations); plain calendar spans are read directly and chrono-node parses the others
 * (it is slow on whole texts, so it only ever sees a candidate span); weekdays and relative
 * expressions are resolved here with the tense of their clause ("said on Thursday" -> the past
 * Thursday, "will meet on Tuesday" -> the coming Tuesday). Deictic expressions ("yesterday", "last
 * week") count from the publish date, anaphoric ones ("that day", "the following year") from the last
 * date the text mentioned. Values follow TimeML: 2025-03-11, 2025-03, 2025-W11, 2025, 2025-SU,
 * 2025-Q1, 2025-H1, 199 (1990s), PRESENT_REF/PAST_REF/FUTURE_REF, durations P3D/PT2H, sets (kind
 * 'set': P1W, XXXX-WXX-4).
 */
import type * as Chrono from 'chrono-node';

export type TimexKind = 'date' | 'time' | 'duration' | 'set';

export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  kind: TimexKind;
  value: string | null;
}

type ChronoModule = Pick<Chrono.Chrono, 'parse'>;

// Months, full or abbreviated; written as a trie ("Jan(?:uary|\\.)?") so the scan tries 12 branches, not 23.
const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|Jun(?:e|\\.)?|Jul(?:y|\\.)?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const NUMW = '(?:\\d+(?:\\.\\d+|\\s+1/2)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|several|a few|a couple of|many|some|(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|five|six|seven|eight|nine))';
const UNIT = '(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|century)';
const SEASON = '(?:spring|summer|autumn|fall|winter)';
const PART = '(?:morning|afternoon|evening|night)';

// Holidays whose date a rule gives: [name pattern, month-day in a year]. Easter is the Gregorian computus.
const HOLIDAY_NAMES = "Thanksgiving(?:\\s+Day)?|Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]?s\\s+(?:Day|Eve)|Election\\s+Day|Labou?r\\s+Day|Memorial\\s+Day|Independence\\s+Day|Fourth\\s+of\\s+July|Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?\\s+Day|Presidents['’]?\\s+Day|Veterans['’]?\\s+Day|Valentine['’]?s\\s+Day|Halloween|Good\\s+Friday|Easter(?:\\s+Sunday)?";

// Years said in words, as in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const SPELLED_YEAR = `(?:(?:nineteen|twenty)[- ](?:(?:${TENS})(?:[- ](?:${ONES}))?|${TEENS}|oh[- ](?:${ONES}))|two(?<=year\\stwo)\\s+thousand(?:\\s+and)?(?:\\s+(?:${ONES}|ten))?)`;

const PATTERNS: Array<[string, string]> = [
  // ISO and numeric dates
  ['iso', '\\b\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2})?)?\\b'],
  ['numeric', '\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b'],
  // A month named from the publish date: "last May", "next January", "this past April".
  ['relmonth', `\\b(?:last|next|this(?:\\s+(?:past|coming))?)\\s+${MONTH}(?!\\w|\\.?\\s+\\d)`],
  // Month day(, year), day month year, month year, month alone
  ['cal', `\\b(?:(?:early|mid|late)[- ])?${MONTH}(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+(?:\\d{4}|${SPELLED_YEAR}))?(?![\\w])`],
  ['cal', `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?(?![\\w])`],
  ['spelled', `\\b(?:the\\s+year\\s+)?${SPELLED_YEAR}\\b|\\bthe\\s+(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\\b`],
  // Weekdays with optional part of day and modifier
  ['weekday', `\\b(?:(?:last|next|this|on|early|late)\\s+)?${WEEKDAY}(?:\\s+${PART})?\\b`],
  // Times
  ['clock', '\\b\\d{1,2}(?::\\d{2})?\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)(?:\\s+(?:EST|EDT|GMT|UTC|CET|local time))?'],
  ['clock', '\\b\\d{1,2}:\\d{2}\\b'],
  ['clock', '\\b(?:noon|midday|midnight)\\b'],
  // A quarter or reporting period tied to a year: "the 1988 third quarter", "next year's first quarter",
  // "the year-ago quarter", "the 1989 period".
  // Halves of a year: "the first half of 1990", "the last half of 1989" (TimeML 1990-H1, 1989-H2).
  ['half', '\\bthe\\s+(?:first|second|last|latter)\\s+half\\s+of\\s+(?:1[89]|20)\\d\\d\\b'],
  ['yearquarter', `\\b(?:the\\s+)?(?:(?:1[89]|20)\\d\\d|(?:this|last|next)\\s+year['’]s|(?:comparable\\s+)?(?:year-ago|year-earlier|prior-year))\\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ])?(?:quarter|period)\\b`],
  // Anaphoric expressions, resolved against the last date the text mentioned: "that day", "later that
  // year", "the following week", "the next morning", "the day before" (but not "the day before yesterday").
  ['anaphor', `\\b(?:(?:earlier|later)\\s+(?:in\\s+)?)?(?:that|the\\s+(?:same|following|previous|prior|preceding))\\s+(?:day|week|weekend|month|year|${PART})(?![-\\w])|\\bthe\\s+next\\s+(?:day|${PART})\\b|\\bthe\\s+day\\s+(?:before|after)\\b(?!\\s+(?:yesterday|tomorrow))`],
  // Holidays, with an optional modifier or year: "last Thanksgiving", "Christmas Day 1998", "Election Day".
  ['holiday', `\\b(?:(?:last|next|this)\\s+)?(?:${HOLIDAY_NAMES})(?:\\s+week|,?\\s+(?:1[89]|20)\\d\\d)?\\b`],
  // last/next/this week, earlier this month, later this year, the past three years, the coming weeks
  ['relunit', `\\b(?:(?:earlier|later)\\s+)?(?:the\\s+)?(?:last|next|this(?:\\s+(?:past|coming)(?=\\s+${SEASON}))?|past|previous|coming|following|current|same|recent|upcoming|prior)\\s+(?:fiscal\\s+)?(?:${NUMW}\\s+)?(?:${UNIT}s?|${SEASON})\\b`],
  ['ago', `\\b(?:${NUMW}|a few|several)\\s+${UNIT}s?\\s+(?:ago|earlier|later|before|after)\\b`],
  // Seasons, quarters, decades, years
  ['season', `\\b(?:(?:early|late)\\s+)?${SEASON}(?:\\s+(?:of\\s+)?(?:\\d{4}|${SPELLED_YEAR}))?\\b`],
  ['quarter', '\\b(?:the\\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ]quarter(?:\\s+of\\s+\\d{4})?\\b|\\bQ[1-4](?:\\s+\\d{4})?\\b'],
  // "year-earlier results", "a year-ago loss": the comparison year (a quarter when one is being reported).
  ['yearago', '\\b(?:an?\\s+)?year-(?:earlier|ago)\\b'],
  ['decade', '\\b(?:the\\s+)?(?:(?:early|mid|late)[- ])?(?:\\d{2})?\\d0[\'’]?s\\b'],
  ['year', '\\b(?:fiscal\\s+)?(?:1[89]\\d\\d|20\\d\\d)(?![-\\d])\\b'],
  // Durations and sets
  ['duration', `\\b(?:(?:the\\s+)?(?:past|last|next|first|coming|previous)\\s+)?${NUMW}[- ](?:${UNIT}s?|years?-old)\\b`],
  ['duration', `\\b(?:several|many|few|the)\\s+${UNIT}s\\b`],
  // A bare plural after "for", "within" or "in" measures an unstated amount: "within weeks", "for years".
  ['bareunits', '(?<=\\b(?:for|within|in)\\s)(?:days|weeks|months|years)\\b'],
  ['set', `\\b(?:every|each|per)\\s+(?:${UNIT}|${WEEKDAY}|${PART}|${MONTH}(?!\\w))\\b|\\b(?:daily|weekly|monthly|annually|yearly|hourly)\\b`],
  // Anaphoric periods of business reporting: "the quarter", "the year-earlier period", "the weekend".
  ['period', '\\bthe\\s+(?:(?:latest|current|fiscal|full|same|year-earlier|year-ago|prior-year|comparable)\\s+)?(?:quarter|year|period|week|weekend|month)(?![-\\w])'],
  // Relative single words, after the longer patterns that may start with them ("the past three years",
  // "earlier this month": the first alternative that matches at a position wins).
  ['rel', `\\b(?:today|tonight|last night|year[- ]end|year['’]s end|yesterday|tomorrow|now|currently|current|recent|recently|nowadays|(?:this|yesterday|tomorrow)\\s+${PART}|the day before yesterday|the day after tomorrow|these days|the (?:near|short|long) term(?!-)|the time(?<=\\bat\\sthe time)(?!\\s+(?:of|when|that)\\b)|the past|the future|the moment|earlier|lately|former(?:ly)?)\\b`],
];

// Every pattern starts with a word character at a word boundary: testing that once before the
// alternation lets the scan skip positions inside and at the end of words without trying each pattern.
// Each pattern is one capturing group (unnamed: a named-groups object per match costs more than the
// scan); GROUP_KIND maps the group number to the pattern's kind. The scan runs on the lowercased
// text with lowercased patterns: a case-insensitive expression of this size is markedly slower.
// (Texts whose length lowercasing changes, which would shift the offsets, use the 'i' flag.)
const lowerPattern = (re: string): string => re.replace(/\\.|[A-Z]/g, (c) => (c.length === 2 ? c : c.toLowerCase()));
const CANDIDATE_RE = new RegExp(`\\b(?=\\w)(?:${PATTERNS.map(([, re]) => `(${lowerPattern(re)})`).join('|')})`, 'g');
const CANDIDATE_RE_ANY_CASE = new RegExp(CANDIDATE_RE.source, 'gi');
const GROUP_KIND: string[] = [];
for (const [name, re] of PATTERNS) {
  GROUP_KIND.push(name);
  // Capturing groups inside the pattern itself take numbers too.
  const inner = (new RegExp(`${re}|`).exec('')?.length ?? 1) - 1;
  for (let k = 0; k < inner; k++) GROUP_KIND.push('');
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** The year in "nineteen ninety-six", "nineteen oh five", "two thousand and one" (null when none). */
function spelledYear(lower: string): number | null {
  const thousand = /two\s+thousand(?:\s+and)?(?:\s+(\w+))?$/.exec(lower);
  if (thousand) return 2000 + (thousand[1] ? NUMBER_WORDS[thousand[1]] ?? 0 : 0);
  const m = /(nineteen|twenty)[- ](\w+)(?:[- ](\w+))?$/.exec(lower);
  if (!m) return null;
  return NUMBER_WORDS[m[1]!]! * 100 + (m[2] === 'oh' ? 0 : NUMBER_WORDS[m[2]!] ?? 0) + (m[3] ? NUMBER_WORDS[m[3]] ?? 0 : 0);
}
const UNIT_CODE: Record<string, string> = {
  second: 'TS', minute: 'TM', hour: 'TH', day: 'D', week: 'W', weekend: 'WE', fortnight: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE',
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86400000);

/** ISO week (YYYY-Www) of a date. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

/** The n-th (1-based; -1 = last) given weekday (0 = Sunday) of a month (0-based) of a year. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n < 0) {
    const last = new Date(Date.UTC(year, month + 1, 0, 12));
    return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
  }
  const first = new Date(Date.UTC(year, month, 1, 12));
  return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
}

/** Easter Sunday of a year (the anonymous Gregorian algorithm). */
function easterSunday(y: number): Date {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return new Date(Date.UTC(y, month - 1, ((h + l - 7 * m + 114) % 31) + 1, 12));
}

const fixedDay = (month: number, day: number) => (y: number): Date => new Date(Date.UTC(y, month - 1, day, 12));
// US holidays first (the news this reads is mostly American): Election Day is the Tuesday after the first Monday of November.
const HOLIDAYS: Array<[RegExp, (year: number) => Date]> = [
  [/^thanksgiving/, (y) => nthWeekday(y, 10, 4, 4)],
  [/^christmas eve/, fixedDay(12, 24)],
  [/^christmas/, fixedDay(12, 25)],
  [/^new year.s eve/, fixedDay(12, 31)],
  [/^new year/, fixedDay(1, 1)],
  [/^election/, (y) => addDays(nthWeekday(y, 10, 1, 1), 1)],
  [/^labou?r/, (y) => nthWeekday(y, 8, 1, 1)],
  [/^memorial/, (y) => nthWeekday(y, 4, 1, -1)],
  [/^independence|^fourth of july/, fixedDay(7, 4)],
  [/^martin luther/, (y) => nthWeekday(y, 0, 1, 3)],
  [/^presidents/, (y) => nthWeekday(y, 1, 1, 3)],
  [/^veterans/, fixedDay(11, 11)],
  [/^valentine/, fixedDay(2, 14)],
  [/^halloween/, fixedDay(10, 31)],
  [/^good friday/, (y) => addDays(easterSunday(y), -2)],
  [/^easter/, easterSunday],
];

type Tense = 'past' | 'future' | 'present';
// Markers of the future (modal and scheduling words, passives like "to be completed") and of the
// past (regular -ed forms and the common irregular past forms). The future alternatives are tried first
// and the longest of them first, so "set to" and "will be held" are future and "set on" is not.
const FUTURE_MARKERS = "(?:will|would|'ll|’ll)\\s+(?:not\\s+)?be\\s+\\w+|to\\s+be\\s+\\w+ed|will|shall|'ll|’ll|would|going to|is to|are to|plans? to|planned|scheduled|expected|expects?|anticipates?|due|set to|supposed to|likely to|about to|poised to|planning to|preparing to|upcoming|next|intends? to|aims? to|hopes? to|to be held|until|might|as soon as|as early as|payable|effective";
const PAST_MARKERS = 'said|says|was|were|had|did|been|ago|last|told|\\w+ed|began|brought|bought|came|went|took|made|met|held|rose|fell|won|lost|gave|got|sent|spent|built|paid|thought|found|kept|led|ran|struck|broke|spoke|wrote|chose|became|shot|fought|sold|saw|knew|grew|drew|threw|flew|stood|sat|felt|heard|meant|caught|sought|fled|drove|forgot|set';
const TENSE_RE = new RegExp(`\\b(?=\\w)(?:(${FUTURE_MARKERS})|(?:${PAST_MARKERS}))\\b`, 'gi');

const ADJECTIVE_SLOT_RE = /\b(?:a|an|the|its|his|her|their|our|this|that|these|those)\s+(?:\w+ly\s+|still\s+|newly\s+)?$/i;

// A sentence ends at . ! ? or a line break, but not after an abbreviation ("9 a.m. Tuesday", "U.S.", "Mr.").
const SENTENCE_END_RE = /(?<!\b(?:[A-Za-z]|[a-z]\.[a-z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Inc|Corp|Co|Ltd|Jr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs))[.!?]["”’']*\s+|\n/g;

/** Start of the sentence holding `pos`, looking back at most `within` characters. */
function sentenceStart(text: string, pos: number, within: number): number {
  const from = Math.max(0, pos - within);
  let start = from;
  for (const m of text.slice(from, pos).matchAll(SENTENCE_END_RE)) start = from + m.index + m[0].length;
  return start;
}

/** Tense of the clause around [start, end): the nearest marker on the left in the sentence, else the first on the right. */
function tenseAt(text: string, start: number, end: number): Tense {
  const left = text.slice(sentenceStart(text, start, 100), start);
  let nearest: Tense | null = null;
  for (const m of left.matchAll(TENSE_RE)) {
    // An -ed word after a determiner is an adjective ("a still unspecified date", "the revised plan").
    if (m[1] === undefined && /ed$/i.test(m[0]) && ADJECTIVE_SLOT_RE.test(left.slice(Math.max(0, m.index - 20), m.index))) continue;
    const before = left.slice(Math.max(0, m.index - 12), m.index);
    // A participle after "is"/"are" is a present passive ("when the case is heard in May"), not a past.
    if (m[1] !== undefined) nearest = 'future';
    else nearest = /\b(?:is|are)\s+$/i.test(before) ? 'present' : 'past';
  }
  if (nearest) return nearest;
  const stop = text.slice(end, end + 80).search(/[.\n]/);
  const right = text.slice(end, stop < 0 ? end + 80 : end + stop);
  TENSE_RE.lastIndex = 0;
  const first = TENSE_RE.exec(right);
  TENSE_RE.lastIndex = 0;
  if (!first) return 'present';
  return first[1] !== undefined ? 'future' : 'past';
}

function numberValue(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+of$/, '');
  const half = /^(\d+)\s+1\/2$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d/.test(s)) return Number(s);
  if (s === 'a couple') return 2;
  if (s === 'several' || s === 'a few' || s === 'many' || s === 'some') return null;
  if (s.includes('-')) { const [a, b] = s.split('-'); return (NUMBER_WORDS[a!] ?? 0) + (NUMBER_WORDS[b!] ?? 0); }
  return NUMBER_WORDS[s] ?? null;
}

function durationValue(n: number | null, unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/-old$/, '').replace(/s$/, '');
  const code = UNIT_CODE[u] ?? 'D';
  const count = n === null ? 'X' : String(n);
  if (code === 'DE') return `P${n === null ? 'X' : n * 10}Y`;
  if (code === 'CE') return `P${n === null ? 'X' : n * 100}Y`;
  // A half unit is written in the next smaller one: 5 1/2 hours = PT5H30M, 2 1/2 years = P2Y6M.
  const smaller: Record<string, [string, number]> = { TH: ['M', 60], Y: ['M', 12], D: ['T', 24], TM: ['S', 60] };
  if (n !== null && !Number.isInteger(n) && smaller[code]) {
    const [sub, per] = smaller[code]!;
    const whole = Math.floor(n);
    const rest = Math.round((n - whole) * per);
    if (code === 'D') return `P${whole}DT${rest}H`;
    return code.startsWith('T') ? `PT${whole}${code[1]}${rest}${sub}` : `P${whole}${code}${rest}${sub}`;
  }
  if (code.startsWith('T')) return `PT${count}${code[1]}`;
  return `P${count}${code}`;
}

const SEASON_CODE: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

/** Value of a unit relative to the anchor shifted by `shift` units ("next week" = +1). */
function unitValue(anchor: Date, unit: string, shift: number): string | null {
  const u = unit.toLowerCase().replace(/s$/, '');
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth();
  switch (u) {
    case 'day': return isoDay(addDays(anchor, shift));
    case 'week': return isoWeek(addDays(anchor, 7 * shift));
    case 'weekend': return `${isoWeek(addDays(anchor, 7 * shift))}-WE`;
    case 'month': { const d = new Date(Date.UTC(y, m + shift, 1)); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`; }
    case 'quarter': { const q = Math.floor(m / 3) + shift; const yy = y + Math.floor(q / 4); return `${yy}-Q${((q % 4) + 4) % 4 + 1}`; }
    case 'year': return String(y + shift);
    case 'decade': return String(Math.floor((y + 10 * shift) / 10));
    case 'century': return String(Math.floor((y + 100 * shift) / 100));
    default: return null;
  }
}

export interface DateContext { chrono: ChronoModule }

/** Calendar fields of a span: the year (0 when uncertain), month 1-12, day and hour when written. */
interface CalendarParts { hasYear: boolean; year: number; month: number; day: number | null; hour: number | null; minute: number }

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY_YEAR_RE = /^(?:(?:early|mid|late)[- ])?([a-z]{3})([a-z]*\.?)(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?$/;
const DAY_MONTH_YEAR_RE = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*\.?(?:,?\s+(\d{4}))?$/;

/** Month, day and year of a plain calendar span (lowercased), read from its words; null for any other shape. */
function plainCalendar(lower: string): CalendarParts | null {
  const md = MONTH_DAY_YEAR_RE.exec(lower);
  const dm = md ? null : DAY_MONTH_YEAR_RE.exec(lower);
  const [name, day, year] = md ? [md[1]!, md[3], md[4]] : dm ? [dm[2]!, dm[1], dm[3]] : [];
  const month = name ? MONTH_KEYS.indexOf(name) + 1 : 0;
  // A bare "Jan" or "Sept" (no period, day or year) is left to chrono, which mostly reads it as a name.
  if (md && md[2]!.length <= 1 && md[2] !== '.' && day === undefined && year === undefined && name !== 'may') return null;
  const d = day === undefined ? null : Number(day);
  if (month === 0 || (d !== null && (d < 1 || d > 31))) return null;
  return { hasYear: year !== undefined, year: year === undefined ? 0 : Number(year), month, day: d, hour: null, minute: 0 };
}

/** The same fields as chrono-node reads them (ISO and numeric dates, unusual calendar spans). */
function chronoParts(ctx: DateContext, s: string, anchor: Date | null): CalendarParts | null {
  const r = ctx.chrono.parse(s, anchor ?? new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r) return null;
  const c = r.start;
  return {
    hasYear: c.isCertain('year'), year: c.get('year') ?? 0, month: c.get('month') ?? 1,
    day: c.isCertain('day') ? c.get('day') ?? 1 : null, hour: c.isCertain('hour') ? c.get('hour') ?? 0 : null, minute: c.get('minute') ?? 0,
  };
}

/** Finds time expressions of all kinds (dates, times, durations, sets) with TimeML values. */
export function findTimeExpressions(text: string, published: string | null, ctx: DateContext): TimeExpression[] {
  const anchor = published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : null;
  const validAnchor = anchor && !Number.isNaN(anchor.getTime()) ? anchor : null;
  const out: TimeExpression[] = [];
  const lowered = text.toLowerCase();
  const scan = lowered.length === text.length ? lowered.matchAll(CANDIDATE_RE) : text.matchAll(CANDIDATE_RE_ANY_CASE);
  for (const m of scan) {
    let g = 1;
    while (m[g] === undefined || GROUP_KIND[g - 1] === '') g++;
    const kind = GROUP_KIND[g - 1]!;
    const start = m.index;
    const end = start + m[0].length;
    const t = resolve(kind, text.slice(start, end), start, end, text, validAnchor, ctx);
    if (t) out.push(t);
  }
  return referenceChain(reportingQuarters(mergeAdjacent(out, text, validAnchor), text, validAnchor), text, validAnchor);
}

/**
 * Earnings reports compare quarters: "the quarter" is the quarter last named (else the last one
 * completed), and "a year earlier" beside a quarter is that quarter one year back (TimeML practice).
 */
function reportingQuarters(found: TimeExpression[], text: string, anchor: Date | null): TimeExpression[] {
  if (!anchor) return found;
  const currentQ = Math.floor(anchor.getUTCMonth() / 3) + 1;
  const completed = currentQ === 1 ? `${anchor.getUTCFullYear() - 1}-Q4` : `${anchor.getUTCFullYear()}-Q${currentQ - 1}`;
  let last: string | null = null;
  for (const t of found) {
    const lower = t.text.toLowerCase();
    const tied = /^(\d{4})-Q([\dX])$/.exec(t.value ?? '');
    if (tied && /\d{4}|year/.test(lower)) {
      // A quarter tied to a year ("the 1988 third quarter", "the year-ago quarter") is a comparison:
      // it takes the reported quarter's number (and year, for "year-ago") but does not replace it.
      const [ly, lq] = last ? last.split('-Q') : [null, null];
      const year = /year-(?:ago|earlier)|prior-year/.test(lower) && ly ? Number(ly) - 1 : Number(tied[1]);
      const q = tied[2] === 'X' ? lq ?? 'X' : tied[2];
      t.value = `${year}-Q${q}`;
      continue;
    }
    if (last && /^(?:the\s+)?(?:latest\s+)?period$/.test(lower)) { t.value = last; continue; }
    const named = /^(\d{4})-Q(\d)$/.exec(t.value ?? '');
    if (named && /quarter|\bq[1-4]\b/.test(lower) && !/\d{4}/.test(lower)) {
      // "the fourth quarter" written in February, in the past tense, is last year's.
      const q = Number(named[2]);
      if (q > currentQ && tenseAt(text, t.start, t.end) !== 'future') t.value = `${Number(named[1]) - 1}-Q${q}`;
    }
    if (/^\d{4}-Q\d$/.test(t.value ?? '') && !/year-(?:earlier|ago)|prior-year|same/.test(lower)) {
      if (/^(?:the\s+)?(?:latest\s+|fiscal\s+)?quarter$/.test(lower)) t.value = last ?? completed;
      // A quarter not yet over ("expects fourth-quarter losses") is a forecast, not the quarter reported on.
      else if (t.value! <= completed || tenseAt(text, t.start, t.end) !== 'future') last = t.value;
      continue;
    }
    if (!last) continue;
    // Only for "last year" and a bare "year-earlier": is a quarter named in the sentence?
    if (/^an?\s+year\s+(?:ago|earlier)$/.test(lower) || (/year-(?:earlier|ago)|prior-year/.test(lower) && /quarter|period/.test(lower))
      || (/^(?:last|the\s+previous)\s+year$|^year-(?:earlier|ago)$/.test(lower) && /quarter/i.test(text.slice(sentenceStart(text, t.start, 300), t.end)))) {
      const [y, q] = last.split('-Q');
      t.value = `${Number(y) - 1}-Q${q}`;
    }
  }
  return found;
}

function resolve(kind: string, raw: string, start: number, end: number, text: string, anchor: Date | null, ctx: DateContext): TimeExpression | null {
  let s = raw;
  let st = start;
  // Leading "on"/"this" are not part of the expression in TimeML ("on Tuesday" -> "Tuesday").
  // So is the article of "a year-earlier loss".
  const lead = (kind === 'yearago' ? /^(?:an?)\s+/i : /^(?:on)\s+/i).exec(s);
  if (lead) { s = s.slice(lead[0].length); st += lead[0].length; }
  const lower = s.toLowerCase();
  const mk = (k: TimexKind, value: string | null): TimeExpression => ({ text: text.slice(st, end), start: st, end, kind: k, value });
  switch (kind) {
    case 'iso': case 'numeric': case 'cal': {
      if (kind === 'cal' && /^(?:may|march)$/i.test(s.trim()) && !/^[A-Z]/.test(s)) return null;
      // "the March of the Combatant Mothers": a name, not the month.
      if (kind === 'cal' && text.startsWith(' of ', end) && PROPER_OF_RE.test(text.slice(end, end + 12)) && /^[A-Za-z.]+$/.test(s)) return null;
      if (kind === 'cal' && /^May$/.test(s.trim())) {
        // "May" alone is mostly the verb; keep it only after "in"/"of"/"early"/"since" or before a year.
        const before = text.slice(Math.max(0, st - 8), st).toLowerCase();
        if (!/\b(?:in|of|since|until|by|early|late|mid|from|through)\s+$/.test(before)) return null;
      }
      const said = kind === 'cal' ? spelledYear(lower) : null;
      if (said !== null) {
        const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(lower.replace(/^(?:early|mid|late)[- ]/, '').slice(0, 3));
        return mk('date', `${said}-${pad(month + 1)}`);
      }
      // A plain "Oct. 23, 1989" / "23 March" / "June 1998" is read directly; anything else goes to chrono.
      const c = (kind === 'cal' ? plainCalendar(lower) : null) ?? chronoParts(ctx, s, anchor);
      if (!c) return null;
      if (!anchor && !c.hasYear) return mk('date', null);
      let year = c.year;
      const month = c.month;
      if (!c.hasYear && anchor) {
        // Month (day) without a year: the nearest occurrence in the direction of the tense.
        const tense = tenseAt(text, st, end);
        const pm = anchor.getUTCMonth() + 1;
        year = anchor.getUTCFullYear();
        if (tense === 'past' && month > pm + 1) year--;
        else if (tense === 'future' && month < pm - 1) year++;
        // No tense to go by: the occurrence within six months of the anchor ("April", written in December).
        else if (tense === 'present' && month - pm > 6) year--;
        else if (tense === 'present' && pm - month > 6) year++;
      }
      if (c.day !== null) {
        const v = `${year}-${pad(month)}-${pad(c.day)}`;
        if (c.hour !== null) return mk('time', `${v}T${pad(c.hour)}:${pad(c.minute)}`);
        return mk('date', v);
      }
      const prefix = /^(early|mid|late)/i.exec(s);
      const v = `${year}-${pad(month)}`;
      return mk('date', v + (prefix ? '' : ''));
    }
    case 'weekday': {
      const wd = WEEKDAYS.findIndex((w) => lower.includes(w));
      if (!anchor) return mk('date', null);
      const cur = anchor.getUTCDay();
      let diff: number;
      if (/^last\b/.test(lower)) diff = -(((cur - wd + 7) % 7) || 7);
      else if (/^next\b/.test(lower)) diff = ((wd - cur + 7) % 7) || 7;
      else {
        const tense = tenseAt(text, st, end);
        diff = tense === 'future' ? ((wd - cur + 7) % 7) : -((cur - wd + 7) % 7);
      }
      // "Friday night", "Tuesday morning": dated to the day (TimeML annotators mostly leave those parts
      // out); "Friday evening" is the one they mark as a time of day (TEV).
      if (/\sevening$/.test(lower)) return mk('time', `${isoDay(addDays(anchor, diff))}TEV`);
      return mk('date', isoDay(addDays(anchor, diff)));
    }
    case 'clock': {
      if (/^(?:noon|midday|midnight)$/.test(lower) && /\bhigh\s+$/i.test(text.slice(Math.max(0, st - 5), st))) return null;
      if (/^(?:noon|midday|midnight)$/.test(lower)) return mk('time', anchor ? `${isoDay(anchor)}T${lower === 'midnight' ? '24:00' : '12:00'}` : null);
      const mm = /(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)?/i.exec(s)!;
      let h = Number(mm[1]);
      if (/^p/i.test(mm[3] ?? '') && h < 12) h += 12;
      if (/^a/i.test(mm[3] ?? '') && h === 12) h = 0;
      if (h > 24 || Number(mm[2] ?? 0) > 59) return null;
      if (!mm[3] && !/(?:at|by|until|from|before|after)\s+$/i.test(text.slice(Math.max(0, st - 8), st))) return null;
      return mk('time', anchor ? `${isoDay(anchor)}T${pad(h)}:${mm[2] ?? '00'}` : null);
    }
    case 'rel': {
      const base = lower.replace(/^the\s+/, '');
      const day = (n: number): string | null => (anchor ? isoDay(addDays(anchor, n)) : null);
      if (/^(?:today|this (?:morning|afternoon|evening)|the moment)$/.test(base)) return mk(base === 'today' ? 'date' : 'time', base === 'today' || base === 'the moment' ? day(0) : (anchor ? `${day(0)}T${({ morning: 'MO', afternoon: 'AF', evening: 'EV' } as Record<string, string>)[base.split(' ')[1]!]}` : null));
      if (base === 'tonight') return mk('time', anchor ? `${day(0)}TNI` : null);
      if (base === 'last night') return mk('time', anchor ? `${day(-1)}TNI` : null);
      if (/^year(?:[- ]|['’]s\s+)end$/.test(base)) return mk('date', anchor ? String(anchor.getUTCFullYear()) : null);
      if (base === 'yesterday' || base === 'day before') return mk('date', day(-1));
      if (base.startsWith('yesterday ')) return mk('time', anchor ? `${day(-1)}T${({ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' } as Record<string, string>)[base.split(' ')[1]!]}` : null);
      if (base === 'tomorrow') return mk('date', day(1));
      if (base.startsWith('tomorrow ')) return mk('time', anchor ? `${day(1)}T${({ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' } as Record<string, string>)[base.split(' ')[1]!]}` : null);
      if (base === 'day before yesterday') return mk('date', day(-2));
      if (base === 'day after tomorrow') return mk('date', day(2));
      if (base === 'previous day' || base === 'day before') return mk('date', day(-1));
      if (base === 'next day' || base === 'following day') return mk('date', day(1));
      if (base === 'same day' || base === 'that day') return mk('date', day(0));
      if (/^(?:now|currently|current|nowadays|the moment|these days)$/.test(base)) return mk('date', 'PRESENT_REF');
      // TimeML: "in the near term" lies ahead, "at the time" (of the events told) behind.
      if (/^(?:near|short|long) term$/.test(base)) return mk('date', 'FUTURE_REF');
      if (base === 'time') return mk('date', 'PAST_REF');
      if (base === 'recent') return mk('date', 'PAST_REF');
      if (base === 'soon') return mk('date', 'FUTURE_REF');
      if (/^(?:recently|lately|earlier|formerly|former|past)$/.test(base)) {
        if (base === 'former' || base === 'earlier') return null;
        return mk('date', 'PAST_REF');
      }
      if (base === 'future') return mk('date', 'FUTURE_REF');
      return null;
    }
    case 'relmonth': {
      if (!anchor) return mk('date', null);
      const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(/(\w+)$/.exec(lower)![1]!.slice(0, 3)) + 1;
      const cur = anchor.getUTCMonth() + 1;
      let year = anchor.getUTCFullYear();
      // "last February" said in March is a year back (the month just gone would be "last month").
      if (/^(?:last|this\s+past)\b/.test(lower) && month >= cur - 1) year--;
      else if (/^(?:next|this\s+coming)\b/.test(lower) && month <= cur + 1) year++;
      return mk('date', `${year}-${pad(month)}`);
    }
    case 'holiday': {
      const rule = HOLIDAYS.find(([re]) => re.test(lower.replace(/^(?:last|next|this)\s+/, '').replace(/\s+/g, ' ')))?.[1];
      if (!rule) return null;
      // "Easter week": the ISO week of the holiday.
      const asValue = (d: Date): string => (/week$/.test(lower) ? isoWeek(d) : isoDay(d));
      const written = /(\d{4})$/.exec(lower)?.[1];
      if (written) return mk('date', asValue(rule(Number(written))));
      if (!anchor) return mk('date', null);
      // Without a year: "last"/"next", else the tense, picks the occurrence before or after the anchor.
      const y = anchor.getUTCFullYear();
      const thisYear = rule(y);
      const before = thisYear.getTime() <= anchor.getTime() ? thisYear : rule(y - 1);
      const after = thisYear.getTime() >= anchor.getTime() ? thisYear : rule(y + 1);
      const mod = /^(last|next|this)\s/.exec(lower)?.[1];
      const tense = mod ? null : tenseAt(text, st, end);
      let day: Date;
      // The holiday of the week the text is written in is meant whatever the tense.
      if (mod === 'this' || Math.abs(thisYear.getTime() - anchor.getTime()) <= 7 * 86400000) day = thisYear;
      else if (mod === 'last' || tense === 'past') day = before;
      else if (mod === 'next' || tense === 'future') day = after;
      else day = anchor.getTime() - before.getTime() <= after.getTime() - anchor.getTime() ? before : after;
      return mk('date', asValue(day));
    }
    case 'anaphor': {
      // The value comes from the last date mentioned before it (referenceChain); here only what to do with it.
      const unit = /\b(weekend|week|month|year|morning|afternoon|evening|night|day)\b/.exec(lower)![1]!;
      const shift = /\b(?:following|next|after)\b/.test(lower) ? 1 : /\b(?:previous|prior|preceding|before)\b/.test(lower) ? -1 : 0;
      // "the next morning", like "Friday night", is dated to the day.
      const found: Found = { ...mk('date', null), anaphor: { unit: /^(?:morning|afternoon|evening|night)$/.test(unit) ? 'day' : unit, shift, beside: /^the\s+day\s+(?:before|after)$/.test(lower) } };
      return found;
    }
    case 'relunit': {
      const mm = /(last|next|this|past|previous|coming|following|current|same|recent|upcoming|prior)\s+(?:fiscal\s+)?(?:(\S+(?:\s+of)?)\s+)?(\w+)$/.exec(lower);
      if (!mm) return null;
      const [, mod, num, unitRaw] = mm;
      const unit = unitRaw!;
      const pastOrComing = /^this\s+(past|coming)\s/.exec(lower)?.[1];
      if (pastOrComing && SEASON_CODE[unit]) {
        // "this past spring": the last one begun before the anchor's month; "this coming summer": the next.
        if (!anchor) return mk('date', null);
        const starts = { SP: 3, SU: 6, FA: 9, WI: 12 }[SEASON_CODE[unit]!]!;
        const month = anchor.getUTCMonth() + 1;
        const year = anchor.getUTCFullYear() + (pastOrComing === 'past' ? (starts < month ? 0 : -1) : (starts > month ? 0 : 1));
        return mk('date', `${year}-${SEASON_CODE[unit]}`);
      }
      // "recent years", "the coming months": an unmeasured stretch before or after now.
      if (num === undefined && /s$/.test(unit) && /^(?:recent|past)$/.test(mod!)) return mk('date', 'PAST_REF');
      if (num === undefined && /s$/.test(unit) && /^(?:coming|upcoming)$/.test(mod!)) return mk('date', 'FUTURE_REF');
      if (num !== undefined || /s$/.test(unit) && !/^(?:this|same)$/.test(mod!)) {
        // "the past three years", "the coming weeks": durations.
        const n = num !== undefined ? numberValue(num) : null;
        return mk('duration', durationValue(n, unit));
      }
      if (SEASON_CODE[unit]) {
        if (!anchor) return mk('date', null);
        const shift = mod === 'last' || mod === 'past' || mod === 'previous' ? -1 : mod === 'next' || mod === 'coming' ? 1 : 0;
        return mk('date', `${anchor.getUTCFullYear() + shift}-${SEASON_CODE[unit]}`);
      }
      if (!anchor) return mk('date', null);
      const shift = /^(?:last|past|previous|prior|recent)$/.test(mod!) ? -1 : /^(?:next|coming|following|upcoming)$/.test(mod!) ? 1 : 0;
      return mk('date', unitValue(anchor, unit, shift));
    }
    case 'ago': {
      const mm = /^(\S+(?:\s+few|\s+couple\s+of|\s+1\/2)?)\s+(\w+?)s?\s+(ago|earlier|later|before|after)$/.exec(lower);
      if (!mm) return null;
      const n = numberValue(mm[1]!);
      const unit = mm[2]!;
      if (n === null && /^(?:later|after|before)$/.test(mm[3]!)) return mk('duration', durationValue(null, unit));
      if (!anchor || n === null) return mk('date', mm[3] === 'ago' ? 'PAST_REF' : null);
      // "three days later", "90 days after", "30 days before": TimeML marks the amount of time (a duration).
      if (/^(?:later|after|before)$/.test(mm[3]!)) return mk('duration', durationValue(n, unit));
      const sign = mm[3] === 'ago' || mm[3] === 'earlier' ? -1 : 1;
      if (unit === 'day') return mk('date', isoDay(addDays(anchor, sign * n)));
      if (unit === 'week') return mk('date', isoWeek(addDays(anchor, sign * 7 * n)));
      if (unit === 'month') return mk('date', unitValue(anchor, 'month', sign * n));
      if (unit === 'year') return mk('date', String(anchor.getUTCFullYear() + sign * n));
      if (unit === 'hour' || unit === 'minute') return mk('time', isoDay(anchor));
      return mk('date', null);
    }
    case 'season': {
      const mm = /(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}|\D+))?/.exec(lower)!;
      if (mm[2] && !/^\d/.test(mm[2])) mm[2] = String(spelledYear(mm[2]) ?? '');
      if (!mm[2] && text.startsWith(' of ', end) && PROPER_OF_RE.test(text.slice(end, end + 12))) return null;
      if (mm[1] === 'fall' && !mm[2] && !/\b(?:this|last|next|the|in|early|late)\s+$/i.test(text.slice(Math.max(0, st - 7), st))) return null;
      const year = mm[2] ? Number(mm[2]) : anchor?.getUTCFullYear();
      return mk('date', year === undefined ? null : `${year}-${SEASON_CODE[mm[1]!]}`);
    }
    case 'quarter': {
      const mm = /(first|second|third|fourth|1st|2nd|3rd|4th|final|last|q[1-4])/.exec(lower)!;
      const q = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4, q1: 1, q2: 2, q3: 3, q4: 4 }[mm[1]!] ?? 1;
      const year = /(\d{4})/.exec(lower)?.[1] ?? anchor?.getUTCFullYear();
      return mk('date', year === undefined ? null : `${year}-Q${q}`);
    }
    case 'half': return mk('date', `${/(\d{4})$/.exec(lower)![1]}-H${/first/.test(lower) ? 1 : 2}`);
    case 'yearquarter': {
      const y4 = /\b(\d{4})\b/.exec(lower)?.[1];
      const shift = /^(?:the\s+)?last\s+year|year-ago|year-earlier|prior-year/.test(lower) ? -1 : /^(?:the\s+)?next\s+year/.test(lower) ? 1 : 0;
      const year = y4 ? Number(y4) : anchor ? anchor.getUTCFullYear() + shift : null;
      const ord = /(first|second|third|fourth|1st|2nd|3rd|4th)/.exec(lower)?.[1];
      const q = ord ? ({ first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 } as Record<string, number>)[ord] : null;
      // Without an ordinal the quarter is the one the report is about (filled in by reportingQuarters).
      return mk('date', year === null ? null : `${year}-Q${q ?? 'X'}`);
    }
    case 'spelled': {
      const decade = /^the\s+(\w+)ies$/.exec(lower);
      if (decade) return mk('date', `19${(NUMBER_WORDS[`${decade[1]}y`] ?? 0) / 10}`);
      const year = spelledYear(lower);
      return mk('date', year === null ? null : String(year));
    }
    case 'yearago': return mk('date', anchor ? String(anchor.getUTCFullYear() - 1) : null);
    case 'decade': {
      const mm = /(\d{2})?(\d)0['’]?s/.exec(lower)!;
      const century = mm[1] ?? '19';
      return mk('date', `${century}${mm[2]}`);
    }
    case 'year': {
      const y = /(\d{4})/.exec(s)![1]!;
      // A number of things ("2000 troops") is not a year.
      // A verb after it ("1989 is", "2024 was") and "fiscal 1989 sales" keep the year.
      if (!/^fiscal/i.test(s) && /^\s+(?!(?:is|was|has|does|as|its|this|thus|plus)\b)[a-z]+s\b/.test(text.slice(end, end + 12)) && !/^\s+(?:elections?|games|olympics)/.test(text.slice(end, end + 12))) return null;
      if (/[$€£]\s*$/.test(text.slice(Math.max(0, st - 2), st))) return null;
      return mk('date', y);
    }
    case 'period': {
      const lower2 = lower.replace(/^the\s+/, '');
      const unit = /(quarter|year|week|weekend|month)$/.exec(lower2)?.[1];
      if (/period$/.test(lower2) || !unit) return mk('date', null);
      // "the year ended March 31": a fiscal year, the stretch of time rather than a calendar year.
      if (/^(?:fiscal\s+)?year$/.test(lower2) && /^\s+end(?:ed|ing)\b/.test(text.slice(end, end + 10))) return mk('duration', 'P1Y');
      if (!anchor) return mk('date', null);
      if (unit === 'weekend' && lower2 === 'weekend' && anchor.getUTCDay() % 6 !== 0) {
        // Written on a weekday, "over the weekend" in the past (or early in the week) is the one just gone.
        const tense = tenseAt(text, st, end);
        const gone = tense === 'past' || (tense === 'present' && anchor.getUTCDay() <= 2);
        return mk('date', unitValue(anchor, 'weekend', gone ? -1 : 0));
      }
      return mk('date', unitValue(anchor, unit, /year-earlier|year-ago|prior-year/.test(lower2) ? (unit === 'year' ? -1 : 0) : 0));
    }
    case 'duration': {
      // "30-year bonds", "6-year-old": digit-hyphen measures are adjectives, not time expressions.
      if (/^\d+-/.test(lower)) return null;
      // "Islam will one day be ...": an unnamed day ahead.
      if (lower === 'one day' && /\b(?:will|would|could|may|might|can|shall)\s+$/i.test(text.slice(Math.max(0, st - 8), st))) return mk('date', 'FUTURE_REF');
      const mm = /(\d+\s+1\/2|\S+(?:\s+few|\s+couple\s+of)?)[- ](\w+?)s?(?:-old)?$/.exec(lower.replace(/^(?:the\s+)?(?:past|last|next|first|coming|previous)\s+/, ''));
      if (!mm) return null;
      if (/^(?:a|an|the)$/.test(mm[1]!) && !/^(?:the\s+)?(?:past|last|next|first|coming|previous)/.test(lower)) {
        // "a week" and "the day" are usually not time expressions unless measured ("for a week").
        if (!/\b(?:for|in|within|over|about|than|nearly|almost)\s+$/i.test(text.slice(Math.max(0, st - 8), st))) return null;
      }
      if (mm[1] === 'the' || mm[1] === 'many' || mm[1] === 'few') return mk('duration', durationValue(null, mm[2]!));
      return mk('duration', durationValue(numberValue(mm[1]!), mm[2]!));
    }
    case 'bareunits':
      return mk('duration', durationValue(null, lower));
    case 'set': {
      const mm = /(daily|weekly|monthly|annually|yearly|quarterly|hourly)/.exec(lower);
      const map: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', hourly: 'PT1H' };
      if (mm) return mk('set', map[mm[1]!]!);
      const unit = lower.split(/\s+/)[1]!;
      // "each Thursday", "every July": TimeML writes the recurring day or month with X for the rest.
      const wd = WEEKDAYS.indexOf(unit);
      if (wd >= 0) return mk('set', `XXXX-WXX-${wd || 7}`);
      const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(unit.slice(0, 3));
      if (!UNIT_CODE[unit] && month >= 0) return mk('set', `XXXX-${pad(month + 1)}`);
      return mk('set', UNIT_CODE[unit] ? durationValue(1, unit) : 'P1W');
    }
    default:
      return null;
  }
}

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}/;
// A month or season followed by "of" and a capitalised word is part of a name ("Spring of Life").
const PROPER_OF_RE = /^\s+of\s+(?:the\s+)?[A-Z]/;

/** An expression whose value counts from the last date mentioned: its unit and shift. */
interface Anaphor {
  unit: string;
  shift: number;
  /** "the day before/after": counts from a date written right after it, or the date it stands beside. */
  beside: boolean;
}
type Found = TimeExpression & { anaphor?: Anaphor };

/** Thursday of an ISO week (the day that fixes the week's year). */
function weekThursday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  return addDays(jan4, 3 - ((jan4.getUTCDay() + 6) % 7) + 7 * (week - 1));
}

/**
 * The reference time moves through the text (as HeidelTime keeps it): anaphoric expressions ("that
 * day", "later that year", "the following week", "the next morning") count from the last date the
 * text mentioned at their granularity, the publish date until there is one. Deictic expressions
 * ("yesterday", "last week", "on Tuesday") were already resolved against the publish date.
 */
function referenceChain(found: Found[], text: string, anchor: Date | null): TimeExpression[] {
  let any = false;
  for (const f of found) if (f.anaphor) { any = true; break; }
  if (!any) return found;
  let day: Date | null = anchor;
  let week: Date | null = anchor;
  let month: Date | null = anchor;
  let year: number | null = anchor ? anchor.getUTCFullYear() : null;
  const remember = (value: string | null): void => {
    const w = /^(\d{4})-W(\d{2})/.exec(value ?? '');
    if (w) { week = weekThursday(Number(w[1]), Number(w[2])); year = Number(w[1]); return; }
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dX])/.exec(value ?? '');
    if (!m) return;
    year = Number(m[1]);
    if (m[2]) month = new Date(Date.UTC(year, Number(m[2]) - 1, 1, 12));
    if (m[3]) { day = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), 12)); week = day; }
  };
  const out: TimeExpression[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (!f.anaphor) { remember(f.value); out.push(f); continue; }
    const { anaphor, ...t } = f;
    {
      const next = found[i + 1];
      const prev = out[out.length - 1];
      if (anaphor.beside && next && !next.anaphor && DAY_VALUE.test(next.value ?? '') && /^\s*$/.test(text.slice(t.end, next.start))) {
        // "the day before last Tuesday's hearing": one expression, a day off the date it names.
        const d = new Date(`${next.value!.slice(0, 10)}T12:00:00Z`);
        t.value = isoDay(addDays(d, anaphor.shift));
        t.end = next.end;
        t.text = text.slice(t.start, t.end);
        i++;
      } else if (anaphor.beside && prev && DAY_VALUE.test(prev.value ?? '') && /^\s*,\s*$/.test(text.slice(prev.end, t.start))) {
        // "Oct. 12, the day before the crash": an apposition names the same day.
        t.value = prev.value!.slice(0, 10);
      } else if (anaphor.unit === 'day' && day) t.value = isoDay(addDays(day, anaphor.shift));
      else if (anaphor.unit === 'week' && week) t.value = isoWeek(addDays(week, 7 * anaphor.shift));
      else if (anaphor.unit === 'weekend' && week) t.value = `${isoWeek(addDays(week, 7 * anaphor.shift))}-WE`;
      else if (anaphor.unit === 'month' && month) t.value = unitValue(month, 'month', anaphor.shift);
      else if (anaphor.unit === 'year' && year !== null) t.value = String(year + anaphor.shift);
    }
    remember(t.value);
    out.push(t);
  }
  return out;
}

/**
 * Drops overlaps (keeping the longest) and joins neighbours that name one point: a clock time and
 * the day after it ("9 a.m. Tuesday", "5 p.m. EST, Nov. 9" -> that day at 09:00), and a weekday
 * with the calendar date after it ("Friday, Oct. 23" -> the calendar date, which carries the year).
 */
function mergeAdjacent(items: TimeExpression[], text: string, _anchor: Date | null): TimeExpression[] {
  items.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TimeExpression[] = [];
  for (const t of items) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) {
      if (t.end - t.start > last.end - last.start) out[out.length - 1] = t;
      continue;
    }
    // "the week of March 6": the ISO week of that day.
    if (last && /^the\s+week$/i.test(last.text) && /^\s+of\s+$/.test(text.slice(last.end, t.start)) && DAY_VALUE.test(t.value ?? '')) {
      out[out.length - 1] = { text: text.slice(last.start, t.end), start: last.start, end: t.end, kind: 'date', value: isoWeek(new Date(`${t.value!.slice(0, 10)}T12:00:00Z`)) };
      continue;
    }
    // "June last year", "January this year": the month in the year the relative expression names.
    if (last && /^\d{4}-\d{2}$/.test(last.value ?? '') && /^\d{4}$/.test(t.value ?? '') && /^(?:last|this|next)\s+year$/i.test(t.text)
      && !/\d{4}/.test(last.text) && /^\s+$/.test(text.slice(last.end, t.start))) {
      out[out.length - 1] = { text: text.slice(last.start, t.end), start: last.start, end: t.end, kind: 'date', value: `${t.value}${last.value!.slice(4)}` };
      continue;
    }
    if (last && /^\s*,?\s*(?:on\s+)?$/.test(text.slice(last.end, t.start)) && t.value && DAY_VALUE.test(t.value)) {
      const clock = /T(\d{2}:\d{2})$/.exec(last.value ?? '');
      const day = t.value.slice(0, 10);
      const joined = (value: string, kind: TimexKind): TimeExpression => ({ text: text.slice(last.start, t.end), start: last.start, end: t.end, kind, value });
      if (clock && last.kind === 'time') { out[out.length - 1] = joined(`${day}T${clock[1]}`, 'time'); continue; }
      if (/^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i.test(last.text) && /\d/.test(t.text)) {
        // Without a written year, the weekday picks it: the nearest year in which that date falls on that day.
        const wd = WEEKDAYS.findIndex((w) => last.text.toLowerCase().includes(w));
        const y = Number(day.slice(0, 4));
        const fits = /\d{4}/.test(t.text) ? y : [y, y - 1, y + 1].find((c) => new Date(`${c}${day.slice(4)}T12:00:00Z`).getUTCDay() === wd) ?? y;
        out[out.length - 1] = joined(`${fits}${t.value.slice(4)}`, t.kind);
        continue;
      }
    }
    out.push(t);
  }
  return out;
}
