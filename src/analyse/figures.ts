/**
 * @module Figures: money with currency, percentages and counts with the noun they count, each
 * with how exactly the text states it. "31 countries" is exact; "about 30 leaders" approximate
 * (within 15 %); "more than 2,400 claims" and "up to 110 km" are bounds; "several thousand troops",
 * "dozens of homes" and "tens of thousands of people" are vague, a range and never a made-up
 * number. The range a wording allows is what decides later whether two outlets agree. Years (a
 * four-digit 1800-2100 written without a separator), times, ordinals and numbers inside date
 * mentions are skipped.
 */
import { REPORTING_VERBS } from './entity-lexicon.js';
import type { Figure } from '../model/analysis.js';

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, several: 3, few: 3, dozen: 12,
};
const SCALE: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12, t: 1e12,
};
const CURRENCY_SYMBOL: Record<string, string> = { '€': 'EUR', '$': 'USD', 'US$': 'USD', '£': 'GBP', '¥': 'JPY', '₽': 'RUB', '₴': 'UAH', '₹': 'INR' };
const CURRENCY_CODE = /^(?:EUR|USD|GBP|JPY|CHF|RUB|UAH|CNY|INR|CAD|AUD)$/;
const CURRENCY_WORD: Record<string, string> = {
  euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', yen: 'JPY',
  rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', hryvnia: 'UAH', hryvnias: 'UAH', yuan: 'CNY',
  francs: 'CHF', rupees: 'INR',
};
const NUMBER_WORD = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|several|a few|a dozen|(?:tens|hundreds) of (?:thousands|millions)|dozens|hundreds|thousands|millions|billions)';
const NUM = `(?:\\d+(?:[,.]\\d+)*|${NUMBER_WORD})`;
const SCALE_WORD = '(?:\\s*(?:hundred|thousand|million|billion|trillion)\\b|(?:bn|mn|tn|[kmbtKMBT])\\b)?';
const UNIT_SKIP = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'a', 'an', 'per', 'by', 'from', 'with', 'as', 'that', 'than', 'percent', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'will', 'would',
  // "gate 3 did not close": an auxiliary or a modal is no unit.
  'did', 'does', 'do', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'not',
  // "three of its terminals", "four of them": a pronoun or determiner is no unit.
  'its', 'it', 'their', 'them', 'his', 'her', 'our', 'us', 'your', 'my', 'these', 'those', 'this', 'which', 'whom', 'whose', 'they', 'we']);
/** "voting 31 to 12 after a debate", "rose 2 while markets closed": a preposition or a conjunction ends the figure without a unit. */
const CLAUSE_WORDS = new Set(['after', 'before', 'since', 'until', 'during', 'despite', 'against', 'between', 'among', 'into', 'onto', 'through', 'across', 'within', 'without', 'while', 'when', 'where', 'if', 'but', 'because', 'so', 'yet', 'nor']);
/** Nouns that a small number in words makes an idiom with ("the two sides", "three ways", "a few things"). */
const IDIOM_NOUNS = new Set(['sides', 'side', 'ways', 'things', 'minds', 'hands', 'ends', 'words', 'fronts']);
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * Every figure starts at a currency sign, at "US$", or at a word boundary before a digit or one of
 * the letters that begin a currency code, qualifier or number word. Testing that once before the
 * alternation spares the scan from trying each pattern at positions that cannot start a figure.
 */
const FIGURE_START = '(?:\\b(?=[\\d€$£¥₽₴₹a-jlmnorstu])|(?=[€$£¥₽₴₹]|US\\$))';

const FIGURE_RE = new RegExp(
  FIGURE_START + '(?:' + [
    // €2 billion, $2.1bn, US$5m, EUR 2 billion
    `(?<cur1>US\\$|[€$£¥₽₴₹]|\\b(?:EUR|USD|GBP|JPY|CHF|RUB|UAH|CNY|INR|CAD|AUD)\\s?)(?<n1>\\d+(?:[,.]\\d+)*)(?<s1>${SCALE_WORD})`,
    // 3.5 billion euros, 40 million dollars
    `\\b(?<n2>${NUM})(?<s2>${SCALE_WORD})\\s*(?<cur2>euros?|dollars?|pounds?|yen|roubles?|rubles?|hryvnias?|yuan|francs|rupees)\\b`,
    // 1%, 12 percent, twelve per cent
    `\\b(?<n3>${NUM})(?:\\s*%|\\s*(?:percent|per cent)\\b)`,
    // counts: 31 countries, several thousand troops, approximately 30 leaders, three days
    `\\b(?<n4>${NUM})(?<s4>${SCALE_WORD})(?:\\s+of)?\\s+(?<u4>[a-z][a-z-]+)(?:\\s+(?<u5>[a-z][a-z-]+))?`,
  ].join('|') + ')',
  'gi',
);

/** A count given as a range, not a number: its least reading (the value shown in place of a number) and its range, per unit of any scale word after it ("several thousand"). */
const VAGUE: Record<string, { value: number; low: number; high: number }> = {
  several: { value: 3, low: 3, high: 9 },
  'a few': { value: 3, low: 2, high: 5 },
  dozens: { value: 24, low: 24, high: 99 },
  hundreds: { value: 200, low: 200, high: 999 },
  thousands: { value: 2e3, low: 2e3, high: 9_999 },
  millions: { value: 2e6, low: 2e6, high: 999e6 },
  billions: { value: 2e9, low: 2e9, high: 999e9 },
  'tens of thousands': { value: 2e4, low: 1e4, high: 99_999 },
  'hundreds of thousands': { value: 2e5, low: 1e5, high: 999_999 },
  'tens of millions': { value: 2e7, low: 1e7, high: 99_999_999 },
  'hundreds of millions': { value: 2e8, low: 1e8, high: 999_999_999 },
};

/** How far "about" reaches either side of the number it qualifies. */
const APPROXIMATE = 0.15;

/** Words before a number that say how exactly it is meant; a duration after "over" is a span ("over three days"), not a bound. */
const QUALIFIER_BEFORE = /\b(about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|well over|just over|over|more than|upwards of|at least|just under|under|less than|fewer than|up to|at most|as many as|as much as)\s+$/i;
const DURATION = /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centuries|century)$/;

type Reading = Pick<Figure, 'precision' | 'low' | 'high'>;

/** The range a qualifier allows around a value (or around a vague count's range). */
function qualify(qualifier: string | undefined, value: number, vague: Reading | null): Reading {
  const q = qualifier?.toLowerCase().replace(/\s+/g, ' ');
  // A bound on a vague count reaches its range ("more than several thousand"); on "a dozen", twelve.
  const low = vague?.precision === 'vague' ? vague.low : value;
  const high = vague?.precision === 'vague' ? vague.high : value;
  switch (q) {
    case undefined:
      return vague ?? { precision: 'exact', low: value, high: value };
    case 'nearly':
    case 'almost':
      return { precision: 'approximate', low: value * (1 - APPROXIMATE), high: value };
    case 'just over':
      return { precision: 'at-least', low: value, high: value * (1 + APPROXIMATE) };
    case 'over':
    case 'well over':
    case 'more than':
    case 'upwards of':
    case 'at least':
      return { precision: 'at-least', low, high: null };
    case 'just under':
      return { precision: 'at-most', low: value * (1 - APPROXIMATE), high: value };
    case 'under':
    case 'less than':
    case 'fewer than':
    case 'up to':
    case 'at most':
    case 'as many as':
    case 'as much as':
      return { precision: 'at-most', low: 0, high };
    default:
      return vague ?? { precision: 'approximate', low: value * (1 - APPROXIMATE), high: value * (1 + APPROXIMATE) };
  }
}

/** A number as written: digits or number words, with its vague range when it is one ("dozens"). */
function parseNumber(raw: string): { value: number; vague: Reading | null } | null {
  const s = raw.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/^\d/.test(s)) {
    // "3,200" is thousands; "3,5" (European decimal) only when it is not a thousands group.
    const cleaned = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
    const v = Number(cleaned);
    return Number.isFinite(v) ? { value: v, vague: null } : null;
  }
  const vague = VAGUE[s];
  if (vague) return { value: vague.value, vague: { precision: 'vague', low: vague.low, high: vague.high } };
  if (s === 'a dozen') return { value: 12, vague: { precision: 'approximate', low: 12 * (1 - APPROXIMATE), high: 12 * (1 + APPROXIMATE) } };
  const parts = s.split('-');
  let v = 0;
  for (const p of parts) {
    const n = SMALL[p];
    if (n === undefined) return null;
    v += n;
  }
  return { value: v, vague: null };
}

function scaleOf(scale: string | undefined): number {
  const s = (scale ?? '').trim().toLowerCase();
  return s ? SCALE[s] ?? 1 : 1;
}

/** 12 × 1.15 is 13.799999999999999 in binary; the range is an estimate, so 13.8. */
const tidy = (n: number): number => Number(n.toPrecision(12));
export { tidy as tidyNumber };

/** The range an English qualifier ("about", "more than", "up to"; none: exact) allows around a value. */
export function qualifiedRange(qualifier: string | undefined, value: number): Reading {
  return qualify(qualifier, value, null);
}

const scaled = (reading: Reading, by: number): Reading => ({ precision: reading.precision, low: reading.low * by, high: reading.high === null ? null : reading.high * by });

/** Finds figures; `skip` ranges (dates) are excluded. */
export function findFigures(text: string, skip: Array<{ start: number; end: number }>): Figure[] {
  const out: Figure[] = [];
  const push = (start: number, end: number, value: number, unit: string, vague: Reading | null): void => {
    const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
    const qualifier = before && !(before[1]!.toLowerCase() === 'over' && DURATION.test(unit)) ? before : null;
    const from = qualifier ? start - qualifier[0].length : start;
    const { precision, low, high } = qualify(qualifier?.[1], value, vague);
    out.push({ text: text.slice(from, end), start: from, end, value, unit, precision, low: tidy(low), high: high === null ? null : tidy(high) });
  };
  // exec rather than matchAll, so that a count whose unit turns out to be no unit ("three of the six
  // gates") can hand the words after its number back to the scan.
  const re = FIGURE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    let end = start + m[0].length;
    if (skip.some((r) => start < r.end && r.start < end)) {
      // Only the part before a date is a problem when it is the number itself.
      const numStart = start + m[0].search(/\d|[a-z]/i);
      if (skip.some((r) => numStart >= r.start && numStart < r.end)) continue;
    }
    if (g.cur1 !== undefined && g.n1 !== undefined) {
      const n = parseNumber(g.n1);
      if (n === null) continue;
      const code = CURRENCY_SYMBOL[g.cur1.trim()] ?? (CURRENCY_CODE.test(g.cur1.trim()) ? g.cur1.trim() : null);
      if (!code) continue;
      push(start, end, n.value * scaleOf(g.s1), code, null);
      continue;
    }
    if (g.n2 !== undefined && g.cur2 !== undefined) {
      const n = parseNumber(g.n2);
      if (n === null) continue;
      const by = scaleOf(g.s2);
      push(start, end, n.value * by, CURRENCY_WORD[g.cur2.toLowerCase()]!, n.vague && scaled(n.vague, by));
      continue;
    }
    if (g.n3 !== undefined) {
      const n = parseNumber(g.n3);
      if (n === null || g.n3.toLowerCase() === 'a' || g.n3.toLowerCase() === 'an') continue;
      push(start, end, n.value, 'percent', n.vague);
      continue;
    }
    if (g.n4 !== undefined && g.u4 !== undefined) {
      const raw = g.n4;
      const n = parseNumber(raw);
      if (n === null) continue;
      const lowerRaw = raw.toLowerCase();
      let unit = g.u4.toLowerCase();
      let unitEnd = start + m[0].lastIndexOf(g.u4) + g.u4.length;
      const scale = (g.s4 ?? '').trim().toLowerCase();
      if (scale && (scale.length <= 2) && !/^\d/.test(raw)) continue; // "two m..." is not "2m"
      const by = scaleOf(g.s4);
      const v = n.value * by;
      if (/^\d{4}$/.test(raw) && Number(raw) >= 1800 && Number(raw) <= 2100 && !scale) continue; // a year: "2023 records", "the 2024 elections"
      if (MONTHS.test(unit) && /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(unit)) continue;
      if (/^(?:a|an|one)$/.test(lowerRaw) && !scale) continue; // "a meeting", "one of"
      if (/^(?:am|pm|a\.m|p\.m|o'clock|percent|per)$/.test(unit)) continue;
      // "both sides", "two ways", "in two minds": a small number in words before such a noun is an idiom, not a figure.
      if (IDIOM_NOUNS.has(unit) && !/^\d/.test(raw)) continue;
      if (CLAUSE_WORDS.has(unit)) {
        re.lastIndex = start + raw.length;
        continue;
      }
      // Prefer the noun when an adjective sits before it: "three new destroyers".
      if (g.u5 && !UNIT_SKIP.has(g.u5.toLowerCase()) && /s$/.test(g.u5) && !/s$/.test(unit) && !/ly$/.test(g.u5)) {
        unit = g.u5.toLowerCase();
        unitEnd = start + m[0].lastIndexOf(g.u5) + g.u5.length;
      } else if (UNIT_SKIP.has(unit) || (/\sof\s/i.test(m[0]) && /^\p{Lu}/u.test(g.u4))) {
        // No unit ("three of the", "nine of Vessland's"): scan again after the number.
        re.lastIndex = start + raw.length;
        continue;
      }
      // "gate 3 failed", "Apollo 11 landed": a number naming the thing before it, then a verb.
      if (/^\d+$/.test(raw) && unit.endsWith('ed') && labelsNumber(text, start)) {
        re.lastIndex = start + raw.length;
        continue;
      }
      // A hyphenated measure ("two-hour") is not a count of hours.
      const before = text[start - 1];
      if (before && /[\d.,:/-]/.test(before)) continue;
      if (/^\d/.test(raw) && text[start + raw.length] === ':') continue;
      end = unitEnd;
      if (v === 0) continue;
      push(start, end, v, unit, n.vague && scaled(n.vague, by));
    }
  }
  // "€2 billion ($2.1 billion)" both stay; counts overlapping money are dropped.
  return out.filter((f, i) => !out.some((o, j) => j !== i && o.start <= f.start && o.end >= f.end && (o.end - o.start) > (f.end - f.start)));
}

/** Words that may stand right before a count ("the 3 injured", "about 30 killed"), not before a number that names a thing. */
const COUNT_OPENERS = new Set(['the', 'a', 'an', 'about', 'around', 'some', 'nearly', 'almost', 'roughly', 'approximately', 'over', 'under', 'than', 'of', 'to', 'with', 'by', 'for', 'from', 'at', 'in', 'on', 'and', 'or', 'but', 'only', 'just', 'least', 'most', 'all', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'another', 'were', 'was', 'are', 'is', 'had', 'have', 'has', 'up']);

/**
 * Whether the word right before the number at `start` names what the number numbers ("gate 3",
 * "Route 66", "Apollo 11"): a word of letters, no function word, no verb of saying ("said 2 died"),
 * no ending of a verb or a plural ("killed 3", "reports 3").
 */
function labelsNumber(text: string, start: number): boolean {
  const before = /(\p{L}+) $/u.exec(text.slice(Math.max(0, start - 40), start));
  if (!before) return false;
  const word = before[1]!.toLowerCase();
  return !COUNT_OPENERS.has(word) && !REPORTING_VERBS.has(word) && !/(?:ed|ing|ly|s)$/.test(word);
}
