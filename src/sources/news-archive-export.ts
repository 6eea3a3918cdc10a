/**
 * @module News archive exports: the text files a news database gives for a search, hundreds of
 * articles in one file, each under a header of its own. Researchers, analysts and fact-checkers
 * get their coverage this way, and read as one text such a file is one article made of many.
 *
 * Three layouts are read, each by the markers the database writes around every article:
 *  - LexisNexis: "12 of 500 DOCUMENTS", the outlet and the date (and edition) centred, the
 *    headline, BYLINE:/SECTION:/LENGTH: paragraphs, the text hard-wrapped, then LOAD-DATE:,
 *    LANGUAGE:, PUBLICATION-TYPE: and the copyright line;
 *  - Nexis Uni (its Word or RTF export saved as text): headline, outlet, date, copyright,
 *    Section:/Length:/Byline: lines, "Body", a paragraph a line, Load-Date:, "End of Document";
 *  - Factiva: headline, byline, "612 words", date, time, outlet, source code, language, copyright,
 *    the text, "Document <accession number>"; and its tagged form (HD, BY, WC, PD, ET, SN, LA, LP,
 *    TD, AN at the start of their lines); saved as a web page, the lines a reader sees are these.
 *
 * Each article becomes one document: its text alone (the database's header and trailer never
 * reach the article or its analyses), with the headline, outlet, author, date and time, language
 * and address its header gives. Its identity is the database's accession number, else one made of
 * outlet, date and headline, so a later export of an overlapping search, in any order, adds only
 * the articles not stored yet.
 */
import { createHash } from 'node:crypto';
import { flattenHtml } from '../extract/flatten-html.js';
import { cleanAuthor, opensAsByline } from '../extract/page-author.js';
import { languageCodeOf } from '../language/codes.js';
import { parseDate } from '../extract/parse-date.js';
import type { DocumentHints, RawDocument } from '../model/index.js';

/** A Factiva article element ("article enArticle", "article deArticle") in a page saved from Factiva. */
const FACTIVA_HTML_ARTICLE = /class\s*=\s*["'][^"']*\b[a-z]{2}Article\b/;

/**
 * The articles of a news database's export saved as a web page (Factiva's HTML), or null when the
 * page is not one: the page is read as the lines a reader sees, which are the text export's lines.
 */
export function readNewsArchiveHtml(path: string, html: string): RawDocument[] | null {
  if (!FACTIVA_HTML_ARTICLE.test(html) || !/Document\s+[A-Za-z0-9]{16,}/.test(html)) return null;
  return readNewsArchiveExport(path, flattenHtml(html));
}

interface ArchiveArticle {
  text: string;
  hints: DocumentHints;
}

/** The articles of a news database's export, or null when the text is not one. */
export function readNewsArchiveExport(path: string, text: string): RawDocument[] | null {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const articles = lexisNexisArticles(lines) ?? nexisUniArticles(lines) ?? factivaTaggedArticles(lines) ?? factivaArticles(lines);
  if (articles === null) return null;
  return articles.map((article, index) => ({ path, index, format: 'text', content: article.text, hints: article.hints }));
}

// --- LexisNexis -------------------------------------------------------------------------------

/** The line opening each article: "12 of 500 DOCUMENTS" (German and French exports word it their way). */
const LN_START = /^\s*(?:FOCUS - )?\d+ (?:of|OF) \d+ DOCUMENTS?\s*$|^\s*Dokument \d+ von \d+\s*$|^\s*Document \d+ de \d+\s*$/;
/** A metadata paragraph: "BYLINE: Anna Berg", "LANGUAGE: ENGLISH". */
const LN_FIELD = /^([A-ZÄÖÜ][A-ZÄÖÜ-]+):\s*([\s\S]*)$/;
/** Fields written before the text ("WASHINGTON: The president said" opens a paragraph of text). */
const LN_HEADER_FIELD = /^(?:BYLINE|AUTOR|SECTION|RUBRIK|LENGTH|LÄNGE|LONGUEUR|DATELINE|HIGHLIGHT|SERIES|EDITION|BODY):/;
/** The field that closes the header (LexisNexis writes it last). */
const LN_LENGTH = /^(?:LENGTH|LÄNGE|LONGUEUR):/;
/** A centred line: the outlet, the date, the edition, the copyright notice. */
const CENTRED = /^\s{3,}\S/;

function lexisNexisArticles(lines: string[]): ArchiveArticle[] | null {
  const starts = lines.flatMap((line, index) => (LN_START.test(line) ? [index] : []));
  if (starts.length === 0) return null;
  return starts.map((start, k) => lexisNexisArticle(lines.slice(start + 1, starts[k + 1] ?? lines.length)));
}

function lexisNexisArticle(lines: string[]): ArchiveArticle {
  const first = lines.findIndex((line) => line.trim() !== '');
  const centred: string[] = [];
  let at = Math.max(first, 0);
  for (; at < lines.length && (CENTRED.test(lines[at]!) || lines[at]!.trim() === ''); at++) {
    if (lines[at]!.trim()) centred.push(lines[at]!.trim());
  }
  // The header runs to the LENGTH: paragraph; without one, to the last field before the text.
  const paragraphs = wrappedParagraphs(lines, at);
  const lengthAt = paragraphs.findIndex((p) => LN_LENGTH.test(p.text));
  let headerEnd = lengthAt >= 0 ? lengthAt : paragraphs.findLastIndex((p, index) => index < 8 && LN_HEADER_FIELD.test(p.text));
  // A DATELINE: or HIGHLIGHT: may follow the LENGTH: paragraph.
  while (headerEnd >= 0 && LN_HEADER_FIELD.test(paragraphs[headerEnd + 1]?.text ?? '')) headerEnd++;
  const hints: DocumentHints = {};
  const dateLine = centred.find((line) => parseDate(line) !== null);
  const outlet = centred.find((line) => line !== dateLine && parseDate(line) === null);
  if (outlet) hints.source = outlet;
  if (dateLine) hints.published = publishedOf(dateLine);
  for (const paragraph of paragraphs.slice(0, headerEnd + 1)) {
    const field = LN_HEADER_FIELD.test(paragraph.text) ? LN_FIELD.exec(paragraph.text) : null;
    if (!field) hints.title ??= paragraph.text;
    else if (/^(?:BYLINE|AUTOR)$/.test(field[1]!)) hints.author = authorOf(field[2]!);
  }
  const rest = paragraphs.slice(headerEnd + 1);
  // The trailer is the run of fields and centred lines closing the entry ("UPDATE: ..." opening a
  // paragraph of the text is text when the text goes on after it).
  let trailerAt = rest.length;
  while (trailerAt > 0 && (rest[trailerAt - 1]!.centred || LN_FIELD.test(rest[trailerAt - 1]!.text))) trailerAt--;
  const body = rest.slice(0, trailerAt);
  for (const paragraph of rest.slice(trailerAt)) {
    const field = LN_FIELD.exec(paragraph.text);
    if (!field) continue;
    const value = field[2]!.trim();
    if (/^(?:LANGUAGE|SPRACHE|LANGUE)$/.test(field[1]!)) hints.language = languageCodeOf(value) ?? hints.language;
    else if (field[1] === 'URL' && /^https?:\/\//.test(value)) hints.url = value;
    else if (field[1] === 'LOAD-DATE' && !hints.published) hints.published = parseDate(value);
  }
  return archiveArticle(body.map((p) => p.text), hints, 'lexisnexis');
}

interface Paragraph {
  text: string;
  centred: boolean;
}

/** Blank-line separated paragraphs from `from` on, each hard-wrapped paragraph joined into one line. */
function wrappedParagraphs(lines: string[], from: number): Paragraph[] {
  const out: Paragraph[] = [];
  let current: string[] = [];
  let centred = false;
  const flush = (): void => {
    if (current.length) out.push({ text: current.join(' '), centred });
    current = [];
  };
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') flush();
    else {
      if (current.length === 0) centred = CENTRED.test(line);
      current.push(line.trim());
    }
  }
  flush();
  return out;
}

// --- Nexis Uni --------------------------------------------------------------------------------

const NU_END = /^\s*End of Document\s*$/i;
const NU_BODY = /^\s*Body\s*$/;
/** A header line: "Section: WORLD; Pg. 4", "Length: 612 words", "Byline: Anna Berg". */
const NU_FIELD = /^(Section|Length|Byline|Dateline|Highlight|Edition|Series|Version|Type):\s*(.*)$/;
const NU_TRAILER = /^(?:Classification|Graphic|Notes)\s*$|^(?:Load-Date|Language|Publication-Type|Subject|Geographic|Correction-Date|Document-Type|Journal-Code|Industry|Organization|Company|Person|Ticker|Country|City|State|URL):/;
const COPYRIGHT = /^(?:Copyright\b|©|\(c\))/i;

function nexisUniArticles(lines: string[]): ArchiveArticle[] | null {
  if (!lines.some((line) => NU_END.test(line))) return null;
  const articles = splitAfter(lines, NU_END).filter((chunk) => chunk.some((line) => NU_BODY.test(line))).map(nexisUniArticle);
  return articles.length ? articles : null;
}

function nexisUniArticle(chunk: string[]): ArchiveArticle {
  const bodyAt = chunk.findIndex((line) => NU_BODY.test(line));
  const head = chunk.slice(0, bodyAt).map((line) => line.trim()).filter(Boolean);
  const hints: DocumentHints = {};
  const fieldsAt = head.findIndex((line) => NU_FIELD.test(line) || COPYRIGHT.test(line));
  const top = head.slice(0, fieldsAt >= 0 ? fieldsAt : head.length);
  // Headline, outlet, date: the last three lines above the fields (a cover page may come before).
  const dateAt = top.findLastIndex((line) => parseDate(line) !== null);
  if (dateAt >= 0) {
    hints.published = publishedOf(top[dateAt]!);
    if (dateAt >= 1) hints.source = top[dateAt - 1]!;
    if (dateAt >= 2) hints.title = top[dateAt - 2]!;
  }
  for (const line of head) {
    const field = NU_FIELD.exec(line);
    if (field?.[1] === 'Byline' && field[2]!.trim()) hints.author = authorOf(field[2]!);
  }
  const rest = chunk.slice(bodyAt + 1).map((line) => line.trim());
  const trailerAt = rest.findIndex((line) => NU_TRAILER.test(line));
  for (const line of trailerAt >= 0 ? rest.slice(trailerAt) : []) {
    const language = /^Language:\s*(.+)$/.exec(line);
    if (language) hints.language = languageCodeOf(language[1]!) ?? hints.language;
    const url = /^URL:\s*(https?:\/\/\S+)/.exec(line);
    if (url) hints.url = url[1]!;
  }
  return archiveArticle((trailerAt >= 0 ? rest.slice(0, trailerAt) : rest).filter(Boolean), hints, 'nexis');
}

// --- Factiva ----------------------------------------------------------------------------------

/** The line closing each article, with its accession number. */
const FACTIVA_END = /^\s*Document ([A-Za-z0-9]{16,})\s*$/;
const WORD_COUNT = /^[\d,.]+ (?:words|Wörter|mots|palabras|parole|woorden|palavras|ord)$/i;
const TIME_LINE = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{3,4})?$/;
const SOURCE_CODE = /^[A-Z0-9]{2,10}$/;
/** Lines between the outlet and the text: source code, edition, page, language, copyright. */
const FACTIVA_HEAD_LINES = 7;

function factivaArticles(lines: string[]): ArchiveArticle[] | null {
  if (!lines.some((line) => FACTIVA_END.test(line))) return null;
  const articles = splitAfter(lines, FACTIVA_END).flatMap((chunk) => {
    const id = FACTIVA_END.exec(chunk[chunk.length - 1] ?? '')?.[1];
    const article = id ? factivaArticle(chunk.slice(0, -1), id) : null;
    return article ? [article] : [];
  });
  return articles.length ? articles : null;
}

function factivaArticle(chunk: string[], id: string): ArchiveArticle | null {
  const lines = chunk.map((line) => line.trim()).filter(Boolean);
  const countAt = lines.slice(0, 12).findIndex((line) => WORD_COUNT.test(line));
  if (countAt < 1) return null;
  const hints: DocumentHints = { externalId: `factiva:${id}` };
  let titleAt = countAt - 1;
  if (opensAsByline(lines[titleAt]!) && titleAt >= 1) {
    hints.author = authorOf(lines[titleAt]!);
    titleAt--;
  }
  hints.title = lines[titleAt]!;
  let at = countAt + 1;
  const dateLine = lines[at] ?? '';
  if (parseDate(dateLine) === null) return null;
  at++;
  const timeLine = TIME_LINE.test(lines[at] ?? '') ? lines[at++]! : '';
  hints.published = publishedOf(dateLine, timeLine);
  hints.source = lines[at++] ?? null;
  // The text starts after the copyright notice, else after the language or the source code.
  let bodyAt = at;
  for (let k = at; k < Math.min(lines.length, at + FACTIVA_HEAD_LINES); k++) {
    const line = lines[k]!;
    const language = languageCodeOf(line);
    if (language) hints.language = language;
    if (COPYRIGHT.test(line)) {
      bodyAt = k + 1;
      break;
    }
    if (language || SOURCE_CODE.test(line)) bodyAt = k + 1;
  }
  return archiveArticle(lines.slice(bodyAt), hints, 'factiva');
}

/**
 * The tagged form: a field code at the start of a line, set off by a tab or several spaces (so
 * "IN THE END" in the text is no field), its value after it and on the lines below.
 */
const FACTIVA_TAG = /^(HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN|SE|VOL|ART|CLM)(?:(?:\t|\s{2,})(.*))?\s*$/;

function factivaTaggedArticles(lines: string[]): ArchiveArticle[] | null {
  const records: Array<Map<string, string[]>> = [];
  let record: Map<string, string[]> | null = null;
  let tag = '';
  for (const line of lines) {
    const field = FACTIVA_TAG.exec(line);
    if (field) {
      tag = field[1]!;
      if (tag === 'HD' || record === null) records.push((record = new Map()));
      record.set(tag, field[2]?.trim() ? [field[2].trim()] : []);
    } else if (record && tag && line.trim()) record.get(tag)!.push(line.trim());
  }
  const articles = records.filter((r) => r.has('HD') && (r.has('LP') || r.has('TD'))).map(factivaRecord);
  return articles.length ? articles : null;
}

function factivaRecord(record: Map<string, string[]>): ArchiveArticle {
  const one = (tag: string): string | null => record.get(tag)?.join(' ').trim() || null;
  const id = one('AN')?.replace(/^Document\s+/, '');
  const hints: DocumentHints = { title: one('HD') };
  if (id) hints.externalId = `factiva:${id}`;
  const author = one('BY');
  if (author) hints.author = authorOf(author);
  const date = one('PD');
  if (date) hints.published = publishedOf(date, one('ET') ?? '');
  hints.source = one('SN');
  const language = one('LA');
  if (language) hints.language = languageCodeOf(language);
  return archiveArticle([...(record.get('LP') ?? []), ...(record.get('TD') ?? [])], hints, 'factiva');
}

// --- Shared -----------------------------------------------------------------------------------

/** A byline as the extractor reads one ("BY STEPHEN POLLARD" is Stephen Pollard's). */
const authorOf = (byline: string): string => cleanAuthor(byline.trim()) ?? byline.trim();

/** Lines cut into runs, each ending with a line matching `end` (the last run may end without one). */
function splitAfter(lines: string[], end: RegExp): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (end.test(line)) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.some((line) => line.trim())) chunks.push(current);
  return chunks;
}

/** One document: the paragraphs as text, an identity made from the header when the database gives none. */
function archiveArticle(paragraphs: string[], hints: DocumentHints, database: string): ArchiveArticle {
  const text = paragraphs.join('\n\n');
  if (!hints.externalId && !hints.url) {
    const key = [hints.source, hints.published, hints.title ?? text.slice(0, 200)].join('\n');
    hints.externalId = `${database}:${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
  }
  return { text, hints };
}

/** Time zone abbreviations the databases write after a time. */
const ZONES: Record<string, string> = {
  GMT: 'Z', UTC: 'Z', BST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00', EEST: '+03:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};
const TIME = /\b(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp])?\.?[Mm]?\.?(?:\s+([A-Z]{3,4})\b)?/;

/** The publish day of a date line, with its time of day when the line (or the line after it) gives one. */
function publishedOf(dateLine: string, timeLine = ''): string | null {
  const day = parseDate(dateLine);
  if (!day) return null;
  const time = TIME.exec(`${dateLine} ${timeLine}`);
  if (!time) return day;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const half = time[3]?.toLowerCase();
  if (half) hour = (hour % 12) + (half === 'p' ? 12 : 0);
  if (hour > 23 || minute > 59) return day;
  const zone = time[4] ? (ZONES[time[4]] ?? '') : '';
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${zone}`;
}
