/**
 * @module Figures in reports written in French, German, Spanish, Italian, Portuguese or Dutch: the
 * ones a reader compares across outlets whatever their language, percentages, amounts of money and
 * basis points ("7,5 Prozent", "40 millions d'euros", "50 puntos básicos", "€1,2 mil milhões"), with
 * the word before them that says how exactly ("rund", "plus de", "hasta") read as its English
 * counterpart, so that "rund 7,5 Prozent" and "about 7.5%" are the same figure. Counts of things
 * ("4200 Hafenarbeiter") are left out: their nouns would not meet the English ones.
 */
import { baseLanguage } from '../language/codes.js';
import type { Figure } from '../model/analysis.js';
import { qualifiedRange, tidyNumber } from './figures.js';

interface FigureWords {
  /** Words after a number that make it a percentage ("Prozent"; "%" is every language's). */
  percent: string[];
  basisPoints: string[];
  /** Scale words after a number, lower case ("millions", "mrd."), with their factor. */
  scale: Record<string, number>;
  /** Currency words after a number or its scale ("d'euros", "Euro"), lower case, with their code. */
  currency: Record<string, string>;
  /** Words before a number and the English qualifier they mean ("rund": "about"). */
  qualifiers: Record<string, string>;
}

/** Currency words every language here writes the same way (and the French "livres"). */
const CURRENCY_WORDS = { euro: 'EUR', euros: 'EUR', eur: 'EUR', dollar: 'USD', dollars: 'USD', usd: 'USD', livres: 'GBP', gbp: 'GBP' };

const WORDS: Record<string, FigureWords> = {
  fr: {
    percent: ['pour cent', 'pourcent'],
    basisPoints: ['points de base', 'point de base'],
    scale: { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9 },
    currency: { ...CURRENCY_WORDS, "d'euros": 'EUR', 'd’euros': 'EUR', 'de dollars': 'USD', 'de livres': 'GBP' },
    qualifiers: { environ: 'about', 'près de': 'nearly', quelque: 'about', 'plus de': 'more than', 'au moins': 'at least', "jusqu'à": 'up to', 'jusqu’à': 'up to', 'moins de': 'less than', presque: 'nearly' },
  },
  de: {
    percent: ['prozent'],
    basisPoints: ['basispunkte', 'basispunkten'],
    scale: { million: 1e6, millionen: 1e6, 'mio.': 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9, 'mrd.': 1e9, mrd: 1e9 },
    currency: { ...CURRENCY_WORDS, dollar: 'USD', pfund: 'GBP' },
    qualifiers: { rund: 'about', etwa: 'about', ungefähr: 'about', 'ca.': 'about', knapp: 'nearly', fast: 'nearly', 'mehr als': 'more than', 'über': 'over', mindestens: 'at least', 'bis zu': 'up to', 'weniger als': 'less than', 'unter': 'under' },
  },
  es: {
    percent: ['por ciento'],
    basisPoints: ['puntos básicos', 'punto básico'],
    scale: { millón: 1e6, millones: 1e6, 'mil millones': 1e9 },
    currency: { ...CURRENCY_WORDS, 'de euros': 'EUR', 'de dólares': 'USD', dólares: 'USD', 'de libras': 'GBP' },
    qualifiers: { unos: 'about', unas: 'about', 'cerca de': 'about', 'alrededor de': 'about', aproximadamente: 'about', casi: 'nearly', 'más de': 'more than', 'al menos': 'at least', hasta: 'up to', 'menos de': 'less than' },
  },
  it: {
    percent: ['per cento', 'percento'],
    basisPoints: ['punti base', 'punti basi'],
    scale: { milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9 },
    currency: { ...CURRENCY_WORDS, 'di euro': 'EUR', 'di dollari': 'USD', dollari: 'USD' },
    qualifiers: { circa: 'about', 'quasi': 'nearly', 'oltre': 'more than', 'più di': 'more than', almeno: 'at least', 'fino a': 'up to', 'meno di': 'less than' },
  },
  pt: {
    percent: ['por cento'],
    basisPoints: ['pontos base', 'pontos-base', 'pontos básicos'],
    scale: { milhão: 1e6, milhões: 1e6, 'mil milhões': 1e9, bilhão: 1e9, bilhões: 1e9 },
    currency: { ...CURRENCY_WORDS, 'de euros': 'EUR', 'de dólares': 'USD', dólares: 'USD' },
    qualifiers: { 'cerca de': 'about', aproximadamente: 'about', quase: 'nearly', 'mais de': 'more than', 'pelo menos': 'at least', 'até': 'up to', 'menos de': 'less than' },
  },
  nl: {
    percent: ['procent'],
    basisPoints: ['basispunten', 'basispunt'],
    scale: { miljoen: 1e6, miljard: 1e9, 'mln.': 1e6, mln: 1e6, 'mld.': 1e9, mld: 1e9 },
    currency: { ...CURRENCY_WORDS },
    qualifiers: { ongeveer: 'about', circa: 'about', bijna: 'nearly', 'meer dan': 'more than', minstens: 'at least', 'tot': 'up to', 'minder dan': 'less than' },
  },
};

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const alternatives = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/** A number as these languages write it: "4.200" or "4 200" thousands, "2,75" decimals. */
const NUMBER = String.raw`\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`;

const patterns = new Map<string, RegExp>();

function patternFor(language: string, words: FigureWords): RegExp {
  const known = patterns.get(language);
  if (known) return known;
  const space = String.raw`[\s\u00a0\u202f]*`;
  const re = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:(?<qual>${alternatives(Object.keys(words.qualifiers))})${space})?(?:(?<sym>[€$£])${space})?(?<num>${NUMBER})` +
      String.raw`(?:${space}(?<scale>${alternatives(Object.keys(words.scale))})(?![\p{L}]))?` +
      String.raw`(?:${space}(?<unit>%|${alternatives([...words.percent, ...words.basisPoints, ...Object.keys(words.currency)])})(?![\p{L}])|${space}(?<sym2>[€$£]))?`,
    'giu',
  );
  patterns.set(language, re);
  return re;
}

/** The value of a number as written: thousands groups dropped, a decimal comma read as a point. */
function numberValue(raw: string): number {
  const compact = raw.replace(/[\u00a0\u202f ]/gu, '');
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u.test(compact)) return Number(compact.replace(/\./gu, '').replace(',', '.'));
  return Number(compact.replace(',', '.'));
}

/** Percentages, amounts of money and basis points in a report in one of the languages listed above; none in another. */
export function findOtherLanguageFigures(text: string, language: string): Figure[] {
  const base = baseLanguage(language);
  const words = WORDS[base];
  if (words === undefined) return [];
  const re = patternFor(base, words);
  const out: Figure[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const g = m.groups!;
    const unitWord = g.unit?.toLowerCase();
    let unit: string | null = null;
    if (unitWord === '%' || (unitWord !== undefined && words.percent.includes(unitWord))) unit = 'percent';
    else if (unitWord !== undefined && words.basisPoints.includes(unitWord)) unit = 'basis points';
    else if (unitWord !== undefined) unit = words.currency[unitWord] ?? null;
    else if (g.sym !== undefined || g.sym2 !== undefined) unit = SYMBOLS[(g.sym ?? g.sym2)!]!;
    // A number with nothing to say what it counts (a year, a page) is no figure here.
    if (unit === null) continue;
    const value = numberValue(g.num!) * (g.scale ? words.scale[g.scale.toLowerCase()] ?? 1 : 1);
    if (!Number.isFinite(value)) continue;
    const qualifier = g.qual === undefined ? undefined : words.qualifiers[g.qual.toLowerCase()];
    const { precision, low, high } = qualifiedRange(qualifier, value);
    const matched = m[0].replace(/[\s\u00a0\u202f]+$/u, '');
    out.push({ text: matched, start: m.index, end: m.index + matched.length, value: tidyNumber(value), unit, precision, low: tidyNumber(low), high: high === null ? null : tidyNumber(high) });
  }
  return out;
}
