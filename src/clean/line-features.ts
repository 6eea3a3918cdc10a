/**
 * @module What a line of flattened text looks like: its words, whether it reads as a sentence,
 * as a headline, as a call to action or as page furniture (labels, bylines, times, navigation).
 * Shape only; no phrases taken from any particular site.
 */

/** Frequent function words of English, French, German and Spanish: prose is dense in them. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
    'these those he she they we you i his her their our your my me him them us not no so than then there ' +
    'which who whom whose what when where why how all any some more most such can could would should will ' +
    'may might must do does did has have had also into over after before about up out said says just only ' +
    'le la les un une des du de et ou en dans sur pour par avec est sont pas qui que il elle ils au aux ' +
    'der die das und oder ein eine nicht mit von zu ist sind auf für im den dem des sich auch es ' +
    'el los las y o un una en con por para es son del al lo se que su'
  ).split(' '),
);

/** Verbs that open a call to action addressed to the reader. */
const CALL_TO_ACTION = /^[[(]?(?:related(?: \w+)?(?=\s*:)|(?:you )?(?:may|might) also (?:like|enjoy)(?=\s*:?\s*$)|join|follow|subscribe|sign ?up|sign in|log ?in|register|download|click|tap|share|like|support|donate|get (?:the|our|your)|read (?:more|(?:the )?full|next|also|the rest|the original)|watch|listen|see (?:more|also|all)|view (?:more|all|comments)|load more|show more|continue reading|leave a (?:comment|reply)|send us|contact us|write to us|tell us|become a|upgrade|unlock|advertise|enable|allow|accept)\b/i;
/** Points at a link, a handle or a sign-up rather than telling the story (a pronoun alone, "you", "our", does not: interviews and company posts use them). */
const READER_ADDRESS = /@\w|https?:\/\/|\bhere\.?$|\bctrl\b|\bnewsletter\b|\bcookies?\b|\bpodcast\b/i;
/** The vocabulary of sign-up boxes; with a pronoun addressing the reader it is one ("Subscribe to our newsletter"). */
const SUBSCRIPTION = /\b(?:subscri\w*|unsubscri\w*|newsletters?|sign(?:ed|ing)?[ -]?up|e-?mail address|inbox|log(?:ged)? ?in|register(?:ed)?)\b/i;
const READER_PRONOUN = /\b(?:you|your|our|us)\b/i;
/** The site speaking of itself: its terms, its privacy policy, its affiliate links and commissions, its comment rules, a form's required fields. */
const SITE_NOTICE = /\b(?:this (?:site|website)|(?:our|the site's) (?:privacy policy|terms|user agreement|cookie policy)|affiliate (?:links?|commissions?)|we (?:may|might|could) (?:earn|receive|get|make) (?:a |an )?(?:small )?(?:commissions?|compensation|share of)|reader-supported|please be (?:respectful|civil|courteous)|comments (?:are|will be) (?:moderated|reviewed)|(?:are|is a) (?:registered )?trademarks? of)\b|\((?:required|optional)\)$/i;
/** An e-mail address: a line carrying one is a contact line, not the story. */
const EMAIL = /\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/i;
/** "By Jane Doe", "By Jane Doe and John Roe", "Von Max Muster". */
const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i)\s+[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|and|&|de|van|von|der|la|le|du|da|dos|,))*$/u;
/**
 * The pieces a line of dates and times is made of, by kind: relative times ("9h ago",
 * "yesterday"), "Updated" and other stamps, weekdays, dates with a month name ("Nov. 20, 2019",
 * "20 November 2019"), ISO and numeric dates, clock times with their zone ("1:35 a.m.",
 * "11:28 AMT", "14:05 (CET)"). Taken out in this order; what is left must be glue.
 */
const DATE_TIME_PIECES = [
  { kind: 'relative', pattern: /\b\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|months?|years?)\s+ago\b|\bjust now\b|\byesterday\b|\btoday\b/gi },
  { kind: 'stamp', pattern: /(?<![a-z])(?:first |last )?(?:updated|published|posted|modified|created)\b/gi },
  { kind: 'weekday', pattern: /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?(?=\s|$)/gi },
  { kind: 'date', pattern: /(?<![a-z])(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s*\d{4}(?!\d))?/gi },
  { kind: 'date', pattern: /(?<!\d)\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g },
  { kind: 'date', pattern: /(?<![\d.])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?![\d.])/g },
  { kind: 'time', pattern: /(?<![\d.])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[aApP]\.[mM]\.|[aApP][mM]\b))?(?:\s*\(?[A-Z]{2,5}\)?(?!\p{L}))?/gu },
] as const;
/** What may be left between the pieces: joining words, punctuation and separators. */
const DATE_TIME_GLUE = /^(?:[\s,.:;|/·•()–—-]|\bat\b|\bon\b)*$/i;
/** A line that could hold nothing but a date or a time has a digit or one of these words. */
const MAY_BE_TIME = /\d|yesterday|today|just now/i;

/**
 * A publication or update stamp on its own line: "9h ago", "Mar. 1", "March 6, 2025",
 * "06/03/2025 14:05", "Updated at 1:23 p.m.", "November 20, 2019 - 11:28 AMT", and stamps glued
 * together ("Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m."). Two dates or two times without a
 * stamp word are a range or a schedule ("29 November 2018 | 20 January 2019", "9.30 A.M. / 7.00
 * P.M."): the article's own facts.
 */
export function isDateTimeLine(line: string): boolean {
  // "2025-03-06:" heads what follows (a diary's entry), it stamps nothing.
  if (!MAY_BE_TIME.test(line) || line.trimEnd().endsWith(':')) return false;
  const found = { relative: 0, stamp: 0, weekday: 0, date: 0, time: 0 };
  let rest = line;
  for (const { kind, pattern } of DATE_TIME_PIECES) {
    rest = rest.replace(pattern, () => {
      found[kind]++;
      return ' ';
    });
  }
  if (found.relative + found.date + found.time === 0 || !DATE_TIME_GLUE.test(rest)) return false;
  return found.stamp > 0 || (found.date <= 1 && found.time <= 1);
}

/** Lines of dates and times are short. */
const DATE_TIME_LINE_CHARS = 80;
const DATE_TIME_LINE_WORDS = 14;

/** Navigation arrows, pagers and a gallery's counter: "« Previous ...", "Next »", "1 2 3 Next", "1 of 6", "Page 2 of 5". */
const NAVIGATION = /^(?:[«‹←<]|(?:previous|prev|next|older|newer)\b.*|.*\s[»›→>]$|.*\b(?:next|previous)\s*[»›→>]?$|(?:(?:photo|image|picture|slide|page)\s+)?\d{1,3}\s+of\s+\d{1,3}$)/i;
/** The last sentence of a line that has several ("... is out now. Follow him on Twitter."). */
function lastSentence(line: string): string {
  const cut = line.search(LAST_SENTENCE);
  return cut < 0 ? '' : line.slice(cut).replace(/^[.!?…]["'”’)]*\s+/, '');
}
/** A closing sentence that sends the reader elsewhere: "Follow him on Twitter @x.", "Click to subscribe!". */
const CLOSING_CALL =
  /^(?:follow|subscribe|sign ?up|join|click|tap|read (?:more|the full)|download|register|log ?in)\b.*(?:\b(?:you|your|us|our|him|her|them|here|newsletter|twitter|facebook|instagram|subscribe)\b|@\w|https?:)/i;
/** A request to the reader to get in touch with the outlet: "..., please contact our editors". */
const PLEASE_CONTACT = /\bplease\s+(?:contact|e-?mail|write to|send|call|let|tell|notify|report|reach)\b[^.!?]{0,60}\b(?:us|our)\b/i;
/** A short closing sentence asking the reader to comment, write in or read on ("Leave a comment below."). */
const CLOSING_PROMPT =
  /^(?:leave a (?:comment|reply)|comment below|contact us|write to us|tell us|send us|let us know|sign ?up|subscribe|click|tap|read (?:more|the full|next)|see (?:more|also)|download|register|join (?:us|our|the (?:conversation|discussion)))\b/i;
/** A numbered list item ("5. Try yoga"): its number is not a sentence before it. */
const NUMBERED = /^\d{1,3}[.)]\s/;
const LAST_SENTENCE = /[.!?…]["'”’)]*\s+(?=\p{Lu}[^.!?…]*[.!?…]?["'”’)]*$)/u;

/** A line opening as a picture credit or a copyright notice. */
const CREDIT_START =
  /^[([]?\s*(?:©|ⓒ|\(c\)\s|copyright\b|(?:photo(?:graph)?|image|picture|illustration|video|credit|foto|bild)s?(?:\s+(?:credit|copyright|courtesy|caption))?\s*(?::|\bby\b|\.\.\.|©|\bcourtesy\b|(?<=caption)\s))/i;
/** A caption in the agencies' style: "In this March 3, 2025, file photo, ...". */
const AGENCY_CAPTION = /^in this\b.{0,60}\b(?:photo|image|picture|handout|video still)\b/i;
/** A short line closing on a picture agency or a credit: "Jane Doe | Getty Images", "... Credit: NASA", "/ AP file". */
const CREDIT_END = /(?:\bgetty images|\bshutterstock|\bap photo|\/\s*ap(?: file)?|\bcredit:\s*[^.]{1,60}|\ball rights reserved\.?)\s*[)\]]?$/i;
/** A caption closing on its credit: "... during the launch. Credit: NASA", "... in Nogales, Ariz. (AP)". */
const CAPTION_CREDIT = /(?:\b[Cc]redits?:\s*[^.]{1,60}|\s\((?:[A-Z]{2,5}|Getty Images|Reuters)(?: Photo)?(?:\/[^)]{1,40})?\))$/;
/** A name, then "is a/an/the/Outlet's ... writer|reporter|editor|..." within a few words. */
const AUTHOR_BIO =
  /^(?:[\p{Lu}][\p{L}.'’-]*\s+){1,3}[\p{Lu}][\p{L}.'’-]*(?:\s+\([^)]{1,40}\))?\s+is\s+(?:a|an|the|[\p{Lu}][\p{L}.&-]*['’]s)\s+(?:\S+\s+){0,6}(?:writer|reporter|editor|correspondent|journalist|contributor|columnist|author|producer|curator|photographer)\b/u;
/** A short line opening with a byline or an update stamp, or carrying a clock time. */
const DATED_LINE = /^(?=.{0,160}$)(?:by\s|updated|published|posted|\S.*(?:\b(?:am|pm|gmt|utc|[ecmp][sd]t)\b|\b[ap]\.m\.))/i;
/** The heading of a comment section: "34 responses to “Title”", "Comments (12)", "12 comments", "124 reader comments". */
const COMMENTS_HEADER = /^(?:(?:\d+|one)\s+(?:\p{L}+\s+)?)?(?:comments?|responses?|replies|reactions|thoughts)\b(?:\s*\(\d+\))?(?:\s+(?:to|on)\s.*)?$/iu;
/** The byline of one comment: "jo_smith says:", "Jane Roe on March 3, 2025 at 10:12 am said:". */
const COMMENT_BYLINE = /^\S.{0,80}\s(?:says|said|wrote|writes)\s*:$/i;
/** A closing run of punctuation that ends a sentence, possibly inside quotes or brackets. */
const SENTENCE_END = /[.!?…:;。！？]["'”’»)\]」』]*$|["”»」]$/;
/** Scripts written without spaces between words: count two characters as a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

export interface LineFeatures {
  text: string;
  /** Lower-cased key for repetition counts. */
  key: string;
  words: number;
  chars: number;
  endsSentence: boolean;
  stopWordRatio: number;
  /** Share of capitalised words among words that are not function words. */
  capitalisedRatio: number;
  callToAction: boolean;
  byline: boolean;
  timeOnly: boolean;
  navigation: boolean;
  allCaps: boolean;
  /**
   * A teaser card flattened to one line: a title-case headline glued to its summary with no
   * space ("Ferry Service To ResumeThe county will reopen the landing in May.").
   */
  gluedHeadline: boolean;
  /** A picture credit or a copyright notice: "Photo by X", "(Image: © X)", "X | Getty Images", "© 2019 X". */
  credit: boolean;
  /** The author's short biography: "Jane Roe is a reporter for the Courier." */
  authorBio: boolean;
  /** A short line carrying a byline or a publication time: "By X - 11/18/19 11:04 PM EST". */
  dated: boolean;
  /** Opens a comment section ("34 responses to ...", "Comments (12)") or one comment ("Jo says:"). */
  comment: boolean;
  /** Written (partly) without spaces between words (Chinese, Japanese, Thai): word counts are estimates. */
  unspaced: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** No stop word is longer than this, so longer words skip the lower-casing and the lookup. */
const LONGEST_STOP_WORD = Math.max(...[...STOP_WORDS].map((w) => w.length));
const NON_ASCII = /[^ -~\t\n\r]/;
const HAS_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A short ASCII word as a number (base 128, lower-cased): stop words are looked up without slicing the line. */
function asciiCode(text: string, from: number, to: number): number {
  let code = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    code = code * 128 + (c >= 65 && c <= 90 ? c + 32 : c);
  }
  return code;
}
const STOP_WORD_CODES = new Set([...STOP_WORDS].filter((w) => !NON_ASCII.test(w)).map((w) => asciiCode(w, 0, w.length)));

/** Whether a word starts with an upper-case letter or a digit (ASCII answered without a regex). */
function startsCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return /^[\p{Lu}\p{N}]/u.test(word);
}

const isAsciiAlphanumeric = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * What the features count in a text: its words (WORD matches), how many are function words, how
 * many of the others are capitalised; its letters and upper-case letters; whether it has
 * whitespace other than single spaces.
 */
interface TextCounts { words: number; stop: number; content: number; capitalised: number; letters: number; upper: number; irregularSpacing: boolean }

/** Whitespace other than single spaces: only then does a key need its spacing normalised. */
const IRREGULAR_SPACING = /\s\s|[^\S ]/;

/**
 * Counts a text. Printable ASCII is scanned once by character codes (a word is
 * [A-Za-z0-9][A-Za-z0-9'.-]* there) rather than matched and sliced: most lines are ASCII.
 */
function countText(text: string, ascii: boolean): TextCounts {
  let words = 0;
  let stop = 0;
  let capitalised = 0;
  if (!ascii) {
    for (const word of text.match(WORD) ?? []) {
      words++;
      if (word.length <= LONGEST_STOP_WORD && STOP_WORDS.has(word.toLowerCase())) stop++;
      else if (startsCapitalised(word)) capitalised++;
    }
    return {
      words, stop, content: words - stop, capitalised,
      letters: text.replace(/[^\p{L}]/gu, '').length,
      upper: text.replace(/[^\p{Lu}]/gu, '').length,
      irregularSpacing: IRREGULAR_SPACING.test(text),
    };
  }
  let letters = 0;
  let upper = 0;
  let irregularSpacing = false;
  let afterSpace = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (!isAsciiAlphanumeric(first)) {
      // Tabs and line breaks are the only other whitespace in printable ASCII.
      if ((first === 32 && afterSpace) || first === 9 || first === 10 || first === 13) irregularSpacing = true;
      afterSpace = first === 32;
      i++;
      continue;
    }
    afterSpace = false;
    const start = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) letters++;
      else if (c >= 65 && c <= 90) {
        letters++;
        upper++;
      } else if (!(c >= 48 && c <= 57) && c !== 39 && c !== 45 && c !== 46) break;
    }
    words++;
    if (i - start <= LONGEST_STOP_WORD && STOP_WORD_CODES.has(asciiCode(text, start, i))) stop++;
    else if ((first >= 65 && first <= 90) || (first >= 48 && first <= 57)) capitalised++;
  }
  return { words, stop, content: words - stop, capitalised, letters, upper, irregularSpacing };
}

const capitalisedShare = (c: TextCounts): number => (c.content ? c.capitalised / c.content : 0);

export function lineKey(line: string): string {
  const lower = line.toLowerCase();
  return (IRREGULAR_SPACING.test(lower) ? lower.replace(/\s+/g, ' ') : lower).trim();
}

export function describeLine(line: string): LineFeatures {
  const ascii = !NON_ASCII.test(line);
  const counted = countText(line, ascii);
  const unspaced = !ascii && HAS_UNSPACED.test(line) ? (line.match(UNSPACED)?.length ?? 0) : 0;
  // Unspaced scripts count a word per two characters, none of them a function word or capitalised.
  const extra = Math.floor(unspaced / 2);
  const words = counted.words + extra;
  const content = counted.content + extra;
  const { letters, upper } = counted;
  const lower = line.toLowerCase();
  return {
    text: line,
    // lineKey(line), the spacing normalised only where it needs it.
    key: (counted.irregularSpacing ? lower.replace(/\s+/g, ' ') : lower).trim(),
    words,
    chars: line.length,
    endsSentence: SENTENCE_END.test(line),
    stopWordRatio: words ? counted.stop / words : 0,
    capitalisedRatio: content ? counted.capitalised / content : 0,
    callToAction: words <= 50 && !/["“”«»]/.test(line) && isCallToAction(line, words),
    byline: words <= 8 && BYLINE.test(line),
    timeOnly: words <= DATE_TIME_LINE_WORDS && line.length <= DATE_TIME_LINE_CHARS && isDateTimeLine(line),
    navigation: words <= 20 && NAVIGATION.test(line),
    allCaps: letters >= 3 && upper / letters > 0.8,
    gluedHeadline: words >= 8 && isGluedHeadline(line, ascii),
    unspaced: unspaced > 0,
    authorBio: words <= 60 && AUTHOR_BIO.test(line),
    // DATED_LINE only matches lines of 160 characters at most.
    dated: line.length <= 160 && DATED_LINE.test(line),
    comment: words <= 20 && (COMMENTS_HEADER.test(line) || COMMENT_BYLINE.test(line)),
    credit: words <= 60 && (CREDIT_START.test(line) || AGENCY_CAPTION.test(line) || CAPTION_CREDIT.test(line) || (words <= 16 && CREDIT_END.test(line))),
  };
}

/** A line without quotation marks of `words` words (50 at most) that addresses the reader: sign up, follow, click, write to us. */
function isCallToAction(line: string, words: number): boolean {
  if (words <= 25 && (CALL_TO_ACTION.test(line) || (words <= 16 && READER_ADDRESS.test(line) && !/[.!?]["”’]?\s+\S/.test(line)))) return true;
  if (words <= 40 && ((SUBSCRIPTION.test(line) && READER_PRONOUN.test(line)) || SITE_NOTICE.test(line) || EMAIL.test(line))) return true;
  const last = lastSentence(line);
  return CLOSING_CALL.test(last) || (words <= 25 && !NUMBERED.test(line) && CLOSING_PROMPT.test(last)) || (words <= 30 && PLEASE_CONTACT.test(line));
}

/**
 * Where a word of three lower-case letters or more, a digit or closing punctuation runs straight
 * into a capitalised word ("SteakhouseA party", "Rise?Violence"; not "McAllen").
 */
const GLUE = /(?:\p{Ll}{3}|[\d?!’”)])(?=\p{Lu}[\p{Ll}\s])/gu;

function isGluedHeadline(line: string, ascii: boolean): boolean {
  // A headline is at most a line's first 160 characters.
  const head = line.slice(0, 160);
  if (ascii && !hasAsciiGlue(head)) return false;
  for (const match of head.matchAll(GLUE)) {
    const cut = (match.index ?? 0) + match[0].length;
    const headline = countText(line.slice(0, cut), ascii);
    // A headline in title case: hardly a lower-case word that is not a function word.
    if (headline.words < 4 || capitalisedShare(headline) < 0.85) continue;
    const summary = countText(line.slice(cut), ascii);
    if (summary.words >= 4 && capitalisedShare(summary) < 0.5) return true;
  }
  return false;
}

/** Whether an ASCII text has what GLUE needs: a lower-case letter, a digit, "?", "!" or ")" right before a capital. */
function hasAsciiGlue(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const p = text.charCodeAt(i - 1);
    if ((p >= 97 && p <= 122) || (p >= 48 && p <= 57) || p === 63 || p === 33 || p === 41) return true;
  }
  return false;
}

/**
 * A line that reads as running prose: a full sentence of ordinary words. `knownLanguage` says
 * whether the text's language is one whose function words we list; if not, only length and
 * punctuation can speak.
 */
export function isProse(f: LineFeatures, knownLanguage = true): boolean {
  if (f.callToAction || f.byline || f.timeOnly || f.gluedHeadline) return false;
  const minStop = knownLanguage ? 0.15 : 0;
  if (f.words >= 8 && f.endsSentence && f.stopWordRatio >= minStop) return true;
  // Long lines are prose even without final punctuation (cut-off or unpunctuated paragraphs).
  return f.words >= 25 && f.stopWordRatio >= (knownLanguage ? 0.2 : 0);
}

/** Whether the text's function words are ones we list (share of them over all words). */
export function usesKnownLanguage(lines: readonly LineFeatures[]): boolean {
  let words = 0;
  let stop = 0;
  for (const l of lines) {
    words += l.words;
    stop += l.stopWordRatio * l.words;
  }
  return words === 0 || stop / words >= 0.08;
}
