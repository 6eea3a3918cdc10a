/**
 * @module Direct and indirect quotes with their speakers.
 *
 * Direct quotes: text between paired quote marks (" “” ‘’ «» „“), one piece per pair. A quote split
 * by its cue (`"Unfortunately," he said, "what..."`) gives two pieces with the same speaker; a quote
 * running over paragraphs gives one piece per paragraph, all with the same speaker. Pieces embedded
 * in a sentence ("would be “a military intervention”") are not direct quotes: they stay inside the
 * indirect quote that contains them.
 * Indirect quotes: "<subject> <reporting verb> (that) <content>" and "<content>, <subject> said".
 * Speakers: the subject of the reporting verb; pronouns take the last person named as a subject
 * before them (of the same gender when known); a description ("a source close to X") gives null.
 */
import type { Quote } from '../model/analysis.js';
import { findTranscriptTurns } from './transcript-turns.js';
import type { EntitySpan } from './entities.js';
import { DEMONYMS, REPORTING_VERBS, STRONG_PERSON_TITLES } from './entity-lexicon.js';
import { firstStartingFrom } from './text-tokens.js';
import type { Token, TokenizedText } from './text-tokens.js';

/** A quote with the local source mention (the pronoun or name next to the cue) and a confidence. */
export interface QuoteFinding extends Quote {
  /** The mention next to the cue ("he", "Macron", "the source"), before pronoun resolution. */
  sourceStart: number | null;
  sourceEnd: number | null;
  /** 0..1, higher when the cue is adjacent and the speaker named. */
  confidence: number;
}

const OPENERS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"', '‘': '’', '‚': '‘', '‹': '›' };
/** A Map, not an object: a word of the text ("constructor") must not find Object's own properties. */
const PRONOUNS = new Map<string, 'male' | 'female' | 'plural' | 'self'>([
  ['he', 'male'], ['she', 'female'], ['they', 'plural'], ['i', 'self'], ['we', 'self'],
]);
const SKIPPABLE = new Set([
  'also', 'again', 'then', 'later', 'has', 'have', 'had', 'was', 'were', 'is', 'had', 'once', 'further',
  'previously', 'earlier', 'repeatedly', 'has', 'reportedly', 'publicly', 'privately', 'recently', 'quickly',
  'simply', 'only', 'just', 'still', 'even', 'separately', 'additionally', 'subsequently', 'not', 'never',
  'now', 'today', 'yesterday', 'tonight', 'often', 'always', 'already', 'usually', 'frequently', 'sometimes', 'openly', 'flatly',
]);
const INDIRECT_CUES = new Set([
  'said', 'says', 'say', 'told', 'tells', 'warned', 'warns', 'added', 'adds', 'noted', 'notes', 'stated', 'states',
  'announced', 'announces', 'claimed', 'claims', 'argued', 'argues', 'insisted', 'insists', 'explained',
  'confirmed', 'asserted', 'asserts', 'suggested', 'suggests', 'acknowledged', 'admitted', 'stressed',
  'emphasized', 'emphasised', 'believes', 'predicted', 'promised', 'reported', 'reports', 'mentioned',
  'reaffirmed', 'reiterated', 'clarified', 'assured', 'denied', 'wrote', 'writes', 'declared', 'revealed',
  'indicated', 'conceded', 'contended', 'maintained', 'estimated', 'alleged', 'testified', 'predicts',
  'thinks', 'believed', 'thought', 'urged', 'vowed', 'cautioned', 'concluded', 'countered', 'complained',
  'explains', 'confirms', 'acknowledges', 'admits', 'stresses', 'emphasizes', 'emphasises', 'estimates', 'reveals',
  'concedes', 'contends', 'maintains', 'declares', 'denies', 'recalled', 'recalls', 'replied', 'replies', 'complains',
  'observed', 'remarked', 'recounted', 'disclosed',
]);
/**
 * Verbs of saying read only before "that": the same verbs after a plural subject ("Critics argue
 * that ...", "E.U. leaders warn that ..."), and charges and demands ("Trump charges that ...").
 * Without "that" they are as often another sense ("help him maintain the image", "could deny them
 * permits", "a way to report profits", "was charged with fraud").
 */
const THAT_CUES = new Set([
  'argue', 'warn', 'note', 'insist', 'claim', 'explain', 'suggest', 'predict', 'contend', 'maintain',
  'complain', 'acknowledge', 'admit', 'allege', 'assert', 'stress', 'concede', 'deny', 'report', 'charge',
  'charged', 'charges', 'demand', 'demanded', 'demands', 'agree', 'agreed', 'agrees', 'tweeted', 'tweets', 'believe',
]);
const TELL_OBJECT_END = new Set(['that', 'on', 'in', 'at', 'during', 'after', 'before', 'earlier', 'last', 'this', 'when']);

interface Piece { start: number; end: number; openEnd: boolean; openIndex: number; closeIndex: number; paragraph: number; paragraphEnd: number }

/** Paired quote marks by paragraph; unclosed pieces run to the end of their paragraph. */
function findPieces(doc: TokenizedText): Piece[] {
  const { text, sentences } = doc;
  const pieces: Piece[] = [];
  const paragraphs: Array<{ start: number; end: number; index: number }> = [];
  for (const s of sentences) {
    const p = paragraphs[paragraphs.length - 1];
    if (p && p.index === s.paragraph) p.end = s.end;
    else paragraphs.push({ start: s.start, end: s.end, index: s.paragraph });
  }
  for (const para of paragraphs) {
    let open: { ch: string; pos: number } | null = null;
    for (let i = para.start; i < para.end; i++) {
      // Of ASCII, only the straight double quote opens or closes a quote, and two apostrophes
      // written for one (''As typed in some newspaper archives,'' she said).
      const code = text.charCodeAt(i);
      if (code === 39 && text.charCodeAt(i + 1) === 39) {
        if (open?.ch === "''") {
          pieces.push({ start: open.pos + 2, end: i, openEnd: false, openIndex: open.pos, closeIndex: i + 1, paragraph: para.index, paragraphEnd: para.end });
          open = null;
        } else if (!open && !/[\p{L}\d]/u.test(text[i - 1] ?? ' ')) open = { ch: "''", pos: i };
        i++;
        continue;
      }
      if (code < 128 && code !== 34) continue;
      const ch = text[i]!;
      if (open?.ch === "''") continue;
      if (open) {
        const closer = OPENERS[open.ch]!;
        const single = open.ch === '‘' || open.ch === '‚' || open.ch === '‹';
        if (ch === closer || (open.ch === '„' && ch === '”') || (open.ch === '"' && ch === '”') || (open.ch === '“' && ch === '"')) {
          if (single && /[\p{L}]/u.test(text[i + 1] ?? '')) continue; // an apostrophe
          pieces.push({ start: open.pos + 1, end: i, openEnd: false, openIndex: open.pos, closeIndex: i, paragraph: para.index, paragraphEnd: para.end });
          open = null;
        }
        continue;
      }
      if (ch === '“' || ch === '„' || ch === '«' || ch === '"' || ch === '‹') open = { ch, pos: i };
      else if ((ch === '‘' || ch === '‚') && !/[\p{L}\d]/u.test(text[i - 1] ?? ' ')) open = { ch, pos: i };
    }
    if (open) pieces.push({ start: open.pos + open.ch.length, end: para.end, openEnd: true, openIndex: open.pos, closeIndex: para.end, paragraph: para.index, paragraphEnd: para.end });
  }
  // Trim spaces inside the marks.
  return pieces
    .map((p) => {
      let { start, end } = p;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { ...p, start, end };
    })
    .filter((p) => p.end > p.start);
}

interface SubjectHit {
  start: number; end: number; speaker: string | null; speakerStart: number | null; speakerEnd: number | null; named: boolean;
  /** How sure the rule that found it is, when it is less sure than a named subject beside the quote. */
  confidence?: number;
  /** The source as the sentence describes it, when no name or usual description is in it ("Connecticut’s tax commissioner"). */
  attribution?: string;
}

interface Ctx {
  doc: TokenizedText;
  entities: EntitySpan[];
  /** Entity index by token index. */
  entityAt: Map<number, EntitySpan>;
  /** Person mentions that are subjects, in text order: the antecedents for pronouns. */
  subjects: EntitySpan[];
  genders: Map<string, 'male' | 'female'>;
}

/**
 * The person a pronoun at `offset` refers to, of matching gender: the last subject before it in
 * its own sentence, else, in the nearest earlier sentence that has one, the first subject, the
 * main clause's ("Roost said a judge, Edvard Lind, would lead the inquiry. ... she said": Roost,
 * not the subject of the reported clause), as a reader takes it.
 */
function resolvePronoun(ctx: Ctx, offset: number, gender: 'male' | 'female' | 'plural' | 'self'): EntitySpan | null {
  // "They" may be many; "I" and "we" outside a quote are the writer and the outlet, not the last person named.
  if (gender === 'plural' || gender === 'self') return null;
  const { tokens } = ctx.doc;
  const sentenceOf = (e: EntitySpan): number => tokens[e.first]!.sentence;
  const here = tokens[Math.min(tokens.length - 1, firstStartingFrom(tokens, offset))]?.sentence ?? -1;
  const fits = (s: EntitySpan): boolean => {
    const known = ctx.genders.get(s.name) ?? s.gender;
    return !(known && known !== gender);
  };
  let chosen: EntitySpan | null = null;
  for (let k = ctx.subjects.length - 1; k >= 0; k--) {
    const s = ctx.subjects[k]!;
    if (s.start >= offset || !fits(s)) continue;
    chosen = s;
    if (sentenceOf(s) === here) break;
    // An earlier sentence: its first subject that fits.
    for (let j = k - 1; j >= 0 && sentenceOf(ctx.subjects[j]!) === sentenceOf(s); j--) if (fits(ctx.subjects[j]!)) chosen = ctx.subjects[j]!;
    break;
  }
  if (chosen && !(ctx.genders.get(chosen.name) ?? chosen.gender)) ctx.genders.set(chosen.name, gender);
  return chosen;
}

function hitFromEntity(e: EntitySpan, local?: { start: number; end: number }): SubjectHit {
  return { start: local?.start ?? e.start, end: local?.end ?? e.end, speaker: e.name, speakerStart: e.start, speakerEnd: e.end, named: true };
}

const TIME_UNITS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'spring', 'summer', 'autumn', 'fall', 'winter', 'quarter']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** The token before a time phrase ending at k ("this month", "last week", "on Tuesday", "Tuesday"); k when there is none. */
function timeBefore(tokens: Token[], k: number, first: number): number {
  const t = tokens[k];
  if (!t || k <= first) return k;
  if (TIME_UNITS.has(t.lower) && /^(?:this|last|next|earlier|later)$/.test(tokens[k - 1]?.lower ?? '') && k - 1 > first) return k - 2;
  if (WEEKDAYS.has(t.lower) && t.cap) return tokens[k - 1]?.lower === 'on' && k - 1 > first ? k - 2 : k - 1;
  return k;
}

/** Subject ending at token index `end` (inclusive), reading backwards. */
function subjectEndingAt(ctx: Ctx, end: number, sentenceFirst: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  let k = end;
  for (;;) {
    while (k >= sentenceFirst && (SKIPPABLE.has(tokens[k]!.lower) || /ly$/.test(tokens[k]!.lower) && !tokens[k]!.cap && tokens[k]!.lower.length > 4)) k--;
    // "Wells Fargo just this month announced", "The board on Tuesday said": a time between subject and verb.
    const time = timeBefore(tokens, k, sentenceFirst);
    if (time === k) break;
    k = time;
  }
  if (k < sentenceFirst) return null;
  // A party tag after the name: "Rep. John Mica (R-Fla.) said".
  if (tokens[k]!.text === ')') {
    let j = k - 1;
    while (j > sentenceFirst && tokens[j]!.text !== '(' && j > k - 8) j--;
    if (tokens[j]?.text === '(' && j > sentenceFirst) return subjectEndingAt(ctx, j - 1, sentenceFirst);
    return null;
  }
  // Skip a parenthetical ", in a speech on Wednesday," between subject and verb.
  if (tokens[k]!.text === ',') {
    // "The ambassador, Karl Weiss, said": the name in apposition.
    const appositive = ctx.entityAt.get(k - 1);
    if (appositive && appositive.type === 'person' && appositive.last === k - 1 && tokens[appositive.first - 1]?.text === ',') return hitFromEntity(appositive);
    let j = k - 1;
    while (j >= sentenceFirst && tokens[j]!.text !== ',' && j > k - 24) j--;
    if (j >= sentenceFirst && tokens[j]!.text === ',') {
      const before = subjectEndingAt(ctx, j - 1, sentenceFirst);
      if (before) return before;
    }
    // "Johnnie Wilson, of Springfield, Va., said", "Donna Rawlings, 59, of Ashton, Md., who watched
    // the ceremony, said": a person opening the sentence, described over several commas.
    const opener = ctx.entityAt.get(sentenceFirst);
    if (opener && opener.type === 'person' && opener.first === sentenceFirst && tokens[opener.last + 1]?.text === ',' && k - opener.last <= 30) {
      let plain = true;
      for (let m = opener.last + 1; m < k && plain; m++) if (INDIRECT_CUES.has(tokens[m]!.lower) || /^[;:"“”]$/.test(tokens[m]!.text)) plain = false;
      if (plain) return hitFromEntity(opener);
    }
    return null;
  }
  const t = tokens[k]!;
  const pron = PRONOUNS.get(t.lower);
  if (pron) {
    const ante = resolvePronoun(ctx, t.start, pron);
    if (!ante) return { start: t.start, end: t.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
    return { start: t.start, end: t.end, speaker: ante.name, speakerStart: ante.start, speakerEnd: ante.end, named: true };
  }
  const e = ctx.entityAt.get(k);
  // "The White House said", "Moscow has said": a place opening the sentence right before its verb speaks for its government.
  if (e && e.last === k && e.type === 'place' && e.first === sentenceFirst && k === end && !/^(?:in|at|on|from)$/.test(tokens[e.first]!.lower)) return hitFromEntity(e);
  if (e && e.last === k && e.type !== 'place') {
    // "a source close to President X": the name sits inside a description, so X is not the speaker.
    const before = tokens[e.first - 1];
    if (before && /^(?:to|of|for|with|from|near|by|at|about|around|among|behind)$/.test(before.lower) && before.lower !== 'according') {
      return descriptionHit(ctx, e.first - 1, sentenceFirst);
    }
    if (before && before.text === ',' ) {
      // Appositive after a description: "a spokesperson for the ministry, Maria V. Zakharova, said".
      return hitFromEntity(e);
    }
    return hitFromEntity(e);
  }
  // "Macron in an address to the nation Wednesday again said": a phrase without commas between the name and its verb.
  const named = subjectBeforePhrase(ctx, k, sentenceFirst);
  if (named) return named;
  // An appositive description after the name: "Maria V. Zakharova, a spokesperson for ..., told".
  if (!t.cap) return descriptionHit(ctx, k, sentenceFirst);
  // "Officials said", "Police said" opening the sentence (or following a dateline's dash).
  if (k === sentenceFirst || /^[-–—]+$/.test(tokens[k - 1]?.text ?? '')) return bareGroup(ctx, k, k);
  return null;
}

/** Verbs of finding, read as saying when "that" follows: what polls, studies and reports found. */
/** Words before a verb's bare form that make it an infinitive or a modal's verb, not a plural subject's. */
const BARE_VERB_BEFORE = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall', 'cannot', "won't", 'did', 'does', 'do', "don't", "didn't", "doesn't", 'not']);
const FINDING_CUES = new Set(['found', 'finds', 'shows', 'showed', 'show', 'shown', 'concluded', 'concludes']);

/** Words that end one clause and open another, with its own subject. */
const CLAUSE_JOINERS = new Set(['where', 'while', 'whereas', 'although', 'though', 'because']);

/** Words that open a sentence before its subject: "But critics say", "However, his lawyer said". */
const CONNECTIVES = new Set(['but', 'and', 'yet', 'so', 'however', 'still', 'meanwhile', 'instead', 'also', 'now', 'separately', 'similarly', 'likewise']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our']);

/** Words that open a sentence without opening its subject. */
const NOT_SUBJECT_OPENERS = new Set([
  'but', 'and', 'so', 'yet', 'or', 'if', 'when', 'while', 'as', 'after', 'before', 'because', 'although', 'though', 'however',
  'meanwhile', 'still', 'instead', 'also', 'then', 'there', 'here', 'this', 'that', 'these', 'those', 'what', 'which', 'who',
  'in', 'at', 'on', 'during', 'from', 'via', 'over', 'since', 'until', 'for', 'with', 'without', 'by', 'to', 'of', 'not', 'no',
]);

/**
 * The whole opening of the sentence as the subject, when it is a plain noun phrase ("The Tax Policy
 * Center says", "Federal and state officials said", "Connecticut’s tax commissioner says"): two to
 * eight words from the sentence's start to the verb, none a pronoun, a clause word, a verb of saying
 * or a verb's past form, with no punctuation but a possessive, ending in a noun (no adverb).
 */
function openingNounPhrase(ctx: Ctx, sentenceFirst: number, end: number, cue: Token): SubjectHit | null {
  const { tokens } = ctx.doc;
  let k = end;
  while (k >= sentenceFirst && (SKIPPABLE.has(tokens[k]!.lower) || (/ly$/.test(tokens[k]!.lower) && !tokens[k]!.cap && tokens[k]!.lower.length > 4))) k--;
  // After a colon or semicolon ("Frustration with police: civil rights activists say"), and after
  // a connective opening the sentence ("But critics say", "However, his lawyer said").
  let first = sentenceFirst;
  // Or after a clause that ends where this one starts (", where restructuring experts say", ", and the report says").
  for (let j = k; j > sentenceFirst && j > k - 10; j--) {
    const w = tokens[j]!.lower;
    if (w === ':' || w === ';' || CLAUSE_JOINERS.has(w) || ((w === 'and' || w === 'but') && tokens[j - 1]?.text === ',')) { first = j + 1; break; }
  }
  while (first < k && CONNECTIVES.has(tokens[first]!.lower)) first += tokens[first + 1]?.text === ',' ? 2 : 1;
  // One capitalised word before "said" is a name the tagger did not know ("McLenney said") or a group ("Republicans say").
  const one = k === first && ((tokens[k]!.cap && /^(?:said|says|say|told|tells)$/.test(cue.lower) && /^\p{Lu}[\p{L}’'-]*\p{Ll}$/u.test(tokens[k]!.text)) || isGroupNoun(tokens[k]!));
  if ((k - first < 1 && !one) || k - first > 7) return null;
  if (NOT_SUBJECT_OPENERS.has(tokens[first]!.lower)) return null;
  for (let m = first; m <= k; m++) {
    const t = tokens[m]!;
    if (t.text === "'s" || t.text === '’s') continue;
    if (!/^[\p{L}\d][\p{L}\d.&-]*$/u.test(t.text)) return null;
    // "His lawyer said", "RT and its defenders say": a possessive before a noun is its determiner.
    if (m < k && POSSESSIVES.has(t.lower)) continue;
    if (CLAUSE_WORDS.has(t.lower) || PRONOUNS.has(t.lower) || INDIRECT_CUES.has(t.lower) || (NOT_IN_GROUP.has(t.lower) && t.lower !== 'and')) return null;
    // "The mayor smiled and said", "The report released on Monday said": a verb inside is no noun phrase.
    if (m > first && !t.cap && /(?:ed|ing)$/.test(t.lower)) return null;
  }
  if (tokens[k]!.lower === 'and' || tokens[first]!.lower === 'and') return null;
  const [from, to] = [tokens[first]!.start, tokens[k]!.end];
  return { start: from, end: to, speaker: null, speakerStart: null, speakerEnd: null, named: false, attribution: ctx.doc.text.slice(from, to) };
}

/**
 * A subject described by a relative clause before its verb ("Biologists who have counted the seals
 * for thirty years say ...", "The engineer who led the inspection said ..."): the noun phrase before
 * "who" is the subject, with the clause as its description, not the last noun of the clause ("the
 * seals"). No comma may part them (", who ..., " is an aside the other rules read).
 */
function relativeClauseSubject(ctx: Ctx, first: number, end: number, cue: Token): SubjectHit | null {
  const { tokens } = ctx.doc;
  let who = -1;
  for (let j = first + 1; j < end && j <= first + 8; j++) {
    const t = tokens[j]!;
    if (t.text === ',' || t.text === ';' || t.text === ':' || INDIRECT_CUES.has(t.lower)) return null;
    if (t.lower === 'who') { who = j; break; }
  }
  if (who < 0 || end - who > 16) return null;
  for (let j = who + 1; j <= end; j++) if (/^[,;:"“”]$/.test(tokens[j]!.text) || INDIRECT_CUES.has(tokens[j]!.lower)) return null;
  const head = subjectEndingAt(ctx, who - 1, first) ?? openingNounPhrase(ctx, first, who - 1, cue);
  if (!head || head.named) return head;
  const [from, to] = [head.start, tokens[end]!.end];
  return { ...head, end: to, attribution: ctx.doc.text.slice(from, to) };
}

/** Prepositions that open a phrase of place, time or occasion between a subject and its verb. */
const PHRASE_OPENERS = new Set(['in', 'at', 'during', 'on', 'after', 'before', 'from', 'via', 'over']);

/**
 * A named subject followed by a phrase of where, when or in what it spoke, with no commas around it
 * ("Macron in an address to the nation Wednesday", "Lavrov at a news conference in Moscow"): back
 * from the verb over at most twelve words, none of which may open a clause, to a preposition right
 * after a person's or organisation's name that opens its sentence or follows a comma.
 */
function subjectBeforePhrase(ctx: Ctx, k: number, sentenceFirst: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  for (let j = k; j > sentenceFirst && j > k - 12; j--) {
    const t = tokens[j]!;
    if (t.text === ',' || t.text === ';' || CLAUSE_WORDS.has(t.lower) || INDIRECT_CUES.has(t.lower) || t.lower === 'and' || t.lower === 'but') return null;
    if (!PHRASE_OPENERS.has(t.lower)) continue;
    const e = ctx.entityAt.get(j - 1);
    if (!e || e.last !== j - 1 || (e.type !== 'person' && e.type !== 'organisation')) continue;
    if (e.first !== sentenceFirst && tokens[e.first - 1]?.text !== ',') continue;
    // A subject, so a later "he said" can refer to it.
    if (e.type === 'person' && !ctx.subjects.includes(e)) {
      const at = ctx.subjects.findIndex((s) => s.start > e.start);
      ctx.subjects.splice(at < 0 ? ctx.subjects.length : at, 0, e);
    }
    return hitFromEntity(e);
  }
  return null;
}

/** A lower-case description ending at token k; takes the name it is in apposition to, if any. */
function descriptionHit(ctx: Ctx, k: number, sentenceFirst: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  // A description ends in a noun: not in "and" ("the mayor smiled and said"), nor in a quote mark.
  if (CONJUNCTIONS.has(tokens[k]!.lower) || !/^[\p{L}-]+$/u.test(tokens[k]!.text)) return null;
  let j = k;
  while (j >= sentenceFirst && tokens[j]!.text !== ',' && tokens[j]!.text !== ':' && tokens[j]!.text !== ';' && j > k - 16) {
    const lw = tokens[j]!.lower;
    if (lw === 'a' || lw === 'an' || lw === 'the') break;
    j--;
  }
  if (j < sentenceFirst || tokens[j]!.text === ',') return bareGroup(ctx, j + 1, k);
  const det = tokens[j]!;
  if (det.lower !== 'a' && det.lower !== 'an' && det.lower !== 'the') return null;
  // "a corroded hinge that had been flagged in inspection notes": a clause, not someone speaking.
  for (let m = j + 1; m <= k; m++) if (CLAUSE_WORDS.has(tokens[m]!.lower)) return null;
  const comma = tokens[j - 1];
  if (comma && comma.text === ',') {
    const e = ctx.entityAt.get(j - 2);
    if (e && e.type === 'person' && e.last === j - 2) return hitFromEntity(e);
  }
  const titled = det.lower === 'the' ? personByTitle(ctx, j, k) : null;
  if (titled) return { ...hitFromEntity(titled, { start: det.start, end: tokens[k]!.end }), confidence: 0.7 };
  return { start: det.start, end: tokens[k]!.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
}

const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor']);

/** Words between a description and a name that make them two people ("an aide to", "a source close to"); "of" stays, for titles ("Minister of Defence"). */
const RELATING_WORDS = new Set(['to', 'for', 'with', 'near', 'from', 'by', 'about', 'at', 'close', 'against']);

/** Nouns of people that take no plural -s. */
const GROUP_NOUNS = new Set(['police', 'staff', 'people', 'personnel', 'clergy']);
/** Plurals that report without being people ("exit polls showed", "his remarks said"). */
const NOT_PEOPLE = new Set(['polls', 'reports', 'documents', 'records', 'figures', 'statements', 'comments', 'remarks', 'estimates', 'surveys', 'studies', 'results', 'numbers', 'filings', 'papers', 'minutes', 'emails', 'messages', 'texts', 'data', 'statistics', 'projections', 'forecasts', 'accounts', 'tweets', 'posts']);
/** Words that cannot sit inside a group's name: "but aides", "where authorities", "his aides". */
const NOT_IN_GROUP = new Set(['where', 'when', 'while', 'but', 'yet', 'and', 'or', 'as', 'because', 'if', 'though', 'although', 'so', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'which', 'who', 'that', 'than', 'then', 'also']);
const isGroupNoun = (t: Token): boolean => (/^[a-z]{3,}[^s]s$/.test(t.lower) && !NOT_PEOPLE.has(t.lower)) || GROUP_NOUNS.has(t.lower);

/**
 * A group without an article as the subject: "officials said", "Police said", "two diplomats told
 * reporters", "senior US officials said": up to three words, the last a plural noun of people.
 */
function bareGroup(ctx: Ctx, from: number, head: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  if (head - from > 2 || head < from) return null;
  const last = tokens[head]!;
  if (!isGroupNoun(last) || (last.cap && head !== from) || ctx.entityAt.has(head)) return null;
  for (let m = from; m < head; m++) if (!/^[\p{L}\d-]+$/u.test(tokens[m]!.text) || CLAUSE_WORDS.has(tokens[m]!.lower) || NOT_IN_GROUP.has(tokens[m]!.lower)) return null;
  // Only the sentence's first word may be capitalised (and names in the group: "US officials").
  if (last.cap && tokens[head]!.sentence === tokens[head - 1]?.sentence && !/^(?:,|[-–—]+)$/.test(tokens[head - 1]!.text)) return null;
  return { start: tokens[from]!.start, end: last.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
}

/** Words that make a phrase after "a"/"the" a clause rather than a description of a speaker. */
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'had', 'has', 'have', 'been', 'was', 'were', 'is', 'are', 'be', 'being']);

/**
 * "The minister said": the one person named earlier in the article with that title ("Infrastructure
 * Minister Tomas Varga", "Tomas Varga, the infrastructure minister,"). Words before the title narrow
 * it ("the Ukrainian president"); a capitalised one ("the German chancellor") must be among the
 * person's title words, so it never lands on another country's holder of the title; two people with
 * the title and nothing to tell them apart give null.
 */
function personByTitle(ctx: Ctx, det: number, head: number): EntitySpan | null {
  const { tokens } = ctx.doc;
  if (head - det > 3) return null;
  for (let m = det + 1; m <= head; m++) {
    const t = tokens[m]!;
    if (!/^[a-z-]+$/i.test(t.text) || (t.cap && (m === head || ctx.entityAt.get(m)?.type === 'person'))) return null;
  }
  const title = tokens[head]!.lower;
  const modifiers = tokens.slice(det + 1, head).map((t) => t.lower);
  const required = tokens.slice(det + 1, head).filter((t) => t.cap).map((t) => t.lower);
  const before = tokens[det]!.start;
  // Named before the description; failing that, later ("the government-appointed mediator said" in
  // a wire lead, "mediator Ruth Ekdahl told reporters" a paragraph on).
  return titledPerson(ctx, title, modifiers, required, (e) => e.start < before) ?? titledPerson(ctx, title, modifiers, required, (e) => e.start > before);
}

function titledPerson(ctx: Ctx, title: string, modifiers: string[], required: string[], where: (e: EntitySpan) => boolean): EntitySpan | null {
  const titled = new Map<string, { entity: EntitySpan; words: Set<string> }>();
  for (const e of ctx.entities) {
    if (e.type !== 'person' || !where(e)) continue;
    const { words, heads } = titleWords(ctx.doc.tokens, e);
    // The title's head noun: "the union" is not "union president Marek Olsen".
    if (!heads.has(title)) continue;
    const known = titled.get(e.name);
    if (known) for (const w of words) known.words.add(w);
    else titled.set(e.name, { entity: e, words });
  }
  let found = [...titled.values()].filter((f) => required.every((w) => f.words.has(w)));
  if (found.length > 1 && modifiers.length > 0) found = found.filter((f) => modifiers.every((w) => f.words.has(w)));
  return found.length === 1 ? found[0]!.entity : null;
}

/**
 * The words that may title a named person: up to four before the name ("the British Prime Minister,"),
 * and an apposition right after it ("Keir Starmer, the British prime minister,"), each stopping at
 * a word that relates someone else to the name: in "a source close to Mayor Lena Holt" the mayor is
 * Holt's title, the source is another person, and in "Lena Holt, an aide to the governor," the
 * governor is someone else.
 */
function titleWords(tokens: Token[], e: EntitySpan): { words: Set<string>; heads: Set<string> } {
  const words = new Set<string>();
  const heads = new Set<string>();
  const sentence = tokens[e.first]!.sentence;
  for (let m = e.nameFirst - 1; m >= Math.max(e.first - 4, 0) && tokens[m]!.sentence === sentence && !RELATING_WORDS.has(tokens[m]!.lower); m--) {
    // The word right before the name, or before its comma ("The Danish foreign minister, Lars Holm,").
    if (heads.size === 0 && /^[a-z-]+$/i.test(tokens[m]!.text)) heads.add(tokens[m]!.lower);
    words.add(tokens[m]!.lower);
  }
  // "Minister of Infrastructure Tomas Varga", "Chancellor of the Exchequer Ana Ruiz", "Minister for
  // Europe Lena Holt": the title's head is the word before "of"/"for" when only capitalised words
  // that are no title stand between it and the name ("the wife of President X" keeps "president").
  let m = e.nameFirst - 1;
  while (m >= 0 && m >= e.nameFirst - 3 && tokens[m]!.cap && tokens[m]!.sentence === sentence && !STRONG_PERSON_TITLES.has(tokens[m]!.lower)) m--;
  if (m < e.nameFirst - 1 && tokens[m]?.lower === 'the') m--;
  const title = tokens[m - 1];
  if (m < e.nameFirst - 1 && (tokens[m]?.lower === 'of' || tokens[m]?.lower === 'for') && title?.sentence === sentence && STRONG_PERSON_TITLES.has(title.lower)) {
    heads.add(title.lower);
    for (let k = m - 1; k < e.nameFirst; k++) words.add(tokens[k]!.lower);
  }
  const det = tokens[e.last + 2];
  if (tokens[e.last + 1]?.text === ',' && det && (det.lower === 'the' || det.lower === 'a' || det.lower === 'an') && det.sentence === sentence) {
    let head = '';
    for (let m = e.last + 3; m <= e.last + 7 && tokens[m] && tokens[m]!.sentence === sentence; m++) {
      const t = tokens[m]!;
      if (RELATING_WORDS.has(t.lower) || !/^[a-z-]+$/i.test(t.text)) break;
      words.add(t.lower);
      head = t.lower;
    }
    if (head) heads.add(head);
  }
  return { words, heads };
}

/** Subject starting at token index `start` (for "said Macron", "said the source"). */
function subjectStartingAt(ctx: Ctx, start: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  const t = tokens[start];
  if (!t) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron) {
    const ante = resolvePronoun(ctx, t.start, pron);
    return ante ? { start: t.start, end: t.end, speaker: ante.name, speakerStart: ante.start, speakerEnd: ante.end, named: true } : { start: t.start, end: t.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
  }
  const e = ctx.entityAt.get(start);
  // "said MIT Sloan professor Thomas W. Malone": a body before a job title and a name is the
  // person's employer, not the speaker.
  if (e && e.first === start && e.type !== 'person') {
    const person = personAfterTitle(ctx, e.last + 1);
    if (person) return hitFromEntity(person);
  }
  if (e && e.first === start && e.type !== 'place') {
    const after = tokens[e.last + 1];
    // "said people close to Halvard", "said a source familiar with X"; but "wrote Cameron Easley for Morning Consult" is Easley's.
    if (after && /^(?:close|near|familiar|to|for)$/.test(after.lower) && !(e.type === 'person' && after.lower === 'for')) return { start: e.start, end: e.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
    return hitFromEntity(e);
  }
  // "said 9/11 widow Ana Ruiz", "said former state senator Ana Ruiz": a bare description before the name.
  const described = nameAfterDescription(ctx, start);
  if (described) return described;
  // "said people close to Ines Duarte", "said officials in Tarrholm": a group that names nobody.
  if (COMMON_SOURCES.has(t.lower)) {
    let j = start + 1;
    while (tokens[j] && j < start + 8 && tokens[j]!.sentence === t.sentence && /^[\p{L}'’-]+$/u.test(tokens[j]!.text)) j++;
    return { start: t.start, end: tokens[j - 1]!.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
  }
  if (t.lower === 'a' || t.lower === 'an' || t.lower === 'the' || t.lower === 'one' || t.lower === 'another') {
    let j = start + 1;
    while (tokens[j] && !tokens[j]!.cap && /^\p{L}/u.test(tokens[j]!.text) && j < start + 4) j++;
    // "said the French president" resolves through the descriptor mention.
    const d = ctx.entityAt.get(start);
    if (d && d.type === 'person') return hitFromEntity(d);
    // "said the Rev. Peter Wherry": a titled name right after the article.
    const titled = j === start + 1 ? ctx.entityAt.get(j) : undefined;
    if (titled && titled.first === j && titled.type === 'person') return hitFromEntity(titled);
    const endTok = tokens[j - 1]!;
    // "said a spokesman, Ivan Petrov" -> the name in apposition.
    if (tokens[j]?.text === ',') {
      const e2 = ctx.entityAt.get(j + 1);
      if (e2 && e2.type === 'person') return hitFromEntity(e2);
    }
    return { start: t.start, end: endTok.end, speaker: null, speakerStart: null, speakerEnd: null, named: false };
  }
  return null;
}

/** A person named right after one to four lower-case words starting at `from` ("professor", "computer science professor"). */
function personAfterTitle(ctx: Ctx, from: number): EntitySpan | null {
  const { tokens } = ctx.doc;
  // "Harbourcast's Wren Calloway", "Harbourcast's chief engineer Wren Calloway".
  const possessive = /^['’]s$/.test(tokens[from]?.text ?? '');
  if (possessive) from++;
  for (let j = from; j < from + 5 && tokens[j]; j++) {
    const e = ctx.entityAt.get(j);
    if (e) return (j > from || possessive) && e.first === j && e.type === 'person' ? e : null;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j]!.text) || DESCRIPTION_STOP.test(tokens[j]!.lower)) return null;
  }
  return null;
}

/**
 * Verbs that introduce a direct quote but rarely anything else, kept out of REPORTING_VERBS because
 * the entity tagger's features are trained on that list.
 */
const QUOTE_CUES = new Set([
  'demanded', 'demands', 'yells', 'yell', 'exclaimed', 'exclaims', 'snapped', 'pleaded', 'begged', 'whispered',
  'muttered', 'screamed', 'screams', 'cried', 'chanted', 'shot', 'retorted', 'retorts', 'scoffed', 'sighed',
  'recounted', 'recounts', 'explains', 'shouting', 'yelling', 'demanding', 'recalling', 'replying', 'responding',
]);
const DESCRIPTION_STOP = /^(?:that|on|in|at|to|of|for|from|with|by|about|during|after|before|when|while|and|or|but|who|which|this|last|next|his|her|their|its)$/;

/** A person named right after a few lower-case (or numeric) description words, with no article. */
function nameAfterDescription(ctx: Ctx, start: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  const sentence = tokens[start]!.sentence;
  for (let j = start; j < start + 7 && tokens[j] && tokens[j]!.sentence === sentence; j++) {
    const e = ctx.entityAt.get(j);
    if (e) return j > start && e.first === j && e.type === 'person' ? hitFromEntity(e) : null;
    const w = tokens[j]!;
    // "said theCUBE's Savannah Peterson": a possessive inside the description.
    if (j > start && /^['’]s$/.test(w.text)) continue;
    if (w.cap || DESCRIPTION_STOP.test(w.lower) || !/^[\p{Ll}\d/-]/u.test(w.text) || /^(?:a|an|the|one|another)$/.test(w.lower) && j === start) return null;
  }
  return null;
}

const isCue = (t: Token | undefined): boolean => !!t && (REPORTING_VERBS.has(t.lower) || QUOTE_CUES.has(t.lower));
/** Cues that are also plural nouns ("one of the states", "the reports"), read as nouns after a determiner. */
const NOUN_CUES = new Set(['states', 'reports', 'claims', 'notes', 'charges', 'remarks', 'posts', 'estimates', 'tweets', 'promises', 'shot']);
const DETERMINER = /^(?:the|a|an|its|his|her|their|our|of|these|those|some|many|several|two|three|all)$/;
/** Token k comes after a determiner with at most two lower-case words between ("the suing states", "those false claims"). */
function nounAfterDeterminer(tokens: Token[], k: number, first: number): boolean {
  for (let j = k - 1; j >= first && j >= k - 3; j--) {
    const t = tokens[j]!;
    if (DETERMINER.test(t.lower)) return true;
    if (t.cap || !/^[\p{Ll}-]+$/u.test(t.text)) return false;
  }
  return false;
}
/**
 * A second verb of saying after "and" / "but" that takes over the clause ("... and warned against
 * hackers", "and said the ..."), not a word of the clause itself: "federal and state law" (a base
 * form before a noun), "and thought of the days".
 */
function secondCueAt(tokens: Token[], i: number): boolean {
  if (!isCueAt(tokens, i)) return false;
  const next = tokens[i + 1];
  if (next?.lower === 'of') return false;
  const base = !/(?:ed|s|ing)$/.test(tokens[i]!.lower) && !['told', 'wrote', 'thought', 'said'].includes(tokens[i]!.lower);
  return !base || !next || !/^\p{Ll}/u.test(next.text) || CLAUSE_OPENERS.has(next.lower) || DETERMINERS.has(next.lower) || next.lower === 'that';
}

function isCueAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!isCue(t)) return false;
  return !(NOUN_CUES.has(t!.lower) && DETERMINER.test(tokens[i - 1]?.lower ?? ''));
}

/** Speaker of a direct piece from the words after its closing mark: ", he said" / ", said X". */
function speakerAfter(ctx: Ctx, piece: Piece): SubjectHit | null {
  const { tokens } = ctx.doc;
  let k = firstStartingFrom(tokens, piece.closeIndex + 1);
  const first = tokens[k];
  if (!first) return null;
  if (ctx.doc.sentences[first.sentence]!.paragraph !== piece.paragraph) return null;
  // A byline after a dash: "“...” ― Maria Lopez".
  if (/^[―—–-]$/.test(first.text)) {
    const e = ctx.entityAt.get(k + 1);
    if (e && e.first === k + 1 && e.type === 'person') return hitFromEntity(e);
    const name = bylineName(ctx.doc, k + 1);
    if (name) return { ...name, confidence: 0.9 };
  }
  if (first.text === ',' || first.text === '—' || first.text === '–') k++;
  const t = tokens[k];
  if (!t) return null;
  if (isCue(t) && !t.cap) return subjectStartingAt(ctx, k + 1);
  // A quote closed by a full stop ends its sentence: what follows is a new sentence, not its cue.
  if (/\.$/.test(ctx.doc.text.slice(piece.start, piece.end)) && t.cap && !PRONOUNS.get(t.lower)) return null;
  // "“...,” Leonard E. Burman, director of ... and a professor at ..., said": a long apposition
  // between the name and its verb, closed by a comma right before the verb.
  const named = ctx.entityAt.get(k);
  if (named && named.first === k && named.type === 'person' && tokens[named.last + 1]?.text === ',') {
    for (let j = named.last + 2; j < named.last + 40 && tokens[j] && tokens[j]!.sentence === tokens[k]!.sentence; j++) {
      if (/^[“"«]$/.test(tokens[j]!.text)) break;
      if (isCueAt(tokens, j) && tokens[j - 1]?.text === ',') return hitFromEntity(named);
    }
  }
  // Subject then cue: "he said", "Macron said", "the minister told reporters".
  for (let j = k; j < k + 12 && tokens[j]; j++) {
    if (tokens[j]!.sentence !== first.sentence && ctx.doc.sentences[tokens[j]!.sentence]!.paragraph !== piece.paragraph) break;
    if (isCueAt(tokens, j) && j > k) {
      const hit = subjectEndingAt(ctx, j - 1, k);
      if (hit) return hit;
      // "“...” with the biggest employers, said Jan Lipp, a professor": the quote's own sentence goes
      // on and names its speaker after the verb.
      if (tokens[j - 1]!.text === ',' && !tokens[j]!.cap && !/ing$/.test(tokens[j]!.lower)) {
        const after = subjectStartingAt(ctx, j + 1);
        if (after?.named) return after;
      }
      break;
    }
    // "Mr." and "(D-Md.)" / ", R-Ky.," do not end the attribution.
    if (/^[.!?“"«]$/.test(tokens[j]!.text) && !ctx.entityAt.has(j) && !(tokens[j]!.text === '.' && /^[),]$/.test(tokens[j + 1]?.text ?? ''))) break;
  }
  return nameBeforeCue(ctx, k, piece);
}

const HONORIFIC = /^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen)$/;

/**
 * `“...,” Mr. King added` / `“...?” Vitter demanded` / `“...,” Ana Ruiz of the Farmers' Union said`:
 * capitalised words (after an optional title) between the closing mark and a reporting verb name
 * the speaker even when no entity was recognised there.
 */
function nameBeforeCue(ctx: Ctx, k: number, piece: Piece): SubjectHit | null {
  const { tokens, text } = ctx.doc;
  // A quote that ends its sentence with a full stop is followed by a new sentence, not by its cue.
  if (/\.$/.test(text.slice(piece.start, piece.end))) return null;
  let j = k;
  if (tokens[j] && HONORIFIC.test(tokens[j]!.lower)) { j++; if (tokens[j]?.text === '.') j++; }
  const nameStart = j;
  // Capitalised words, with the full stop of an initial ("Vann R. Newkirk II").
  while (tokens[j] && j < nameStart + 6 && (/^\p{Lu}/u.test(tokens[j]!.text) || (tokens[j]!.text === '.' && j > nameStart && /^\p{Lu}$/u.test(tokens[j - 1]!.text)))) j++;
  if (j === nameStart) return null;
  const nameEnd = j - 1;
  // A party tag "(R-Ohio)" and an apposition ", the attorney general of Oklahoma," before the verb.
  if (tokens[j]?.text === '(') {
    for (let close = j + 1; close < j + 6 && close < tokens.length; close++) {
      if (tokens[close]!.text === ')') { j = close + 1; break; }
    }
  }
  // Up to two appositions: ", the attorney general of Oklahoma, one of the states suing the EPA,".
  let appositions = 0;
  while (tokens[j]?.text === ',' && appositions < 2) {
    let c = j + 1;
    while (tokens[c] && c < j + 14 && tokens[c]!.text !== ',' && !/^[.!?“”"«»]$/.test(tokens[c]!.text) && !isCueAt(tokens, c)) c++;
    if (tokens[c]?.text !== ',' || c === j + 1) break;
    appositions++;
    j = c;
    if (isCue(tokens[c + 1])) break;
  }
  if (appositions > 0 && tokens[j]?.text === ',') j++;
  // "of the Sierra Club", "from Acme": the speaker's affiliation before the verb.
  if (/^(?:of|from|at)$/.test(tokens[j]?.lower ?? '')) {
    const stop = j + 7;
    j++;
    while (tokens[j] && j < stop && !isCue(tokens[j]) && (tokens[j]!.cap || tokens[j]!.lower === 'the')) j++;
  }
  const cue = tokens[j];
  if (!cue || !isCue(cue) || cue.cap || /ing$/.test(cue.lower)) return null;
  const e = ctx.entityAt.get(nameStart);
  if (e && e.type === 'person' && e.last <= nameEnd) return hitFromEntity(e);
  const start = tokens[k]!.start;
  const end = tokens[nameEnd]!.end;
  return { start, end, speaker: text.slice(start, end), speakerStart: start, speakerEnd: end, named: true, confidence: 0.9 };
}

/** Two to four capitalised words that end their line: the signature of a quote ("― Ana Ruiz"). */
function bylineName(doc: TokenizedText, from: number): SubjectHit | null {
  const { tokens, text } = doc;
  let k = from;
  while (tokens[k] && tokens[k]!.sentence === tokens[from]!.sentence && (tokens[k]!.cap || tokens[k]!.text === '.') && k < from + 6) k++;
  const words = tokens.slice(from, k).filter((t) => t.cap).length;
  if (words < 2 || words > 4 || tokens[from]?.cap !== true) return null;
  const after = tokens[k];
  if (after && after.sentence === tokens[from]!.sentence && !/^[.,]$/.test(after.text)) return null;
  let last = k - 1;
  if (tokens[last]!.text === '.') last--;
  const start = tokens[from]!.start;
  const end = tokens[last]!.end;
  const speaker = text.slice(start, end);
  return { start, end, speaker, speakerStart: start, speakerEnd: end, named: true };
}

/** Speaker from the words before the opening mark in the same sentence: "Mr. X said:". */
function speakerBefore(ctx: Ctx, piece: Piece): SubjectHit | null {
  const { tokens, sentences } = ctx.doc;
  const openTok = firstStartingFrom(tokens, piece.openIndex);
  const tok = tokens[openTok];
  if (!tok) return null;
  const sentence = sentences[tok.sentence]!;
  let k = openTok - 1;
  if (k < sentence.first) return null;
  if (tokens[k]!.text === ':' || tokens[k]!.text === ',') k--;
  // "said X:" / "X said:" / "X told reporters:" / "according to X,"
  for (let j = k; j >= sentence.first && j > k - 6; j--) {
    const t = tokens[j]!;
    if (/^[”"»]$/.test(t.text)) break;
    if (isCue(t)) {
      // "Trump attacked Clinton, saying, “...”": the subject of the sentence speaks.
      if (/ing$/.test(t.lower)) {
        // "footage of Ana Ruiz asking, “...”": the person right before the participle speaks.
        const doer = ctx.entityAt.get(j - 1);
        if (doer && doer.type !== 'place' && doer.last === j - 1) return { ...hitFromEntity(doer), confidence: 0.85 };
        const subject = sentenceSubject(ctx, sentence.first, j);
        return subject ? { ...subject, confidence: 0.85 } : null;
      }
      // "Schiff told CBS, “...”": the object of "told" is the listener.
      const after = /^tell|^told/.test(t.lower) ? null : subjectStartingAt(ctx, j + 1);
      if (after && after.named) return after;
      // "She urges him to stop and repeatedly says, “...”": the second of two verbs shares the subject.
      let v = j - 1;
      while (v > sentence.first && SKIPPABLE.has(tokens[v]!.lower)) v--;
      if (tokens[v]?.lower === 'and') {
        const subject = sentenceSubject(ctx, sentence.first, v);
        if (subject) return { ...subject, confidence: 0.85 };
      }
      const hit = subjectEndingAt(ctx, j - 1, sentence.first);
      if (hit) return hit;
      return after;
    }
    if (t.lower === 'to' && tokens[j - 1]?.lower === 'according') return subjectStartingAt(ctx, j + 1);
  }
  return null;
}

/**
 * The speaker of a reporting verb that is the second of two verbs sharing a subject: the sentence's
 * subject ("Mayor Ana Ruiz met the engineers and said ..."), or the name in apposition to it
 * ("Halvard Terminals' chief executive, Claudia Weiss, called the strike disproportionate and said
 * ..."). Null when the verb does not follow "and", or the subject is no name.
 */
function coordinatedSubject(ctx: Ctx, first: number, cue: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  let v = cue - 1;
  while (v > first && SKIPPABLE.has(tokens[v]!.lower)) v--;
  // "... and said", "... but said": the verbs share the subject.
  if (tokens[v]?.lower !== 'and' && tokens[v]?.lower !== 'but') return null;
  const opening = sentenceSubject(ctx, first, v);
  const possessive = opening && /^['’]s?$/.test(tokens[firstStartingFrom(tokens, opening.end)]?.text ?? '');
  if (opening && !possessive) return opening;
  // The first comma of the sentence opens the apposition: ", Claudia Weiss,".
  let comma = first;
  while (comma < v && tokens[comma]!.text !== ',') comma++;
  const e = ctx.entityAt.get(comma + 1);
  if (e && e.first === comma + 1 && e.type === 'person' && tokens[e.last + 1]?.text === ',' && e.last < v) return hitFromEntity(e);
  return null;
}

/** The person (or pronoun) that opens a sentence, for participle cues ("..., saying"). */
function sentenceSubject(ctx: Ctx, first: number, cue: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  let k = first;
  // Opening adverbials ("During a speech in Ohio on Monday, Ana Ruiz ...", "At 5am on Wednesday,
  // after 19 hours of talks, Ruth Ekdahl ..."): the subject follows their commas.
  for (let adverbials = 0; adverbials < 3 && /^(?:during|after|before|in|on|at|while|when|following|despite|speaking|as)$/.test(tokens[k]?.lower ?? ''); adverbials++) {
    let c = k + 1;
    while (c < cue && c < k + 16 && tokens[c]!.text !== ',') c++;
    if (c < cue && tokens[c]!.text === ',') k = c + 1;
    else break;
  }
  while (k < cue && /^(?:[,"“”]|on|in|at|during|after|before|earlier|later|the|a|an|\p{Ll}+ly)$/u.test(tokens[k]!.lower) && !ctx.entityAt.has(k)) k++;
  // "Rival Hillary Clinton had mocked ...", "Democratic presidential nominee Hillary Clinton chimed in
  // ...": words of description before the person's name.
  if (!ctx.entityAt.has(k)) {
    for (let j = k + 1; j < cue && j <= k + 4; j++) {
      const w = tokens[j - 1]!;
      if (!/^[\p{L}-]+$/u.test(w.text) || CLAUSE_WORDS.has(w.lower) || INDIRECT_CUES.has(w.lower) || PRONOUNS.has(w.lower)) break;
      const e = ctx.entityAt.get(j);
      if (e && e.first === j && e.type === 'person') { k = j; break; }
    }
  }
  const t = tokens[k];
  if (!t) return null;
  const pron = PRONOUNS.get(t.lower);
  if (pron) {
    const ante = resolvePronoun(ctx, t.start, pron);
    return ante ? { start: t.start, end: t.end, speaker: ante.name, speakerStart: ante.start, speakerEnd: ante.end, named: true } : null;
  }
  const e = ctx.entityAt.get(k);
  if (!e || e.first !== k || e.type === 'place') return null;
  // "Norholm Central Bank governor Ingrid Halloran ...": the body's officer is the subject, not the body.
  if (e.type === 'organisation') {
    const next = ctx.entityAt.get(e.last + 1);
    const officer = next && next.first === e.last + 1 && next.type === 'person' ? next : personAfterTitle(ctx, e.last + 1);
    if (officer && officer.first < cue) return hitFromEntity(officer);
  }
  return hitFromEntity(e);
}

/** "His former partner, Ana Ruiz, called him...": a description with the name in apposition opens the sentence. */
function appositiveSubject(ctx: Ctx, first: number, last: number): SubjectHit | null {
  const { tokens } = ctx.doc;
  let c = first;
  while (c < last && c < first + 12 && tokens[c]!.text !== ',') c++;
  if (tokens[c]?.text !== ',' || c === first) return null;
  const e = ctx.entityAt.get(c + 1);
  if (!e || e.type !== 'person' || e.first !== c + 1 || tokens[e.last + 1]?.text !== ',') return null;
  if (!/^(?:his|her|their|the|a|an)$/.test(tokens[first]!.lower)) return null;
  return hitFromEntity(e);
}

/** "..., Schiff said. “More words.”": a quote opening a sentence continues the attribution just made. */
function previousSentenceSpeaker(ctx: Ctx, sentenceIndex: number): SubjectHit | null {
  const { tokens, sentences } = ctx.doc;
  const s = sentences[sentenceIndex]!;
  const prev = sentences[sentenceIndex - 1];
  // The sentence before in the paragraph, or a paragraph that introduces the quote with a colon ("He said: ¶ “...”").
  const introduced = prev !== undefined && prev.paragraph === s.paragraph - 1 && tokens[prev.last - 1]!.text === ':';
  if (!prev || (prev.paragraph !== s.paragraph && !introduced) || tokens[s.first]!.start !== s.start) return null;
  for (let j = prev.last - 1; j >= prev.first && j > prev.last - 16; j--) {
    const t = tokens[j]!;
    if (/^[”"»’]$/.test(t.text) && j < prev.last - 2) return null;
    if (!isCue(t) || t.cap) continue;
    const after = subjectStartingAt(ctx, j + 1);
    if (after?.named) return after;
    const before = subjectEndingAt(ctx, j - 1, prev.first);
    return before?.named ? before : null;
  }
  return null;
}

/** Whether a piece is a quote of its own rather than a few words woven into a sentence. */
function isTitleCase(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => /^\p{L}{5,}/u.test(w));
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w));
}

function isStandalone(ctx: Ctx, piece: Piece): boolean {
  const { tokens, sentences, text } = ctx.doc;
  const openTok = firstStartingFrom(tokens, piece.openIndex);
  const tok = tokens[openTok];
  if (!tok) return false;
  const sentence = sentences[tok.sentence]!;
  const prev = tokens[openTok - 1];
  const inner = text.slice(piece.start, piece.end).trim();
  const wordCount = inner.split(/\s+/).length;
  // A single quoted word without punctuation is a scare quote or a title ("a ‘historic’ deal").
  if (wordCount === 1 && !piece.openEnd && !/[.!?,]$/.test(inner)) return false;
  // A title in quotes ("How To Schedule Notes on Substack", "The Art of the Deal"): every longer word capitalised, no closing punctuation.
  if (!piece.openEnd && !/[.!?,…]$/.test(inner) && isTitleCase(inner)) return false;
  // A transcript turn ("WALLACE: Let's start...") is a script line, not a quote reported in the story.
  if (/^\p{Lu}[\p{Lu} .'-]{2,}:\s/u.test(inner)) return false;
  // Lower-case words run straight into the sentence ("said “the question is timing”", "believe “that
  // ...”"): a phrase woven into indirect speech. A split quote's second half follows a comma.
  if (/^\p{Ll}/u.test(inner) && prev && prev.sentence === tok.sentence && /^[\p{L}\d]/u.test(prev.text)) return false;
  if (!prev || openTok === sentence.first || prev.sentence !== tok.sentence) {
    // Sentence-initial: standalone unless a lower-case verb follows right after the close ("“X” was a hit").
    const closeTok = tokens[firstStartingFrom(tokens, piece.closeIndex + 1)];
    if (closeTok && closeTok.sentence === tok.sentence && !piece.openEnd && /^\p{Ll}/u.test(closeTok.text) && !/[,.!?;:—–-]$/.test(inner)) {
      return isCue(closeTok) || !!PRONOUNS.get(closeTok.lower);
    }
    return wordCount >= 2 || /[.!?,]$/.test(inner);
  }
  // "said that, “...”": the quote is the complement of "that", part of an indirect statement.
  if (prev.lower === 'that' || (prev.text === ',' && tokens[openTok - 2]?.lower === 'that')) return false;
  if (prev.text === ':') return true;
  if (isCue(prev)) return true;
  if (prev.text === ',' || prev.text === '—') {
    for (let j = openTok - 2; j >= sentence.first && j > openTok - 8; j--) if (isCue(tokens[j])) return true;
  }
  if (/^[”"»]$/.test(prev.text)) return true; // "...," "..." runs of quotes
  return false;
}

/** Finds direct and indirect quotes with speakers in a tokenized article. */
export function findQuotes(doc: TokenizedText, entities: EntitySpan[]): QuoteFinding[] {
  const { sentences, text } = doc;
  const entityAt = new Map<number, EntitySpan>();
  for (const e of entities) for (let k = e.first; k <= e.last; k++) entityAt.set(k, e);
  const subjects = entities.filter((e) => e.type === 'person' && isSubjectMention(doc, e));
  const ctx: Ctx = { doc, entities, entityAt, subjects, genders: new Map() };

  const out: QuoteFinding[] = [];
  const pieces = findPieces(doc);
  const standalone = pieces.map((p) => isStandalone(ctx, p));
  const hits: Array<SubjectHit | null> = pieces.map((p, i) => (standalone[i] ? speakerAfter(ctx, p) ?? speakerBefore(ctx, p) : null));
  // Carry the speaker to neighbouring pieces of the same quote: split quotes, follow-on sentences,
  // and paragraphs that continue an unclosed quote.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < pieces.length; i++) {
      if (!standalone[i] || hits[i]) continue;
      const p = pieces[i]!;
      const prev = pieces[i - 1];
      const next = pieces[i + 1];
      const prevHit = hits[i - 1];
      const nextHit = hits[i + 1];
      if (prev && prevHit && standalone[i - 1] && (prev.paragraph === p.paragraph || (prev.openEnd && prev.paragraph === p.paragraph - 1))) hits[i] = { ...prevHit };
      else if (next && nextHit && standalone[i + 1] && next.paragraph === p.paragraph && !/[.!?]$/.test(text.slice(p.start, p.end))) hits[i] = { ...nextHit };
      else if (next && nextHit && standalone[i + 1] && p.openEnd && next.paragraph === p.paragraph + 1) hits[i] = { ...nextHit };
    }
  }
  // Still unattributed and opening its sentence: the attribution just before it ("..., Schiff said. “...”").
  for (let i = 0; i < pieces.length; i++) {
    if (!standalone[i] || hits[i]) continue;
    const openIndex = firstStartingFrom(doc.tokens, pieces[i]!.openIndex);
    const open = doc.tokens[openIndex];
    if (!open || sentences[open.sentence]!.first !== openIndex) continue;
    const carried = previousSentenceSpeaker(ctx, open.sentence);
    if (carried) hits[i] = { ...carried, confidence: 0.8 };
    else {
      // "Ana Ruiz, who lost the primary, called it a turning point. “...”": the person the sentence
      // before was about goes on speaking.
      const prev = sentences[open.sentence - 1];
      if (!prev || prev.paragraph !== sentences[open.sentence]!.paragraph || /[“”"«»]/.test(text.slice(prev.start, prev.end))) continue;
      const subject = sentenceSubject(ctx, prev.first, prev.last) ?? appositiveSubject(ctx, prev.first, prev.last);
      if (subject?.named) hits[i] = { ...subject, confidence: 0.65 };
    }
  }
  // A paragraph made of a quote alone, right after a paragraph whose last quote was attributed:
  // the same speaker goes on ("“...,” he said. ¶ “And more.”").
  for (let i = 1; i < pieces.length; i++) {
    if (!standalone[i] || hits[i]) continue;
    const p = pieces[i]!;
    const prev = pieces[i - 1]!;
    const prevHit = hits[i - 1];
    if (!prevHit || !standalone[i - 1] || prev.paragraph !== p.paragraph - 1 || !prevHit.named) continue;
    const openIndex = firstStartingFrom(doc.tokens, p.openIndex);
    const open = doc.tokens[openIndex];
    if (!open || sentences[open.sentence]!.first !== openIndex || (open.sentence > 0 && sentences[open.sentence - 1]!.paragraph === p.paragraph)) continue;
    if (!p.openEnd && text.slice(p.closeIndex + 1, p.paragraphEnd).trim() !== '') continue;
    hits[i] = { ...prevHit, confidence: 0.7 };
  }
  // A paragraph that opens a quote mark and never closes it, with nobody to say it and no open quote
  // before it to continue, is a formatting mark (transcripts, pasted posts), not a reported quote.
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const prev = pieces[i - 1];
    if (standalone[i] && !hits[i] && p.openEnd && !(prev?.openEnd && prev.paragraph === p.paragraph - 1 && hits[i - 1])) standalone[i] = false;
  }
  const directRanges: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < pieces.length; i++) {
    if (!standalone[i]) continue;
    const p = pieces[i]!;
    const h = hits[i] ?? null;
    directRanges.push({ start: p.openIndex, end: p.closeIndex + 1 });
    out.push({
      text: text.slice(p.start, p.end), start: p.start, end: p.end, direct: true,
      speaker: h?.speaker ?? null, speakerStart: h?.speakerStart ?? null, speakerEnd: h?.speakerEnd ?? null,
      sourceStart: h?.start ?? null, sourceEnd: h?.end ?? null,
      confidence: h ? (h.named ? h.confidence ?? 0.95 : 0.6) : 0.3,
    });
  }
  for (const s of sentences) findIndirect(ctx, s.first, s.last, directRanges, out);
  out.push(...findTranscriptTurns(text, entities));
  out.sort((a, b) => a.start - b.start);
  // "the source" after "a source close to the mayor" is that source again.
  const described = new Map<string, string>();
  for (const finding of [...out].sort((a, b) => (a.sourceStart ?? a.start) - (b.sourceStart ?? b.start))) {
    if (finding.speaker !== null || finding.sourceStart === null || finding.sourceEnd === null) continue;
    const attribution = describedSource(ctx, finding.sourceStart, finding.sourceEnd) ?? oneOfGroup(ctx, finding, described);
    if (!attribution) continue;
    // "the union said" in an article that names one body called "... Union": that body.
    const body = organisationByHead(ctx, attribution, finding.sourceStart);
    if (body) {
      finding.speaker = body.name;
      finding.speakerStart = body.start;
      finding.speakerEnd = body.end;
      continue;
    }
    // "a spokesman for one Norholm-based line, Vestby Shipping": the line speaks, through its spokesman.
    const voiced = bodyVoicedBy(ctx, attribution, finding.sourceStart, finding.sourceEnd);
    if (voiced) {
      finding.speaker = voiced.name;
      finding.speakerStart = voiced.start;
      finding.speakerEnd = voiced.end;
      finding.attribution = attribution;
      continue;
    }
    const [opener, head, ...rest] = attribution.toLowerCase().split(/\s+/);
    const earlier = opener === 'the' && rest.length === 0 && head ? described.get(head) : undefined;
    finding.attribution = earlier ?? attribution;
    if (head && !earlier) described.set(head, attribution);
  }
  // Reported speech whose source is neither named, nor described, nor a pronoun ("the labels ... say
  // something like"): a verb of saying used of a thing, not a quote.
  return out.filter((f) => f.direct || f.speaker !== null || f.attribution !== undefined || f.sourceStart === null
    || PRONOUNS.has(text.slice(f.sourceStart, f.sourceEnd ?? f.sourceStart).toLowerCase()));
}

/** "a spokesman for", "a representative of", "a press officer at": someone who speaks for a body. */
const VOICE_OF = /^(?:a|an|the|one)\s+(?:[\p{L}-]+\s+)?(?:spokes(?:man|woman|person)|representative|press\s+(?:officer|secretary))\s+(?:for|of|at)\s+/iu;

/**
 * The organisation a spokesperson's description names ("a spokesman for one Norholm-based line,
 * Vestby Shipping"): the mention within the description's reach, the last one it names.
 */
function bodyVoicedBy(ctx: Ctx, attribution: string, sourceStart: number, sourceEnd: number): EntitySpan | null {
  if (!VOICE_OF.test(attribution)) return null;
  let found: EntitySpan | null = null;
  for (const e of ctx.entities) {
    if (e.type !== 'organisation' || e.end < sourceStart - attribution.length || e.start > sourceEnd + attribution.length) continue;
    if (attribution.includes(e.text) && (!found || e.start > found.start)) found = e;
  }
  return found;
}

/**
 * The one organisation the article names whose name ends in the head of "the <head>" ("the union":
 * "the Brennmouth Dockers' Union", "the bank": "Norholm Central Bank"), or null when there is none
 * or more than one. A name with a nationality in it ("European Union") is left alone: "the union"
 * in a story about a strike is seldom the EU.
 */
function organisationByHead(ctx: Ctx, attribution: string, at: number): EntitySpan | null {
  const m = /^the (\p{Ll}+)$/u.exec(attribution);
  if (!m) return null;
  const head = m[1]!;
  const { tokens } = ctx.doc;
  const sentence = tokens[Math.min(tokens.length - 1, firstStartingFrom(tokens, at))]?.sentence ?? 0;
  // Bodies whose name ends in the head: "Norholm Central Bank", and in one word "Norbank".
  const named = new Map<string, EntitySpan>();
  const near = new Map<string, EntitySpan>();
  for (const e of ctx.entities) {
    if (e.type !== 'organisation') continue;
    const words = e.name.toLowerCase().split(/\s+/);
    const last = words[words.length - 1]!;
    const ends = words.length > 1 ? last === head : last.length > head.length + 2 && last.endsWith(head);
    if (!ends || words.some((w) => DEMONYMS.has(w))) continue;
    named.set(e.name, e);
    // Named in this sentence or the one before: "Norbank's shares rose. ..., the bank said."
    const s = tokens[e.first]!.sentence;
    if (e.start < at && s >= sentence - 1) near.set(e.name, e);
  }
  if (near.size > 0) return near.size === 1 ? near.values().next().value! : null;
  return named.size === 1 ? named.values().next().value! : null;
}

/**
 * "said one, who asked not to be named" after "Several younger dockers said ...": one of the group
 * described last ("one of several younger dockers").
 */
function oneOfGroup(ctx: Ctx, finding: QuoteFinding, described: Map<string, string>): string | null {
  if (ctx.doc.text.slice(finding.sourceStart!, finding.sourceEnd!).toLowerCase() !== 'one') return null;
  let group: string | null = null;
  for (const attribution of described.values()) group = attribution;
  return group && / \p{L}+s$/u.test(group) && !/^one of /.test(group) ? `one of ${group}` : null;
}

/** Words that open a description of an unnamed source: "a source", "two diplomats", "the ministry". */
const DESCRIPTION_OPENERS = /^(?:a|an|the|one|two|three|four|five|six|several|some|many|\d+)$/;
/** Words that tie a description to what follows it: "a source close to", "a spokesperson for". */
const DESCRIPTION_LINKS = new Set(['to', 'of', 'for', 'with', 'in', 'at', 'from', 'on', 'inside', 'within', 'near', 'by', 'across']);
const isWord = (t: Token | undefined): t is Token => !!t && /^[\p{L}\d][\p{L}\d.'’-]*$/u.test(t.text);

/**
 * The whole description of an unnamed source, from the part of it the speaker search stopped at:
 * "a spokesperson for [the port authority]" reaches back to its opening word, "[a source close to]
 * President Emmanuel Macron" on to the reporting verb (or, after the verb, to the end of the
 * phrase). A lone pronoun or article is no description.
 */
function describedSource(ctx: Ctx, start: number, end: number): string | null {
  const { tokens, text } = ctx.doc;
  let first = firstStartingFrom(tokens, start);
  let last = first;
  while (tokens[last + 1] && tokens[last + 1]!.end <= end) last++;
  const sentence = tokens[first]?.sentence;
  if (sentence === undefined) return null;
  // Back over "<opener> ... <link>" while the span is the object of a link word.
  for (let guard = 0; guard < 3; guard++) {
    const link = tokens[first - 1];
    if (!link || !DESCRIPTION_LINKS.has(link.lower)) break;
    let j = first - 2;
    while (j >= first - 8 && isWord(tokens[j]) && tokens[j]!.sentence === sentence && !DESCRIPTION_OPENERS.test(tokens[j]!.lower) && !isCue(tokens[j])) j--;
    // "People close to the talks said": a group noun opening the sentence opens the description.
    const group = tokens[j + 1];
    if (j + 1 < first - 1 && group && isGroupNoun(group) && group.sentence === sentence && (j + 1 === ctx.doc.sentences[sentence]!.first || tokens[j]?.text === ',')) { first = j + 1; break; }
    if (!isWord(tokens[j]) || tokens[j]!.sentence !== sentence || !DESCRIPTION_OPENERS.test(tokens[j]!.lower)) break;
    first = j;
  }
  // On to the reporting verb ("... close to President Emmanuel Macron said"), or to the end of the
  // phrase when the verb came first ("said a spokesperson for the port authority.").
  const verbBefore = isCue(tokens[first - 1]);
  let k = last + 1;
  while (k <= last + 8 && isWord(tokens[k]) && tokens[k]!.sentence === sentence && !isCue(tokens[k]) && !(verbBefore && RELATIVE_WORDS.has(tokens[k]!.lower))) k++;
  // "said a former union official who sat across the table from her": up to the relative clause.
  if (k > last + 1 && (verbBefore ? !isWord(tokens[k]) || RELATIVE_WORDS.has(tokens[k]!.lower) : isCue(tokens[k]))) last = k - 1;
  // "Several former RT journalists have complained": the auxiliary and adverbs before the verb are not the description's.
  while (last > first && !verbBefore && SKIPPABLE.has(tokens[last]!.lower)) last--;
  // "said people close to Ines Duarte": a usual group of sources after the verb opens one too.
  const described = last > first && (DESCRIPTION_OPENERS.test(tokens[first]!.lower) || (verbBefore && COMMON_SOURCES.has(tokens[first]!.lower)));
  if (!described && !isGroupNoun(tokens[last]!)) return null;
  // "a spokesman for one Norholm-based line, Vestby Shipping, said": the body named in apposition belongs to it.
  const body = tokens[last + 1]?.text === ',' ? ctx.entityAt.get(last + 2) : undefined;
  if (body && body.type === 'organisation' && body.first === last + 2 && tokens[body.last + 1]?.text === ',' && isCue(tokens[body.last + 2])) last = body.last;
  const phrase = text.slice(tokens[first]!.start, tokens[last]!.end);
  // A description is words: not a span across a clause break, a quotation or an aside.
  if (/[;:“”"«»„—–()[\]]/.test(phrase)) return null;
  // "Senior officials" opening a sentence are senior officials.
  const opens = first === ctx.doc.sentences[sentence]!.first || /^[-–—]+$/.test(tokens[first - 1]?.text ?? '');
  // "Officials said" is officials, "Democrats said" stays Democrats: a lone capitalised group is
  // lowered only when it is a common noun (written in lower case in the article, or a usual source).
  const common = first !== last || ctx.doc.lowerWords.has(tokens[first]!.lower) || COMMON_SOURCES.has(tokens[first]!.lower);
  return opens && common && !ctx.entityAt.has(first) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/** Plural sources usually written in lower case. */
const COMMON_SOURCES = new Set(['officials', 'sources', 'authorities', 'police', 'witnesses', 'residents', 'analysts', 'experts', 'people', 'investigators', 'prosecutors', 'lawmakers', 'diplomats', 'aides', 'economists', 'doctors', 'scientists', 'researchers', 'activists', 'organisers', 'organizers', 'rescuers', 'firefighters', 'workers', 'traders', 'critics']);

const RELATIVE_WORDS = new Set(['who', 'whom', 'whose', 'which', 'that']);

function isSubjectMention(doc: TokenizedText, e: EntitySpan): boolean {
  const { tokens, sentences } = doc;
  const s = sentences[tokens[e.first]!.sentence]!;
  const after = tokens[e.last + 1];
  const before = tokens[e.first - 1];
  // "led by Edvard Lind, a retired judge": the object of a preposition is no subject.
  if (before && /^(?:to|of|for|with|from|by|at|about|and|in|on)$/.test(before.lower)) return false;
  if (after && (isCue(after) || after.text === ',')) return true;
  // Near the start of its sentence, with no lower-case verb before it.
  if (e.first - s.first > 8) return false;
  for (let k = s.first; k < e.first; k++) if (isCue(tokens[k])) return false;
  return true;
}

function overlapsAny(start: number, end: number, ranges: Array<{ start: number; end: number }>): boolean {
  return ranges.some((r) => start < r.end && r.start < end);
}

// Plain loops rather than closures over findIndirect's loop variables: a closure there makes every
// token of every sentence allocate the variables it captures.
function anyWithin(ranges: Array<{ start: number; end: number }>, from: number, to: number): boolean {
  for (const r of ranges) if (r.start >= from && r.end <= to) return true;
  return false;
}

function insideAny(ranges: Array<{ start: number; end: number }>, offset: number): boolean {
  for (const r of ranges) if (r.start <= offset && offset < r.end) return true;
  return false;
}

function anyStartingAt(ranges: Array<{ start: number; end: number }>, start: number): boolean {
  for (const r of ranges) if (r.start === start) return true;
  return false;
}

/** "X said (that) ..." and "..., X said." in one sentence. */
function findIndirect(ctx: Ctx, sentenceFirst: number, last: number, direct: Array<{ start: number; end: number }>, out: QuoteFinding[]): void {
  const { tokens, text } = ctx.doc;
  const first = afterDateline(tokens, sentenceFirst, last);
  if (tokens[first]?.lower === 'as' && asAttribution(ctx, first, last, direct, out)) return;
  for (let k = first; k < last; k++) {
    const cue = tokens[k]!;
    if (cue.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      if (accordingTo(ctx, first, k, last, direct, out)) return;
      continue;
    }
    // "He is claiming that ...", "Trump’s arguing that ...": a progressive verb of saying after its auxiliary.
    const progressive = PROGRESSIVE_CUES.has(cue.lower) && /^(?:is|are|was|were|’s|'s|’re|'re)$/.test(tokens[k - 1]?.lower ?? '');
    // "Aasland welcomed the decision, saying it would ...", "..., telling the committee that ...": a
    // participle after a comma says what the sentence's subject said.
    // "responded by saying his refusal ...": after "by" too.
    const participle = !progressive && PARTICIPLE_CUES.has(cue.lower) && (tokens[k - 1]?.text === ',' || tokens[k - 1]?.lower === 'by') && k - 1 > first;
    // "Clinton called her vote a mistake": naming something so is saying it is so (not "called for",
    // "was called", "a man called Ruiz").
    const named = tokens[k + 1];
    const objectAt = named && /^(?:a|an|the|an?other|snap|early|fresh|new)$/.test(named.lower) ? k + 2 : k + 1;
    // "called the strike on Monday" convened it; "called the strike “reckless”" or "a mistake" judged it.
    const convened = CALLED_EVENTS.has(tokens[objectAt]?.lower ?? '') && !/^(?:["“‘'«]|a|an)$/.test(tokens[objectAt + 1]?.lower ?? '');
    const naming = (cue.lower === 'called' || cue.lower === 'calls') && named !== undefined && !named.cap
      && !NOT_NAMING_AFTER.has(named.lower) && !NOT_NAMING_BEFORE.has(tokens[k - 1]?.lower ?? '') && !convened;
    // "A Bloomberg poll shows that ...", "the report found that ...": what a poll, a study or a report found.
    const finding = FINDING_CUES.has(cue.lower) && tokens[k + 1]?.lower === 'that';
    // "They argue that ...", "Trump charges that ...": not after "to" or a modal ("to report that").
    const beforeThat = THAT_CUES.has(cue.lower) && tokens[k + 1]?.lower === 'that' && !BARE_VERB_BEFORE.has(tokens[k - 1]?.lower ?? '');
    // "Clinton questioned what kind of person ...", "Lawmakers also asked whether ...": a question reported.
    const asking = QUESTION_CUES.has(cue.lower) && QUESTION_WORDS.has(tokens[k + 1]?.lower ?? '');
    if ((!INDIRECT_CUES.has(cue.lower) && !progressive && !participle && !naming && !finding && !beforeThat && !asking) || cue.cap) continue;
    // "an estimated $300m", "the alleged bribe": an adjective, not a verb of saying.
    if (/^(?:a|an|the)$/.test(tokens[k - 1]?.lower ?? '') && cue.lower.endsWith('ed')) continue;
    // "the suing states were ...", "these claims": a plural noun after its determiner, not a verb.
    if (NOUN_CUES.has(cue.lower) && nounAfterDeterminer(tokens, k, first)) continue;
    if (overlapsAny(cue.start, cue.end, direct)) continue;
    // The cue of a direct quote in this sentence ("“...,” Macron said at a press conference").
    // (A participle after it says more: "“...,” Chaffetz said in a statement, adding that ...".)
    if (!participle && anyWithin(direct, tokens[first]!.start, cue.start)) continue;
    const next = tokens[k + 1];
    // A participle with nothing reported after it ("..., saying.", "..., saying: “...”") is no reported speech.
    if (participle && (!next || next.sentence !== cue.sentence || !/^[\p{L}\d]/u.test(next.text))) continue;
    if (!next || next.sentence !== cue.sentence || (/^[.!?]$/.test(next.text) && k + 2 >= last) || onlyTimeAfter(tokens, k + 1, last)) {
      // "..., X said." at the end of the sentence.
      tailAttribution(ctx, first, k, direct, out);
      return;
    }
    // "urged the judge to ...", "warned residents to stay away": an appeal, not a statement.
    if (APPEAL_CUES.has(cue.lower) && appealsTo(tokens, k + 1, last)) continue;
    if (next.text === ':' || /^["“«„]$/.test(next.text) || next.text === ',' || next.text === ';' || /^[—–]$/.test(next.text)) {
      // "..., Shulman said, people should ..." / "..., Shulman said — while ...".
      if (next.text !== ':' && !/^["“«„]$/.test(next.text)) { tailAttribution(ctx, first, k, direct, out); return; }
      continue;
    }
    // Pattern "subject cue content"; "Weiss called the strike a mistake and said ...": the subject of the first verb.
    const subjectEnd = progressive ? k - 2 : k - 1;
    const subject = participle ? (sentenceSubject(ctx, first, k - 1) ?? quoteAttributionBefore(ctx, first, k, direct))
      : subjectEnd >= first ? (coordinatedSubject(ctx, first, k) ?? relativeClauseSubject(ctx, first, subjectEnd, cue) ?? subjectEndingAt(ctx, subjectEnd, first)) : null;
    if (!subject && participle) continue;
    // "The Tax Policy Center says ...", "Federal and state officials said ...": a plain noun phrase
    // opening the sentence, which no rule above reads as a name, a group or a description.
    const opening = subject ?? (subjectEnd >= first && !progressive ? openingNounPhrase(ctx, first, subjectEnd, cue) : null);
    if (!opening) {
      // "said the source" with content before: "..., said the source." (not "X, a long description
      // of X, said <what X said>": a clause of its own follows the verb).
      // A closing time after the description ("..., said Ana Ruiz, its chief executive, on Monday.") adds no clause.
      if (tokens[k - 1]?.text === ',' && closingTimeAt(tokens, k, last) - k <= 10) { tailAttribution(ctx, first, k, direct, out); return; }
      continue;
    }
    let c = k + 1;
    if (cue.lower === 'told' || cue.lower === 'tells' || cue.lower === 'telling' || cue.lower === 'warned' || cue.lower === 'warning' || cue.lower === 'assured' || cue.lower === 'informed') {
      while (tokens[c] && c < k + 6 && tokens[c]!.sentence === cue.sentence && !TELL_OBJECT_END.has(tokens[c]!.lower)) {
        // "told reporters the town had opened ...": the clause starts after the one-word object.
        if (c > k + 1 && CLAUSE_OPENERS.has(tokens[c]!.lower) && !DETERMINERS.has(tokens[c - 1]!.lower)) break;
        // "tells the baker to mix": an instruction, not something reported.
        if (c > k + 1 && tokens[c]!.lower === 'to') break;
        c++;
      }
      if (tokens[c]?.lower === 'to') continue;
      // "told a news conference after the cabinet meeting that ...", but not "told reporters after
      // talks that ran through the night": a "that" followed by a verb relates to the noun before it.
      if (tokens[c]?.lower !== 'that') {
        for (let j = c; j < c + 6 && j < last && tokens[j]!.text !== ','; j++) {
          if (tokens[j]!.lower !== 'that') continue;
          if (opensReportedClause(tokens[j + 1])) c = j;
          break;
        }
      }
      // "..., mediator Ruth Ekdahl told reporters in Tarrholm after all-night talks.": no reported
      // clause after the object, so what was said came before the subject.
      const objectEndsSentence = c >= last || /^[.!?]$/.test(tokens[c]!.text);
      if (objectEndsSentence || (tokens[c]!.lower !== 'that' && TELL_OBJECT_END.has(tokens[c]!.lower) && thatClauseAt(tokens, c, last) < 0)) {
        if (hasCommaBefore(tokens, first, k)) { tailAttribution(ctx, first, k, direct, out); return; }
        continue;
      }
    }
    // Skip a time phrase and "that".
    for (let j = c; j < c + 4 && j < last; j++) {
      if (tokens[j]!.lower === 'that') { if (j === c || onlyTimeAfter(tokens, c, j)) c = j; break; }
    }
    if (tokens[c]?.lower === 'that') c++;
    else {
      const afterTime = timePhraseEnd(tokens, c, last);
      // "announced on Wednesday, two days after ...": what was said came before the cue.
      if (afterTime > c && tokens[afterTime]?.text === ',') { tailAttribution(ctx, first, k, direct, out); return; }
      // "said on Monday he would travel": the content starts after the time.
      if (afterTime > c && startsClause(tokens[afterTime])) c = afterTime;
      // "warns of difficult talks", "said to be": a phrase, not a reported clause.
      if (/^(?:of|about|against|for|with|to|by)$/.test(tokens[c]?.lower ?? '')) continue;
      // "Malone wrote in a research brief that was co-authored by ...", "the AI writes code that ...":
      // no reported clause follows, so what was said is before the subject, if anything.
      const opening = tokens[c];
      const prepositional = PHRASE_OPENERS.has(opening?.lower ?? '');
      const phrase = prepositional ? !startsClause(opening)
        : WRITE_CUES.has(cue.lower) && !opening?.cap && !/^(?:he|she|they|it|we|i|you)$/.test(opening?.lower ?? '');
      if (phrase) {
        // "wrote in a brief that ...": the "that" after a phrase may open the reported clause; after an
        // object ("writes a summary that misses") it relates to the object.
        const that = prepositional ? thatClauseAt(tokens, c, last) : -1;
        if (that >= 0) c = that + 1;
        else {
          if (hasCommaBefore(tokens, first, k)) { tailAttribution(ctx, first, k, direct, out); return; }
          continue;
        }
      }
    }
    let e = last - 1;
    // What was said ends at a semicolon, and where a second verb of saying takes over ("said he would
    // order a review and warned against hackers", "... — and he noted that ..."); that verb's own
    // clause is read next, with the same subject.
    let nextCue = -1;
    for (let j = c + 1; j < e; j++) {
      const t = tokens[j]!;
      if (t.text === ';') { e = j - 1; break; }
      // "..., Ham also noted several ...": another speaker's clause after a comma, read next.
      if (t.text === ',' && speakerClauseAt(ctx, j + 1) && !insideAny(direct, t.start)) { e = j - 1; nextCue = j; break; }
      // "..., though she acknowledged it was unlikely to work": a second speaker's clause after a
      // comma and a joiner of clauses, read next with its own subject.
      const joined = (t.lower === 'and' || t.lower === 'but') && (secondCueAt(tokens, j + 1) || (PRONOUNS.has(tokens[j + 1]?.lower ?? '') && secondCueAt(tokens, j + 2)));
      if ((joined || (CLAUSE_JOINERS.has(t.lower) && tokens[j - 1]?.text === ',' && speakerClauseAt(ctx, j + 1))) && !overlapsAny(t.start, t.end, direct)) {
        e = j - 1;
        nextCue = j;
        break;
      }
    }
    while (e > c && /^[.!?;,—–)]$/.test(tokens[e]!.text)) e--;
    if (e - c < 3) continue;
    const start = tokens[c]!.start;
    let end = tokens[e]!.end;
    if (/^[.!?]$/.test(tokens[e]!.text)) end = tokens[e - 1]!.end;
    // A direct quote that opens right after the cue (or its object: "told reporters: “...”") is handled as direct.
    if (anyStartingAt(direct, tokens[c]!.start) || insideAny(direct, tokens[c]!.start)) continue;
    // "..., adding later, “NATO is costing us ...”": one word, then the direct quote.
    if (tokens[c + 1]?.text === ',' && insideAny(direct, tokens[c + 2]?.start ?? -1)) continue;
    out.push(reportedSpeech(text, start, end, opening));
    if (nextCue < 0) return;
    k = nextCue;
  }
}

/**
 * The speaker a direct quote opening the sentence is attributed to, before a participle that goes
 * on ("“...,” Chaffetz said in a statement, adding that ..."): the subject of the last verb of
 * saying between the quote and the participle, before it or after it ("said Chaffetz").
 */
function quoteAttributionBefore(ctx: Ctx, first: number, participle: number, direct: Array<{ start: number; end: number }>): SubjectHit | null {
  const { tokens } = ctx.doc;
  if (!anyWithin(direct, tokens[first]!.start, tokens[participle]!.start)) return null;
  for (let j = participle - 1; j > first; j--) {
    const t = tokens[j]!;
    if (insideAny(direct, t.start)) return null;
    if (!INDIRECT_CUES.has(t.lower)) continue;
    return subjectEndingAt(ctx, j - 1, first) ?? subjectStartingAt(ctx, j + 1);
  }
  return null;
}

/** Verbs of asking, read as reported speech before a question word only ("asked whether", not "asked for"). */
const QUESTION_CUES = new Set(['asked', 'asks', 'questioned', 'questions', 'wondered', 'wonders']);
const QUESTION_WORDS = new Set(['whether', 'why', 'how', 'what', 'who', 'when', 'if', 'where']);

/** Whether a pronoun or a name at `i` is followed by a verb of saying ("she acknowledged", "Ines Duarte noted"). */
function speakerClauseAt(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx.doc;
  // "she also noted", "Ham has acknowledged": an adverb or an auxiliary before the verb.
  const cueAfter = (k: number): boolean => {
    let c = k;
    while (c < k + 2 && SKIPPABLE.has(tokens[c]?.lower ?? '')) c++;
    return secondCueAt(tokens, c);
  };
  if (PRONOUNS.has(tokens[i]?.lower ?? '')) return cueAfter(i + 1);
  const e = ctx.entityAt.get(i);
  return e !== undefined && e.first === i && e.type !== 'place' && cueAfter(e.last + 1);
}

/** Reported speech from `start` to `end`, said by the subject found. */
function reportedSpeech(text: string, start: number, end: number, subject: SubjectHit): QuoteFinding {
  return {
    text: text.slice(start, end), start, end, direct: false,
    speaker: subject.speaker, speakerStart: subject.speakerStart, speakerEnd: subject.speakerEnd,
    sourceStart: subject.start, sourceEnd: subject.end, confidence: subject.named ? 0.8 : 0.5,
    ...(subject.attribution ? { attribution: subject.attribution } : {}),
  };
}

/**
 * The first token after a wire dateline opening the sentence ("TARRHOLM, May 6 (CPA) - ", "NEW YORK
 * (Reuters) — "): words in capitals, then up to eight tokens of country, date or agency, then a dash;
 * `first` itself when there is none.
 */
function afterDateline(tokens: Token[], first: number, last: number): number {
  let k = first;
  while (k < last && k < first + 3 && /^\p{Lu}[\p{Lu}.-]+$/u.test(tokens[k]!.text)) k++;
  if (k === first) return first;
  for (let j = k; j < last && j <= k + 8; j++) {
    const t = tokens[j]!.text;
    if (/^[-–—]+$/.test(t)) return j + 1 < last ? j + 1 : first;
    if (!/^[\p{L}\d(),.]/u.test(t)) return first;
  }
  return first;
}

/** Auxiliaries and common irregular past forms: after "talks that", a verb makes "that" relative. */
const VERB_AFTER_RELATIVE = new Set([
  'is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does',
  'ran', 'went', 'came', 'began', 'took', 'made', 'left', 'led', 'held', 'saw', 'got', 'gave', 'kept', 'met', 'fell', 'rose', 'grew',
  'broke', 'brought', 'built', 'caught', 'cost', 'cut', 'drew', 'drove', 'hit', 'lasted', 'lost', 'paid', 'put', 'sent', 'set', 'spent',
  'stood', 'struck', 'won', 'wrote', 'runs', 'remains', 'remained',
]);

/** The word after "that" opens a reported clause (a subject), not a relative clause's verb ("talks that ran"). */
function opensReportedClause(t: Token | undefined): boolean {
  if (!t || !/^[\p{L}\d]/u.test(t.text)) return false;
  if (t.cap) return true;
  return !VERB_AFTER_RELATIVE.has(t.lower) && !(t.lower.length > 4 && t.lower.endsWith('ed')) && !/n['’]t$/.test(t.lower);
}

/**
 * "..., according to X." and "According to X, ...": what X said is the rest of the sentence. X is
 * a person or body the article names, or a described source ("according to people familiar with
 * the plan"); a document ("according to the reports") is a source too. True when a quote was taken.
 */
function accordingTo(ctx: Ctx, first: number, k: number, last: number, direct: Array<{ start: number; end: number }>, out: QuoteFinding[]): boolean {
  const { tokens, text } = ctx.doc;
  const e = lastWordBefore(tokens, k, last);
  // The source: from after "to" up to a comma or the end of the sentence, at most eight words.
  let sourceEnd = k + 2;
  while (sourceEnd < e && tokens[sourceEnd + 1]!.text !== ',') sourceEnd++;
  if (sourceEnd - (k + 2) > 7 || !tokens[k + 2]) return false;
  const named = subjectStartingAt(ctx, k + 2);
  let from: number;
  let to: number;
  if (k === first) {
    // "According to police, the man fled": the content follows the comma after the source.
    if (tokens[sourceEnd + 1]?.text !== ',' || e - (sourceEnd + 1) < 4) return false;
    [from, to] = [sourceEnd + 2, e];
  } else if (tokens[k - 1]?.text === ',' && /^(?:which|who|that)$/.test(tokens[k - 2]?.lower ?? '') && tokens[sourceEnd + 1]?.text === ',') {
    // "guarantees, which, according to Mr. Starmer, would be necessary ...": what the source says is
    // the relative clause after it, not the sentence it hangs from.
    if (e - (sourceEnd + 1) < 3) return false;
    [from, to] = [sourceEnd + 2, e];
  } else {
    if (tokens[k - 1]?.text !== ',' || k - 1 - first < 4) return false;
    [from, to] = [first, k - 2];
  }
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  if (overlapsAny(start, end, direct)) return false;
  const phraseStart = tokens[k + 2]!.start;
  const phraseEnd = tokens[sourceEnd]!.end;
  const hit: SubjectHit = named?.named ? named : { start: phraseStart, end: phraseEnd, speaker: null, speakerStart: null, speakerEnd: null, named: false };
  const finding = reportedSpeech(text, start, end, hit);
  // An unnamed source is kept as the article words it ("people familiar with the plan", "police").
  if (!hit.named) finding.attribution = text.slice(phraseStart, phraseEnd);
  out.push(finding);
  return true;
}

/** The sentence's last token before `last` that is not closing punctuation, no earlier than `floor`. */
function lastWordBefore(tokens: Token[], floor: number, last: number): number {
  let e = last - 1;
  while (e > floor && /^[.!?;”"’)]$/.test(tokens[e]!.text)) e--;
  return e;
}

/** Index of the first "that" opening a reported clause within eight tokens of `from`, or -1. */
function thatClauseAt(tokens: Token[], from: number, last: number): number {
  for (let j = from; j < last && j < from + 8; j++) {
    if (tokens[j]!.text === ',') return -1;
    if (tokens[j]!.lower === 'that') return opensReportedClause(tokens[j + 1]) ? j : -1;
  }
  return -1;
}

/** Words after ", he said," that continue the attribution rather than what was said. */
/**
 * "As the mayor noted, the city has no money left", "As many tax experts have pointed out, Mr.
 * Trump is free to ...": the clause after the attribution is what was said. True when one was found.
 */
function asAttribution(ctx: Ctx, first: number, last: number, direct: Array<{ start: number; end: number }>, out: QuoteFinding[]): boolean {
  const { tokens, text } = ctx.doc;
  let comma = first + 1;
  while (comma < last && comma < first + 16 && tokens[comma]!.text !== ',') comma++;
  if (tokens[comma]?.text !== ',') return false;
  // The verb of saying closes the attribution, "out" after "pointed", a time after it ("said on Monday").
  let k = timeBefore(tokens, comma - 1, first + 1);
  if (tokens[k]?.lower === 'out' && /^(?:pointed|points)$/.test(tokens[k - 1]?.lower ?? '')) k--;
  else if (!INDIRECT_CUES.has(tokens[k]?.lower ?? '') && !THAT_CUES.has(tokens[k]?.lower ?? '')) return false;
  const subject = k - 1 > first ? (subjectEndingAt(ctx, k - 1, first + 1) ?? openingNounPhrase(ctx, first + 1, k - 1, tokens[k]!)) : null;
  if (!subject) return false;
  const e = lastWordBefore(tokens, comma, last);
  const opening = tokens[comma + 1];
  if (!opening || e - comma < 4 || !/^\p{L}/u.test(opening.text) || overlapsAny(opening.start, tokens[e]!.end, direct)) return false;
  out.push(reportedSpeech(text, opening.start, tokens[e]!.end, subject));
  return true;
}

/** Prepositions that open a phrase of when or where at the start of a sentence. */
const CIRCUMSTANCE_OPENERS = new Set(['during', 'in', 'at', 'on', 'over', 'throughout', 'since', 'amid', 'under']);

/** The words from `first` up to `comma` are a phrase of when or where: a preposition, and no subject pronoun or verb of saying. */
function circumstanceBefore(tokens: Token[], first: number, comma: number): boolean {
  if (!CIRCUMSTANCE_OPENERS.has(tokens[first]?.lower ?? '') || comma - first > 12) return false;
  for (let i = first + 1; i < comma; i++) {
    const t = tokens[i]!;
    if (t.text === ',' || PRONOUNS.has(t.lower) || isCue(t) || t.lower === 'that' || t.lower === 'which' || t.lower === 'who') return false;
  }
  return true;
}

/** Words opening a noun phrase that may be the subject of a clause after ", he said,". */
const CLAUSE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);
/** Auxiliaries and modals: a clause's finite verb. */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'should', 'could', 'can', 'may', 'might', 'must', 'has', 'have', 'had', 'does', 'did', 'shall']);

/** Whether an auxiliary or a modal stands between `from` and `to` (inclusive), before any comma. */
function auxiliaryWithin(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (!t || t.text === ',') return false;
    if (AUXILIARIES.has(t.lower)) return true;
  }
  return false;
}

const NOT_CLAUSE_AFTER_CUE = new Set(['and', 'but', 'or', 'who', 'which', 'whose', 'according', 'as', 'in', 'on', 'at', 'after', 'before', 'during', 'while', 'when', 'although', 'though', 'because', 'citing', 'referring', 'the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** "called for", "called on", "called off": a call, not a naming. */
const NOT_NAMING_AFTER = new Set(['for', 'on', 'upon', 'off', 'up', 'out', 'in', 'back', 'to', 'at', 'by', 'into', 'around', 'over', 'away', 'home']);
/** "called a strike", "called the hearing", "called an election": convened, not named. */
const CALLED_EVENTS = new Set(['strike', 'strikes', 'walkout', 'election', 'elections', 'meeting', 'meetings', 'vote', 'votes', 'halt', 'hearing', 'hearings', 'session', 'summit', 'rally', 'referendum', 'truce', 'ceasefire', 'cease-fire', 'conference', 'press', 'news', 'recess', 'timeout', 'time-out', 'time', 'shots', 'play', 'foul', 'penalty', 'race', 'contest', 'protest', 'protests', 'boycott', 'inquiry', 'review', 'investigation', 'audit', 'roll']);
/** "was called", "so called", "a film called": a name given, not a judgement said. */
const NOT_NAMING_BEFORE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'so', 'also', 'often', 'sometimes', 'aptly', 'a', 'an', 'the']);

/** Participles of saying that open a clause after a comma: "..., saying it would ...". */
const PARTICIPLE_CUES = new Set(['saying', 'telling', 'adding', 'warning', 'arguing', 'insisting', 'noting', 'stressing', 'claiming', 'explaining', 'predicting']);

/** Verbs of saying in the progressive, after "is", "are", "was", "were" or "’s". */
const PROGRESSIVE_CUES = new Set(['saying', 'claiming', 'arguing', 'insisting', 'suggesting', 'stressing', 'warning', 'predicting', 'promising', 'telling', 'denying', 'conceding']);

/** Cues that also make appeals: "urged X to", "warned X to". */
const APPEAL_CUES = new Set(['urged', 'urges', 'warned', 'warns', 'told', 'tells']);

/** An object of up to four words, then "to" and a verb: "the judge to give", "residents to stay". */
function appealsTo(tokens: Token[], from: number, last: number): boolean {
  for (let j = from; j < last && j < from + 5; j++) {
    const w = tokens[j]!.lower;
    if (w === 'that' || !/^[\p{L}’'-]+$/u.test(tokens[j]!.text)) return false;
    if (w === 'to' && j > from) return /^\p{Ll}/u.test(tokens[j + 1]?.text ?? '') && !DETERMINERS.has(tokens[j + 1]!.lower);
  }
  return false;
}

/** Verbs of writing: "wrote" reports only with "that" or after what was written ("..., she wrote"). */
const WRITE_CUES = new Set(['wrote', 'writes', 'write']);

/** A comma between the sentence's first token and the cue: "..., X said". */
function hasCommaBefore(tokens: Token[], first: number, cue: number): boolean {
  for (let j = first + 3; j < cue; j++) if (tokens[j]!.text === ',') return true;
  return false;
}

const TIME_WORDS = /^(?:on|in|at|last|this|earlier|late|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|morning|evening|afternoon|today|yesterday|week|month|year|\.|,|\d+)$/;
/** The words after a cue are only a time phrase ("said on Thursday."). */
function onlyTimeAfter(tokens: Token[], from: number, last: number): boolean {
  if (last - from > 5 || last - from < 1) return false;
  for (let k = from; k < last; k++) if (!TIME_WORDS.test(tokens[k]!.lower)) return false;
  return true;
}

/** Where a sentence's closing ", on Monday" (a time alone after a comma) starts, or `last` when it has none. */
function closingTimeAt(tokens: Token[], from: number, last: number): number {
  let comma = last - 1;
  while (comma > from && tokens[comma]!.text !== ',') comma--;
  return comma > from && onlyTimeAfter(tokens, comma + 1, last) ? comma : last;
}

/** Index after a time phrase at `from` ("on Monday", "late on Tuesday", "this week"), or `from` when there is none. */
function timePhraseEnd(tokens: Token[], from: number, last: number): number {
  let j = from;
  let named = false;
  while (j < last && j < from + 4 && TIME_WORDS.test(tokens[j]!.lower) && tokens[j]!.text !== '.' && tokens[j]!.text !== ',') {
    if (TIME_NOUNS.test(tokens[j]!.lower)) named = true;
    j++;
  }
  return named ? j : from;
}

const TIME_NOUNS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|morning|evening|afternoon|today|yesterday|week|month|year)$/;

const CLAUSE_OPENERS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'the', 'a', 'an', 'there']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);

/** A word that can open the reported clause: a pronoun, an article, a name. */
const startsClause = (t: Token | undefined): boolean => !!t && (t.cap || /^(?:he|she|they|it|we|i|you|the|a|an|this|there)$/.test(t.lower));

function tailAttribution(ctx: Ctx, first: number, cueIndex: number, direct: Array<{ start: number; end: number }>, out: QuoteFinding[]): void {
  const { tokens, text } = ctx.doc;
  // Find the comma that ends the content, before the subject (or right before the cue).
  let comma = cueIndex - 1;
  while (comma > first && tokens[comma]!.text !== ',' && comma > cueIndex - 12) comma--;
  if (comma <= first || tokens[comma]!.text !== ',') return;
  // "Two lenders, Fjordbank and Sparebank, said they would ...": a pronoun after the verb opening a
  // clause makes the words before the comma the subject's apposition, not what was said.
  if (comma === cueIndex - 1 && PRONOUNS.has(tokens[cueIndex + 1]?.lower ?? '') && /^[\p{L}]/u.test(tokens[cueIndex + 2]?.text ?? '')) return;
  const subject = comma === cueIndex - 1 ? subjectStartingAt(ctx, cueIndex + 1) : subjectEndingAt(ctx, cueIndex - 1, comma + 1);
  if (!subject) return;
  const start = tokens[first]!.start;
  let end = tokens[comma - 1]!.end;
  // "While most problems can be solved, he said, people should assume ...": the attribution sits
  // inside the sentence, and the clause after it is part of what was said.
  const e = lastWordBefore(tokens, cueIndex, ctx.doc.sentences[tokens[cueIndex]!.sentence]!.last);
  const after = tokens[cueIndex + 2];
  // "During his years in office, Mr. Obama said, a majority of Americans have come to ...": an
  // opening phrase of when or where is the circumstance of saying; what was said follows.
  if (circumstanceBefore(tokens, first, comma) && tokens[cueIndex + 1]?.text === ',' && after !== undefined && e - cueIndex >= 5
    && /^\p{L}/u.test(after.text) && !after.lower.endsWith('ing') && !isCue(after) && !overlapsAny(after.start, tokens[e]!.end, direct)) {
    out.push(reportedSpeech(text, after.start, tokens[e]!.end, subject));
    return;
  }
  // "That’s why, he argued, the party should be prepared", "..., he said, replacing Clinton would be
  // ...": a noun phrase or a gerund opening a clause whose verb follows within a few words.
  const subjectOfClause = after !== undefined && (CLAUSE_DETERMINERS.has(after.lower) || (after.lower.endsWith('ing') && !isCue(after)))
    && auxiliaryWithin(tokens, cueIndex + 3, Math.min(e, cueIndex + 9));
  const clauseAfter = after !== undefined && /^\p{L}/u.test(after.text) && !isCue(after) && !ctx.entityAt.has(cueIndex + 2)
    && (subjectOfClause || (!after.lower.endsWith('ing') && !NOT_CLAUSE_AFTER_CUE.has(after.lower)));
  const continues = tokens[cueIndex + 1]?.text === ',' && e - cueIndex >= 5 && clauseAfter && !overlapsAny(after.start, tokens[e]!.end, direct);
  // "The government, she said, had given ...": a short opening is what was said only with the rest.
  if (comma - first < 3 && !continues) return;
  if (continues) end = tokens[e]!.end;
  if (overlapsAny(start, end, direct) && direct.some((r) => r.start <= start + 1 && r.end >= end - 1)) return;
  if (direct.some((r) => r.start === start)) return;
  out.push(reportedSpeech(text, start, end, subject));
}
