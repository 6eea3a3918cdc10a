/**
 * @module Who said what in reports written in French, German, Spanish, Italian, Portuguese or
 * Dutch, which the English analysis (its tagger, its grammar of reported speech) cannot read.
 * - People and places: `other-language-names.ts`.
 * - Direct quotes: a span between quotation marks of three words or more, attributed when a verb of
 *   saying or "according to" of the language stands beside it ("», a déclaré Ilse Marrow", "Marrow
 *   sagte: „…“", "«…», según Halloran"), to the person named there, or, where only a pronoun is
 *   ("a-t-il ajouté", "sagte er"), to the person quoted or named last; a phrase quoted after a
 *   person's verb of saying, read with what the verb says ("nannte den Ausstand „unverhältnismäßig“").
 * - Reported speech: a person, a verb of saying and the word that opens what was said ("a déclaré
 *   que …", "añadió que …", in German also a comma), or "according to" a person or pronoun and a comma.
 * A quote no one is named for is left out rather than shown as a source the article does not name.
 * Figures: percentages, amounts and basis points (`other-language-figures.ts`); dates that name their
 * day and month (`other-language-dates.ts`).
 */
import { baseLanguage } from '../language/codes.js';
import type { Analysis, EntityMention, Quote } from '../model/analysis.js';
import type { Gazetteer } from './gazetteer.js';
import { findOtherLanguageDates } from './other-language-dates.js';
import { findOtherLanguageFigures } from './other-language-figures.js';
import { findPeople, findPlaces, wordsOf } from './other-language-names.js';
import type { Word } from './other-language-names.js';
import { firstStartingFrom } from './text-tokens.js';

interface LanguageCues {
  /** Word beginnings of the verbs of saying (lower case): "déclar" reads "a déclaré", "déclare". */
  saying: string[];
  /** Words that attribute what follows to a source: "selon X", "laut X". */
  according: string[];
  /** Words that open reported speech after a verb of saying ("a déclaré que", "añadió que"); "qu'" also as a word's start. */
  that: string[];
  /** Reported speech may also open with a comma after the verb ("sagte vor Journalisten, die Gespräche seien gescheitert"). */
  commaOpens?: boolean;
}

const CUES: Record<string, LanguageCues> = {
  fr: {
    saying: ['déclar', 'dit', 'dis', 'affirm', 'expliqu', 'ajout', 'indiqu', 'estim', 'avert', 'assur', 'racont', 'soulign', 'précis', 'insist', 'répond', 'confi', 'annonc', 'rappel', 'martel', 'lanc', 'prévien', 'commenc', 'poursuiv', 'poursuit', 'conclu', 'jug', 'dénonc', 'reconn', 'admet', 'promet', 'promis', 'confirm', 'regrett', 'résum', 'tranch', 'ironis', 'plaid'],
    according: ['selon', "d'après", 'd’après'],
    that: ['que', "qu'", 'qu’'],
  },
  de: {
    saying: ['sag', 'nannt', 'nennt', 'erklär', 'betont', 'warnt', 'fügt', 'ergänzt', 'meint', 'rief', 'ruft', 'kündigt', 'teilt', 'bekräftigt', 'versichert', 'sprach', 'spricht', 'berichtet', 'räumt', 'kritisiert', 'unterstrich', 'unterstreicht', 'zitiert', 'schrieb', 'schreibt', 'antwortet', 'erläutert', 'mahnt', 'forderte', 'fordert', 'bestätigt', 'verspricht', 'versprach'],
    according: ['laut', 'so'],
    that: ['dass'],
    commaOpens: true,
  },
  es: {
    saying: ['dij', 'dice', 'dicho', 'afirm', 'asegur', 'explic', 'añad', 'declar', 'señal', 'advirt', 'advier', 'indic', 'subray', 'insist', 'reconoc', 'manifest', 'sostuv', 'sostien', 'agreg', 'apunt', 'recalc', 'precis', 'respond', 'destac', 'confirm', 'prometi', 'admiti', 'lament', 'resum'],
    according: ['según'],
    that: ['que'],
  },
  it: {
    saying: ['dett', 'dice', 'afferm', 'dichiar', 'spieg', 'aggiun', 'sottoline', 'avvert', 'assicur', 'precis', 'insist', 'annunci', 'ricord', 'conferm', 'ammess', 'promess', 'rispost', 'rispond', 'osserv', 'comment'],
    according: ['secondo'],
    that: ['che'],
  },
  pt: {
    saying: ['diss', 'diz', 'afirm', 'declar', 'explic', 'acrescent', 'sublinh', 'garant', 'assegur', 'adiant', 'indic', 'insist', 'avis', 'admit', 'confirm', 'prometeu', 'respond', 'destac', 'salient', 'frisou', 'lembr'],
    according: ['segundo'],
    that: ['que'],
  },
  nl: {
    saying: ['zei', 'zegt', 'zeg', 'verklaar', 'voegde', 'voegt', 'benadrukt', 'waarschuw', 'stelde', 'stelt', 'meldde', 'meldt', 'liet', 'vertelde', 'vertelt', 'legde', 'legt', 'antwoord', 'bevestig', 'beloofde', 'belooft', 'erkende', 'erkent', 'reageerde'],
    according: ['volgens', 'aldus'],
    that: ['dat'],
  },
};

/** Pronouns that stand for the person last named or quoted ("a-t-il dit", "sagte er", "dijo ella"). */
const PRONOUNS = new Set(['il', 'elle', 'er', 'sie', 'él', 'ella', 'lui', 'egli', 'ele', 'hij', 'zij', 'ze']);

/** Opening quotation marks and the marks that close them. */
const CLOSERS: Record<string, string> = { '«': '»', '„': '“”', '“': '”', '"': '"', '»': '«', '‹': '›', '‚': '‘’' };

/** The languages read here (base codes). */
export function readsLanguage(language: string | null | undefined): boolean {
  return !!language && Object.hasOwn(CUES, baseLanguage(language));
}

interface Span {
  start: number;
  end: number;
}

/**
 * How far a quote, or a sentence, is looked for from where it starts: a quote runs a paragraph at
 * most, and a text of stray marks with no line break (a hostile or broken input) stays linear.
 */
const REACH = 3_000;

/** The spans between matching quotation marks (the marks left out), none across a paragraph break. */
function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  // The next position of each closing mark and of a paragraph break, found once and reused while
  // it lies ahead: a run of openers that never close costs one search, not one per opener.
  const next = new Map<string, number>();
  const nextOf = (mark: string, from: number): number => {
    const known = next.get(mark);
    if (known !== undefined && (known >= from || known < 0)) return known;
    const found = text.indexOf(mark, from);
    next.set(mark, found);
    return found;
  };
  for (let i = 0; i < text.length; i++) {
    const closers = CLOSERS[text[i]!];
    if (closers === undefined) continue;
    // A straight quote or » opens only after a space or a line's start; « and „ always open.
    if ((text[i] === '"' || text[i] === '»') && i > 0 && !/[\s(—–-]/u.test(text[i - 1]!)) continue;
    let close = -1;
    for (const mark of closers) {
      const at = nextOf(mark, i + 1);
      if (at >= 0 && (close < 0 || at < close)) close = at;
    }
    const paragraph = nextOf('\n\n', i + 1);
    if (close < 0 || close - i > REACH || (paragraph >= 0 && paragraph < close)) continue;
    spans.push({ start: i + 1, end: close });
    i = close;
  }
  return spans;
}

/** A mark per character of the text: 1 inside quotation marks. */
function quotedMask(text: string, spans: Span[]): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  for (const q of spans) mask.fill(1, q.start, q.end);
  return mask;
}

/**
 * Where sentences end: after a sentence mark outside quotation marks that a space (or the text's
 * end) follows, and at every line break. Ascending offsets, each just past its mark.
 */
function sentenceBreaks(text: string, quoted: Uint8Array): number[] {
  const breaks: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) breaks.push(k + 1);
    else if ((c === 46 || c === 33 || c === 63) && quoted[k] !== 1 && (k + 1 >= text.length || isSpace(text.charCodeAt(k + 1)))) breaks.push(k + 1);
  }
  return breaks;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** The sentence around offset `at`: from just past the break before it to its own sentence mark (excluded). */
function sentenceAt(r: Reading, at: number): Span {
  let lo = 0;
  let hi = r.breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.breaks[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return { start: lo > 0 ? r.breaks[lo - 1]! : 0, end: lo < r.breaks.length ? r.breaks[lo]! - 1 : r.text.length };
}

/** The last character before `at` (back to `from`) that is not a space, or '' when there is none. */
function lastNonSpace(text: string, from: number, at: number): string {
  for (let k = at - 1; k >= from; k--) if (!isSpace(text.charCodeAt(k))) return text[k]!;
  return '';
}

/** The first character from `at` (up to `to`) that is not a space, or ''. */
function firstNonSpace(text: string, at: number, to: number): string {
  for (let k = at; k < to; k++) if (!isSpace(text.charCodeAt(k))) return text[k]!;
  return '';
}

/** "elle", and "a-t-elle" and "dit-il" with their pronoun joined on. */
const isPronoun = (w: Word): boolean => w.lower.split('-').some((part) => PRONOUNS.has(part));

const says = (w: Word, cues: LanguageCues): boolean => cues.saying.some((stem) => w.lower.startsWith(stem));

/** After a quote: a verb of saying among the next words, or "according to" right after it ("», selon X", "“, so Marrow"). */
function cueAfter(words: Word[], cues: LanguageCues): boolean {
  return words.slice(0, 6).some((w) => says(w, cues)) || (words.length > 0 && cues.according.includes(words[0]!.lower));
}

/** Before a quote, in its sentence: a verb of saying, or "according to" ("Selon Ilse Marrow, «"). */
function cueBefore(words: Word[], cues: LanguageCues): boolean {
  return words.some((w) => says(w, cues) || cues.according.includes(w.lower));
}


interface Reading {
  text: string;
  words: Word[];
  cues: LanguageCues;
  people: EntityMention[];
  /** Spans between quotation marks. */
  spans: Span[];
  /** `quotedMask` of the spans. */
  quoted: Uint8Array;
  /** `sentenceBreaks` of the text. */
  breaks: number[];
}


/** The words that start in [from, to), at most `limit` of them. */
function wordRange(r: Reading, from: number, to: number, limit = Infinity): Word[] {
  const first = firstStartingFrom(r.words, from);
  return r.words.slice(first, Math.min(firstStartingFrom(r.words, to), first + limit));
}

/** The last `limit` words that start in [from, to). */
function wordsBefore(r: Reading, from: number, to: number, limit: number): Word[] {
  const stop = firstStartingFrom(r.words, to);
  return r.words.slice(Math.max(firstStartingFrom(r.words, from), stop - limit), stop);
}

/** How many words start in [from, to). */
const wordCount = (r: Reading, from: number, to: number): number => firstStartingFrom(r.words, to) - firstStartingFrom(r.words, from);

/** The person mentioned in [from, to) outside quotation marks: the first, or the last. */
function personIn(r: Reading, from: number, to: number, last: boolean): EntityMention | null {
  const first = firstStartingFrom(r.people, from);
  const stop = firstStartingFrom(r.people, to);
  if (last) {
    for (let i = stop - 1; i >= first; i--) if (r.people[i]!.end <= to && r.quoted[r.people[i]!.start] !== 1) return r.people[i]!;
  } else {
    for (let i = first; i < stop; i++) if (r.people[i]!.end <= to && r.quoted[r.people[i]!.start] !== 1) return r.people[i]!;
  }
  return null;
}

/**
 * Direct quotes: quotation marks with a verb of saying and a person (or a pronoun for the one quoted
 * last) beside them. `phrases` collects those that are phrases quoted inside a sentence.
 */
function directQuotes(r: Reading, phrases: Set<Quote>): Quote[] {
  const { text, cues, spans } = r;
  const quotes: Quote[] = [];
  let lastSpeaker: EntityMention | null = null;
  for (const span of spans) {
    const content = text.slice(span.start, span.end).trim();
    const sentence = { start: sentenceAt(r, span.start - 1).start, end: sentenceAt(r, span.end).end };
    // After the quote: ", a déclaré Ilse Marrow", ", sagte er", ", según Halloran".
    const after = wordRange(r, span.end + 1, sentence.end, 12);
    const afterOpens = after.length === 0 || ',;:–—-'.includes(firstNonSpace(text, span.end + 1, sentence.end) || '.');
    // Before it: "Ilse Marrow a déclaré : «", "Laut Marrow „", "Según Halloran, «".
    const beforeEnds = lastNonSpace(text, sentence.start, span.start - 1);
    const before = wordsBefore(r, sentence.start, span.start - 1, 40);
    let speaker: EntityMention | null = null;
    let matched = false;
    // Attributed after it, the quote opens its sentence (or follows a colon): a phrase quoted inside
    // a sentence ("travaillent à une « coalition des volontaires », a expliqué X") is not what X said.
    const opensSentence = beforeEnds === '' || beforeEnds === ':';
    if (opensSentence && afterOpens && after.length > 0 && cueAfter(after, cues)) {
      matched = true;
      speaker = personIn(r, span.end, after[after.length - 1]!.end, false);
      if (speaker === null && after.some(isPronoun)) speaker = lastSpeaker ?? personIn(r, 0, span.start, true);
    }
    if (!matched && (beforeEnds === ':' || beforeEnds === ',') && before.length > 0 && cueBefore(before, cues)) {
      matched = true;
      speaker = personIn(r, sentence.start, span.start, true);
      if (speaker === null && before.some(isPronoun)) speaker = lastSpeaker ?? personIn(r, 0, span.start, true);
    }
    // A phrase quoted after a person's verb of saying in the same sentence ("Claudia Weiss nannte den
    // Ausstand „unverhältnismäßig“") is that person's, however short.
    // It is read as English reads it: what the verb says, up to the quote ("den Ausstand
    // „unverhältnismäßig“", as "the strike "disproportionate"").
    let phraseFrom = -1;
    if (!matched) {
      const verb = before.findIndex((w) => says(w, cues));
      if (verb >= 0) {
        const subject = personIn(r, verb >= 3 ? before[verb - 3]!.start : sentence.start, before[verb]!.start, true);
        if (subject !== null && !/[.!?]/u.test(text.slice(subject.end, before[verb]!.start))) {
          matched = true;
          speaker = subject;
          phraseFrom = before[verb + 1]?.start ?? span.start - 1;
        }
      }
    }
    const phrase = phraseFrom >= 0;
    if (!matched || speaker === null || (!phrase && wordCount(r, span.start, span.end) < 3)) continue;
    lastSpeaker = speaker;
    const offset = phrase ? phraseFrom : text.indexOf(content, span.start);
    const end = phrase ? span.end + 1 : offset + content.length;
    const quote: Quote = { text: text.slice(offset, end), start: offset, end, direct: !phrase, speaker: speaker.name, speakerStart: speaker.start, speakerEnd: speaker.end };
    quotes.push(quote);
    if (phrase) phrases.add(quote);
  }
  return quotes;
}

/** A reported clause from `from` to its sentence's end, space and trailing commas trimmed; null under three words. */
function clause(r: Reading, from: number): { start: number; end: number } | null {
  let end = sentenceAt(r, from).end;
  let start = from;
  while (start < end && isSpace(r.text.charCodeAt(start))) start++;
  while (end > start && (isSpace(r.text.charCodeAt(end - 1)) || ',;:'.includes(r.text[end - 1]!))) end--;
  if (wordCount(r, start, end) < 3) return null;
  return { start, end };
}

/**
 * Reported speech: a person (a title before them allowed), at most two words, a verb of saying, at
 * most four words, then the word that opens what was said ("Ilse Marrow a déclaré mercredi que …",
 * "Halloran añadió que …"; in German also a comma: "Marrow sagte vor Journalisten, die Gespräche
 * seien …"); and "according to" a person or a pronoun, then a comma ("Selon elle, …"). The clause runs
 * to the sentence's end, quoted phrases inside it included, as in English.
 */
function reportedSpeech(r: Reading, direct: Quote[]): Quote[] {
  const { words, cues } = r;
  const out: Quote[] = [];
  const directMask = quotedMask(r.text, direct);
  const taken = (start: number): boolean => directMask[start] === 1 || (out.length > 0 && start < out[out.length - 1]!.end);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (r.quoted[w.start] === 1) continue;
    let speaker: EntityMention | null = null;
    let opensAt = -1;
    if (says(w, cues)) {
      // The speaker's mention starts at most three words before the verb ("Ilse Marrow a déclaré").
      const from = i >= 3 ? words[i - 3]!.start : 0;
      const subject = personIn(r, from, w.start, true);
      if (subject === null || /[.!?\n]/u.test(r.text.slice(subject.end, w.start))) continue;
      for (let j = i + 1; j <= i + 5 && j < words.length; j++) {
        const gap = r.text.slice(words[j - 1]!.end, words[j]!.start);
        if (/[.!?\n«»„“”"]/u.test(gap)) break;
        if (cues.commaOpens && gap.includes(',')) {
          opensAt = words[j]!.start;
          break;
        }
        if (cues.that.some((t) => (t.endsWith("'") || t.endsWith('’') ? words[j]!.lower.startsWith(t) : words[j]!.lower === t))) {
          // "qu'il" opens at its pronoun, "que" after itself.
          opensAt = words[j]!.lower.length > 3 && /^qu['’]/u.test(words[j]!.lower) ? words[j]!.start + 3 : words[j]!.end;
          break;
        }
      }
      speaker = subject;
    } else if (cues.according.includes(w.lower) && i + 1 < words.length) {
      // "Selon elle, …", "Según Halloran, …": the source, then a comma.
      const next = words[i + 1]!;
      const named = personIn(r, next.start, next.start + 60, false);
      const sourceEnd = named !== null && named.start === next.start ? named.end : isPronoun(next) ? next.end : -1;
      if (sourceEnd < 0 || firstNonSpace(r.text, sourceEnd, sourceEnd + 8) !== ',') continue;
      if (named !== null && named.start === next.start) speaker = named;
      else {
        // A pronoun: the person quoted last before it, else the person named last.
        const lastQuoted = direct[firstStartingFrom(direct, w.start) - 1];
        speaker = (lastQuoted && r.people.find((p) => p.start === lastQuoted.speakerStart)) || personIn(r, 0, w.start, true);
      }
      opensAt = r.text.indexOf(',', sourceEnd) + 1;
    }
    if (speaker === null || opensAt < 0) continue;
    const span = clause(r, opensAt);
    if (span === null || taken(span.start)) continue;
    // A clause that is mostly a quote already read ("Selon X, ministre, « … »") adds nothing to it.
    let quoted = 0;
    for (let k = firstStartingFrom(direct, span.start); k < direct.length && direct[k]!.end <= span.end; k++) quoted += direct[k]!.end - direct[k]!.start;
    if (quoted > (span.end - span.start) / 2) continue;
    const body = r.text.slice(span.start, span.end);
    out.push({ text: body, start: span.start, end: span.end, direct: false, speaker: speaker.name, speakerStart: speaker.start, speakerEnd: speaker.end });
  }
  return out;
}

/** Who said what (direct quotes and reported speech) and the people named, in a report in one of the languages read here. */
export function analyseOtherLanguage(text: string, language: string, published: string | null, gazetteer: Gazetteer): Analysis {
  const cues = CUES[baseLanguage(language)];
  if (cues === undefined) return { quotes: [], entities: [], figures: [], dates: [] };
  const words = wordsOf(text);
  const spans = quoteSpans(text);
  const quoted = quotedMask(text, spans);
  const r: Reading = { text, words, cues, people: findPeople(text, words, language, gazetteer), spans, quoted, breaks: sentenceBreaks(text, quoted) };
  const phrases = new Set<Quote>();
  const direct = directQuotes(r, phrases);
  const reported = reportedSpeech(r, direct.filter((q) => !phrases.has(q)));
  // A phrase quoted inside reported speech is read with its clause, as in English.
  const within = (q: Quote): boolean => {
    if (!phrases.has(q)) return false;
    const c = reported[firstStartingFrom(reported, q.end) - 1];
    return c !== undefined && c.speaker === q.speaker && q.end <= c.end;
  };
  const quotes = [...direct.filter((q) => !within(q)), ...reported].sort((a, b) => a.start - b.start);
  const entities = [...r.people, ...findPlaces(text, words, language, r.people, gazetteer)].sort((a, b) => a.start - b.start);
  return { quotes, entities, figures: findOtherLanguageFigures(text, language), dates: findOtherLanguageDates(text, language, published) };
}
