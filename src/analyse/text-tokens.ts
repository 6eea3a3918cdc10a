/**
 * @module Tokens, sentences and paragraphs with character offsets, by regular expressions.
 * A hand-rolled tokenizer is used on the hot path because full POS tagging costs more than the
 * whole analysis budget (see bench/analyse/README.md); it keeps offsets into the original text.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower-cased text. */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Index of the sentence it belongs to. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last token in the document token list. */
  first: number;
  last: number;
  paragraph: number;
}

export interface TokenizedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

// Initialisms (U.S.), words with inner apostrophes/hyphens/dots, numbers with separators, or one symbol.
// A possessive 's is split off ("France’s" -> "France", "’s").
const TOKEN_RE = /(?:\p{Lu}\.){2,}|\d+(?:[.,:]\d+)*|['’]s\b|[\p{L}\p{M}\d]+(?:(?:['’](?!s\b)|[-&])[\p{L}\p{M}\d]+)*|\S/gu;

/** Words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'jr', 'sr',
  'prof', 'inc', 'corp', 'ltd', 'co', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep',
  'oct', 'nov', 'dec', 'adm', 'maj', 'rev', 'hon', 'fig', 'approx', 'est', 'dept', 'univ', 'mt', 'ft',
]);

const CLOSERS = new Set(['"', '”', '’', '»', ')', ']', "'"]);

/** Splits text into tokens and sentences; every newline ends a sentence and a paragraph. */
export function tokenize(text: string): TokenizedText {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const start = m.index;
    const first = t.charCodeAt(0);
    const cap = t[0] !== t[0]!.toLowerCase() && !(first >= 48 && first <= 57);
    tokens.push({ text: t, start, end: start + t.length, lower: t.toLowerCase(), cap, sentence: 0 });
  }
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let sStart = 0;
  const close = (lastExclusive: number): void => {
    if (lastExclusive <= sStart) return;
    const index = sentences.length;
    for (let k = sStart; k < lastExclusive; k++) tokens[k]!.sentence = index;
    sentences.push({ start: tokens[sStart]!.start, end: tokens[lastExclusive - 1]!.end, first: sStart, last: lastExclusive, paragraph });
    sStart = lastExclusive;
  };
  // Whether a newline lies in [from, to), without cutting the gap out of the text.
  let newline = -1;
  let searchedFrom = 0;
  const newlineWithin = (from: number, to: number): boolean => {
    if (newline < from || from < searchedFrom) {
      searchedFrom = from;
      newline = text.indexOf('\n', from);
      if (newline < 0) newline = Infinity;
    }
    return newline < to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    if (newlineWithin(tok.end, next.start)) {
      close(i + 1);
      paragraph++;
      continue;
    }
    if (tok.text === '.' || tok.text === '!' || tok.text === '?') {
      const prev = tokens[i - 1];
      if (tok.text === '.' && prev && prev.end === tok.start && isAbbreviation(prev)) continue;
      // Closing quotes or brackets right after the stop belong to this sentence.
      let j = i;
      while (tokens[j + 1] && CLOSERS.has(tokens[j + 1]!.text) && tokens[j + 1]!.start === tokens[j]!.end) j++;
      const after = tokens[j + 1];
      if (!after) break;
      if (newlineWithin(tokens[j]!.end, after.start)) { i = j - 1; continue; }
      if (after.start === tokens[j]!.end) continue;
      if (after.cap || /^[\d"“‘«„(]/.test(after.text)) {
        close(j + 1);
        i = j;
      }
    }
  }
  close(tokens.length);
  return { text, tokens, sentences };
}

function isAbbreviation(tok: Token): boolean {
  if (ABBREVIATIONS.has(tok.lower)) return true;
  // Single capital initial ("V." in "Maria V. Zakharova").
  return tok.text.length === 1 && tok.cap;
}
