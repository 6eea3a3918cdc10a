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
  /** The words the text writes in lower case somewhere (the `lower` of every token without a capital). */
  lowerWords: Set<string>;
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
/** The index of the first item whose start is at or after `offset` (items sorted by start); the length when none is. */
export function firstStartingFrom(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tokenize(text: string): TokenizedText {
  const tokens = findTokens(text);
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
      // A capital, a digit, an opening mark, or '' written for one.
      if (after.cap || /^[\d"“‘«„(]/.test(after.text) || (after.text === "'" && tokens[j + 2]?.text === "'" && tokens[j + 2]!.start === after.end)) {
        close(j + 1);
        i = j;
      }
    }
  }
  close(tokens.length);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!t.cap) lowerWords.add(t.lower);
  return { text, tokens, sentences, lowerWords };
}

/**
 * The TOKEN_RE matches of the text. No token spans whitespace, so the text is read a chunk (a run
 * of non-whitespace) at a time: chunks of ASCII, most of an English text even with typographic
 * quotes around them, are cut by character codes as TOKEN_RE would cut them; the rest by TOKEN_RE.
 */
function findTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isAsciiSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let ascii = true;
    for (let c = text.charCodeAt(end); end < n && !isAsciiSpace(c); c = text.charCodeAt(++end)) if (c >= 128) ascii = false;
    if (ascii) {
      asciiTokens(text, i, end, tokens);
    } else {
      TOKEN_RE.lastIndex = i;
      for (let m = TOKEN_RE.exec(text); m && m.index < end; m = TOKEN_RE.exec(text)) {
        const t = m[0];
        const first = t.charCodeAt(0);
        const cap = t[0] !== t[0]!.toLowerCase() && !(first >= 48 && first <= 57);
        tokens.push({ text: t, start: m.index, end: m.index + t.length, lower: t.toLowerCase(), cap, sentence: 0 });
      }
    }
    i = end;
  }
  return tokens;
}

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiLetterOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || isUpper(c) || isDigit(c);
/** \w as TOKEN_RE's \b reads it. */
const isWordChar = (c: number): boolean => isAsciiLetterOrDigit(c) || c === 95;

/** The code unit at k of a chunk ending before `to`; past its end (whitespace or the text's end), -1. */
function codeAt(text: string, k: number, to: number): number {
  return k < to ? text.charCodeAt(k) : -1;
}

/** "'s" as a possessive at k: followed by a word boundary. */
function possessiveAt(text: string, k: number, to: number): boolean {
  return codeAt(text, k, to) === 39 && codeAt(text, k + 1, to) === 115 && !isWordChar(codeAt(text, k + 2, to));
}

/** TOKEN_RE's alternatives, in its order, over printable ASCII text[from, to) (no whitespace inside). */
function asciiTokens(text: string, from: number, to: number, tokens: Token[]): void {
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    let q = p + 1;
    if (isUpper(c) && codeAt(text, p + 1, to) === 46 && isUpper(codeAt(text, p + 2, to)) && codeAt(text, p + 3, to) === 46) {
      // Initialisms: "U.S.", "U.S.A.".
      q = p + 4;
      while (isUpper(codeAt(text, q, to)) && codeAt(text, q + 1, to) === 46) q += 2;
    } else if (isDigit(c)) {
      // Numbers with separators: "1,200.50", "10:30".
      while (isDigit(codeAt(text, q, to))) q++;
      for (let sep = codeAt(text, q, to); (sep === 46 || sep === 44 || sep === 58) && isDigit(codeAt(text, q + 1, to)); sep = codeAt(text, q, to)) {
        q += 2;
        while (isDigit(codeAt(text, q, to))) q++;
      }
    } else if (possessiveAt(text, p, to)) {
      q = p + 2;
    } else if (isAsciiLetterOrDigit(c)) {
      // Words with inner apostrophes (not a possessive), hyphens or ampersands: "don't", "well-known", "AT&T".
      for (;;) {
        while (isAsciiLetterOrDigit(codeAt(text, q, to))) q++;
        const joiner = codeAt(text, q, to);
        if (((joiner === 39 && !possessiveAt(text, q, to)) || joiner === 45 || joiner === 38) && isAsciiLetterOrDigit(codeAt(text, q + 1, to))) q += 2;
        else break;
      }
    }
    const t = text.slice(p, q);
    const cap = isUpper(c);
    tokens.push({ text: t, start: p, end: q, lower: cap || hasUpper(text, p + 1, q) ? t.toLowerCase() : t, cap, sentence: 0 });
    p = q;
  }
}

function hasUpper(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isUpper(text.charCodeAt(k))) return true;
  return false;
}

function isAbbreviation(tok: Token): boolean {
  if (ABBREVIATIONS.has(tok.lower)) return true;
  // Single capital initial ("V." in "Maria V. Zakharova").
  return tok.text.length === 1 && tok.cap;
}
