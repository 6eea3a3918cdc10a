/**
 * @module Term vectors for clustering: TF-IDF over an article's title (weighted up), the lead of its
 * text, and the entities it names. Entity names come from the analysis when there is one; otherwise
 * capitalised words inside sentences count as names and are weighted up. Document frequencies are
 * learnt online (`TermStats`), bounded by pruning rare terms.
 */

/** Sparse vector: parallel arrays of terms and weights, L2-normalised, heaviest first. */
export interface TermVector {
  terms: string[];
  weights: number[];
}

// Function words and reporting verbs of English, French and German news: they say nothing about
// which happening a report covers.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my no nor not ' +
    'now of off on once only or other our ours out over own same she should so some such than that the their ' +
    'theirs them then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours said says say saying told tell according added ' +
    'new would year years week weeks day days time one two three first last may might must shall us mr mrs ms ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow news report reports ' +
    'le la les de des du un une et en est pour que qui dans sur au aux par pas plus der die das und ist nicht ' +
    'mit von den dem ein eine zu im'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019]*/gu;

/** Canonical form of a word: lower case, possessive and plural "s" dropped. */
export function normaliseTerm(word: string): string {
  let w = word.toLowerCase().replace(/['\u2019]s?$/u, '').replace(/['\u2019]/gu, '');
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    w = w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  }
  return w;
}

function isContentTerm(term: string): boolean {
  if (term.length < 2 || STOPWORDS.has(term)) return false;
  const c = term.charCodeAt(0);
  return !(c >= 48 && c <= 57 && /^\p{N}+$/u.test(term));
}

export interface TermSource {
  title: string;
  text: string;
  /** Canonical entity names from the analysis (may be empty). */
  entityNames: string[];
}

export interface TermWeights {
  titleWeight: number;
  nameWeight: number;
  entityWeight: number;
  /** Words of the text read (the lead says which happening it is). */
  leadWords: number;
}

export const defaultTermWeights: TermWeights = { titleWeight: 3, nameWeight: 2, entityWeight: 1, leadWords: 250 };

/** Raw weighted term counts of one article. */
export function countTerms(source: TermSource, weights: TermWeights = defaultTermWeights): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, w: number): void => {
    if (isContentTerm(term)) counts.set(term, (counts.get(term) ?? 0) + w);
  };
  for (const m of source.title.matchAll(WORD)) add(normaliseTerm(m[0]), weights.titleWeight);
  const useCapitals = source.entityNames.length === 0;
  let read = 0;
  let sentenceStart = true;
  const lead = source.text.length > weights.leadWords * 12 ? source.text.slice(0, weights.leadWords * 12) : source.text;
  let last = 0;
  for (const m of lead.matchAll(WORD)) {
    if (read++ >= weights.leadWords) break;
    const gap = lead.slice(last, m.index);
    last = m.index + m[0].length;
    if (/[.!?\n]/.test(gap)) sentenceStart = true;
    const word = m[0];
    const capital = useCapitals && !sentenceStart && /^\p{Lu}/u.test(word);
    add(normaliseTerm(word), 1 + (capital ? weights.nameWeight : 0));
    sentenceStart = false;
  }
  for (const name of new Set(source.entityNames)) {
    for (const m of name.matchAll(WORD)) add(normaliseTerm(m[0]), weights.entityWeight);
  }
  return counts;
}

/** Online document frequencies with a bounded vocabulary. */
export class TermStats {
  private readonly df = new Map<string, number>();
  private docs = 0;

  /**
   * `background` pretends that many earlier documents held none of the terms, so the first few
   * articles (all on one subject, perhaps) do not make their shared subject words worthless.
   */
  constructor(private readonly options: { maxTerms: number; background: number } = { maxTerms: 300_000, background: 20 }) {}

  idf(term: string): number {
    return Math.log((this.docs + this.options.background + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  record(terms: Iterable<string>): void {
    this.docs += 1;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    if (this.df.size > this.options.maxTerms) {
      for (const [t, n] of this.df) if (n <= 1) this.df.delete(t);
      if (this.df.size > this.options.maxTerms * 0.9) {
        for (const [t, n] of this.df) if (n <= 3) this.df.delete(t);
      }
    }
  }

  get documents(): number {
    return this.docs;
  }
}

/** TF-IDF vector of the heaviest `limit` terms, L2-normalised. */
export function weighTerms(counts: Map<string, number>, stats: TermStats, limit = 40): TermVector {
  const scored: Array<[string, number]> = [];
  for (const [term, tf] of counts) scored.push([term, (1 + Math.log(tf)) * stats.idf(term)]);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, limit);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { terms: top.map(([t]) => t), weights: top.map(([, w]) => w / norm) };
}
