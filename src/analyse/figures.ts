/**
 * @module Figures: money with currency, percentages and counts with the noun they count.
 * Conventions: "several/a few thousand" = 3 x thousand, "dozens of" = 24, "hundreds of" = 200,
 * "thousands of" = 2000, "millions of" = 2,000,000; "approximately 30" keeps 30. Years (1800-2100
 * not followed by a plural noun), times, ordinals and numbers inside date mentions are skipped.
 */
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
const NUMBER_WORD = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|several|a few|a dozen|dozens|hundreds|thousands|millions|billions)';
const NUM = `(?:\\d+(?:[,.]\\d+)*|${NUMBER_WORD})`;
const SCALE_WORD = '(?:\\s*(?:hundred|thousand|million|billion|trillion)\\b|(?:bn|mn|tn|[kmbtKMBT])\\b)?';
const QUALIFIER = '(?:(?:about|around|approximately|roughly|nearly|almost|some|over|more than|less than|fewer than|up to|at least|at most|just over|just under)\\s+)?';
const UNIT_SKIP = new Set(['of', 'the', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'a', 'an', 'per', 'by', 'from', 'with', 'as', 'that', 'than', 'percent', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'will', 'would']);
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
    `\\b${QUALIFIER}(?<n2>${NUM})(?<s2>${SCALE_WORD})\\s*(?<cur2>euros?|dollars?|pounds?|yen|roubles?|rubles?|hryvnias?|yuan|francs|rupees)\\b`,
    // 1%, 12 percent, twelve per cent
    `\\b${QUALIFIER}(?<n3>${NUM})(?:\\s*%|\\s*(?:percent|per cent)\\b)`,
    // counts: 31 countries, several thousand troops, approximately 30 leaders, three days
    `\\b${QUALIFIER}(?<n4>${NUM})(?<s4>${SCALE_WORD})(?:\\s+of)?\\s+(?<u4>[a-z][a-z-]+)(?:\\s+(?<u5>[a-z][a-z-]+))?`,
  ].join('|') + ')',
  'gi',
);

function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().trim();
  if (/^\d/.test(s)) {
    // "3,200" is thousands; "3,5" (European decimal) only when it is not a thousands group.
    const cleaned = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
    const v = Number(cleaned);
    return Number.isFinite(v) ? v : null;
  }
  if (s === 'a few') return 3;
  if (s === 'a dozen') return 12;
  if (s === 'dozens') return 24;
  if (s === 'hundreds') return 200;
  if (s === 'thousands') return 2000;
  if (s === 'millions') return 2e6;
  if (s === 'billions') return 2e9;
  const parts = s.split('-');
  let v = 0;
  for (const p of parts) {
    const n = SMALL[p];
    if (n === undefined) return null;
    v += n;
  }
  return v;
}

function applyScale(v: number, scale: string | undefined): number {
  const s = (scale ?? '').trim().toLowerCase();
  if (!s) return v;
  const f = SCALE[s];
  return f ? v * f : v;
}

/** Finds figures; `skip` ranges (dates) are excluded. */
export function findFigures(text: string, skip: Array<{ start: number; end: number }>): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE_RE)) {
    const g = m.groups!;
    const start = m.index;
    let end = start + m[0].length;
    if (skip.some((r) => start < r.end && r.start < end)) {
      // Only the part before a date is a problem when it is the number itself.
      const numStart = start + m[0].search(/\d|[a-z]/i);
      if (skip.some((r) => numStart >= r.start && numStart < r.end)) continue;
    }
    if (g.cur1 !== undefined && g.n1 !== undefined) {
      const v = parseNumber(g.n1);
      if (v === null) continue;
      const code = CURRENCY_SYMBOL[g.cur1.trim()] ?? (CURRENCY_CODE.test(g.cur1.trim()) ? g.cur1.trim() : null);
      if (!code) continue;
      out.push({ text: text.slice(start, end), start, end, value: applyScale(v, g.s1), unit: code });
      continue;
    }
    if (g.n2 !== undefined && g.cur2 !== undefined) {
      const v = parseNumber(g.n2);
      if (v === null) continue;
      out.push({ text: m[0], start, end, value: applyScale(v, g.s2), unit: CURRENCY_WORD[g.cur2.toLowerCase()]! });
      continue;
    }
    if (g.n3 !== undefined) {
      const v = parseNumber(g.n3);
      if (v === null || g.n3.toLowerCase() === 'a' || g.n3.toLowerCase() === 'an') continue;
      out.push({ text: m[0], start, end, value: v, unit: 'percent' });
      continue;
    }
    if (g.n4 !== undefined && g.u4 !== undefined) {
      const raw = g.n4;
      let v = parseNumber(raw);
      if (v === null) continue;
      const lowerRaw = raw.toLowerCase();
      let unit = g.u4.toLowerCase();
      let unitEnd = start + m[0].lastIndexOf(g.u4) + g.u4.length;
      // "several thousand troops": a vague count before a scale word.
      const scale = (g.s4 ?? '').trim().toLowerCase();
      if (scale && !/^\d/.test(lowerRaw) && (lowerRaw === 'several' || lowerRaw === 'a few')) v = 3;
      if (scale && (scale.length <= 2) && !/^\d/.test(raw)) continue; // "two m..." is not "2m"
      v = applyScale(v, g.s4);
      if (/^\d{4}$/.test(raw) && Number(raw) >= 1800 && Number(raw) <= 2100 && !scale && !/s$/.test(unit)) continue; // a year
      if (MONTHS.test(unit) && /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(unit)) continue;
      if (/^(?:a|an|one)$/.test(lowerRaw) && !scale) continue; // "a meeting", "one of"
      if (/^(?:am|pm|a\.m|p\.m|o'clock|percent|per)$/.test(unit)) continue;
      // Prefer the noun when an adjective sits before it: "three new destroyers".
      if (g.u5 && !UNIT_SKIP.has(g.u5.toLowerCase()) && /s$/.test(g.u5) && !/s$/.test(unit) && !/ly$/.test(g.u5)) {
        unit = g.u5.toLowerCase();
        unitEnd = start + m[0].lastIndexOf(g.u5) + g.u5.length;
      } else if (UNIT_SKIP.has(unit)) continue;
      // A hyphenated measure ("two-hour") is not a count of hours.
      const before = text[start - 1];
      if (before && /[\d.,:/-]/.test(before)) continue;
      if (/^\d/.test(raw) && text[start + raw.length] === ':') continue;
      end = unitEnd;
      if (v === 0) continue;
      out.push({ text: text.slice(start, end), start, end, value: v, unit });
    }
  }
  // "€2 billion ($2.1 billion)" both stay; counts overlapping money are dropped.
  return out.filter((f, i) => !out.some((o, j) => j !== i && o.start <= f.start && o.end >= f.end && (o.end - o.start) > (f.end - f.start)));
}
