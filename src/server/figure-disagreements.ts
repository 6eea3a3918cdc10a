/**
 * @module Where outlets disagree on a figure: the same counted thing (or unit) given different
 * values in different articles of a story, e.g. "31 countries" in one report and "about 30
 * leaders" in another. Counted nouns are folded into families (countries, nations and leaders
 * count the same thing in a diplomatic story; dead, killed and deaths the same toll), and values
 * of one family are compared only when they are close (within a factor of 1.3, what rounding and
 * misreporting span: "25" for "31", "4,000" for "5,000"): "5 countries refused" and "31 countries
 * attended", or the 5% a union sought next year and the 7.5% it asked for this one, are different
 * facts, not a disagreement. Figures are
 * compared only within one event: "31 countries" at one summit and "about 30 leaders" at the next
 * are two happenings, not outlets contradicting each other. Two values one article states are two
 * facts, not a contradiction ("a 4.5% rise this year and 3% next year"). Close figures disagree
 * only when no value fits every wording: "about 30 leaders" and "31 countries" agree, as do "more
 * than 2,400 claims" and "3,150 claims"; "30" and "31", or "about 25" and "31", do not.
 */
import type { Figure } from '../model/index.js';
import { readingKey } from '../views/figure-reading.js';

export interface StoryFigure extends Pick<Figure, 'text' | 'value' | 'unit' | 'precision' | 'low' | 'high'> {
  articleId: number;
  source: string | null;
  /** The event the article is in; figures of different events are never compared. */
  eventId?: number | null;
}

export interface FigureClaim extends Pick<Figure, 'value' | 'precision' | 'low' | 'high'> {
  texts: string[];
  sources: Array<{ articleId: number; source: string | null }>;
}

export interface FigureDisagreement {
  /** The family the figures were compared in ("countries", "EUR", "percent"). */
  unit: string;
  /** The event the compared articles report. */
  eventId: number | null;
  claims: FigureClaim[];
}

/** Counted nouns that name the same thing, keyed by their singular form (Maps: a counted "constructor" must not find Object's own properties). */
const FAMILIES = new Map<string, string>(Object.entries({
  country: 'countries',
  nation: 'countries',
  state: 'countries',
  government: 'countries',
  leader: 'countries',
  delegation: 'countries',
  'head of state': 'countries',
  person: 'people',
  people: 'people',
  civilian: 'people',
  resident: 'people',
  death: 'deaths',
  dead: 'deaths',
  killed: 'deaths',
  fatality: 'deaths',
  victim: 'deaths',
  troop: 'troops',
  soldier: 'troops',
  injured: 'injured',
  wounded: 'injured',
}));

const singular = (noun: string): string => {
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(ss|us)$/.test(noun)) return noun;
  if (/s$/.test(noun)) return noun.slice(0, -1);
  return noun;
};

/** Measures written as symbols or in American spelling, by the word the family is named with. */
const MEASURES = new Map<string, string>(Object.entries({
  km: 'kilometre', cm: 'centimetre', mm: 'millimetre', kg: 'kilogram', kgs: 'kilogram', mph: 'mile per hour', 'km/h': 'kilometre per hour',
}));

/** The family a unit belongs to: currency codes and "percent" stay as they are. */
export function unitFamily(unit: string): string {
  if (/^[A-Z]{3}$/.test(unit)) return unit;
  const noun = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  const one = singular(noun).replace(/(met|lit)er$/, '$1re');
  return FAMILIES.get(noun) ?? FAMILIES.get(one) ?? MEASURES.get(noun) ?? one;
}

const CLOSE = 1.3;

export function figureDisagreements(figures: readonly StoryFigure[]): FigureDisagreement[] {
  const byFamily = new Map<string, { unit: string; eventId: number | null; claims: Map<string, FigureClaim> }>();
  for (const figure of figures) {
    if (!Number.isFinite(figure.value)) continue;
    const unit = unitFamily(figure.unit);
    const eventId = figure.eventId ?? null;
    const key = `${eventId ?? ''}\u0000${unit}`;
    const group = byFamily.get(key) ?? { unit, eventId, claims: new Map<string, FigureClaim>() };
    const claims = group.claims;
    // One claim per reading: "€2 billion" and "2 billion euros" are one, "about 30" and "30" two.
    const reading = readingKey(figure);
    const claim = claims.get(reading) ?? { value: figure.value, precision: figure.precision, low: figure.low, high: figure.high, texts: [], sources: [] };
    if (!claim.texts.includes(figure.text)) claim.texts.push(figure.text);
    if (!claim.sources.some((s) => s.articleId === figure.articleId)) claim.sources.push({ articleId: figure.articleId, source: figure.source });
    claims.set(reading, claim);
    byFamily.set(key, group);
  }
  const disagreements: FigureDisagreement[] = [];
  for (const { unit, eventId, claims } of byFamily.values()) {
    for (const group of conflictingGroups([...claims.values()].sort((a, b) => a.value - b.value))) {
      const articles = new Set(group.flatMap((c) => c.sources.map((s) => s.articleId)));
      if (group.length >= 2 && articles.size >= 2 && !everyWordingFits(group)) disagreements.push({ unit, eventId, claims: group });
    }
  }
  return disagreements.sort((a, b) => sourcesOf(b) - sourcesOf(a));
}

/**
 * The claims (sorted by value) in groups that contradict each other: two claims conflict when
 * their values are close and no article states both. An article that gives "a 4.5% rise this
 * year and 3% next year", or "68% in favour, on a turnout of 92%", tells two facts, so outlets
 * giving one or the other do not contradict each other on it.
 */
function conflictingGroups(sorted: FigureClaim[]): FigureClaim[][] {
  const articlesOf = sorted.map((c) => new Set(c.sources.map((s) => s.articleId)));
  const parent = sorted.map((_, k) => k);
  const root = (k: number): number => (parent[k] === k ? k : (parent[k] = root(parent[k]!)));
  for (let a = 0; a < sorted.length; a++) {
    for (let b = a + 1; b < sorted.length && closeEnough(sorted[a]!.value, sorted[b]!.value); b++) {
      if (![...articlesOf[a]!].some((id) => articlesOf[b]!.has(id))) parent[root(b)] = root(a);
    }
  }
  const groups = new Map<number, FigureClaim[]>();
  sorted.forEach((claim, k) => groups.set(root(k), [...(groups.get(root(k)) ?? []), claim]));
  return [...groups.values()];
}

const closeEnough = (a: number, b: number): boolean => {
  const low = Math.min(Math.abs(a), Math.abs(b));
  const high = Math.max(Math.abs(a), Math.abs(b));
  return low === 0 ? high === 0 : high / low <= CLOSE && Math.sign(a) === Math.sign(b);
};

/** Whether one value lies in every claim's range: then the reports differ in wording, not in fact. */
const everyWordingFits = (claims: readonly FigureClaim[]): boolean => {
  const low = Math.max(...claims.map((c) => c.low));
  const high = Math.min(...claims.map((c) => c.high ?? Infinity));
  return low <= high;
};

const sourcesOf = (d: FigureDisagreement): number => d.claims.reduce((n, c) => n + c.sources.length, 0);
