/**
 * @module PDF documents as text: each paragraph one line, a blank line between two, a centred line
 * indented as a news database's text export writes it. LexisNexis, Nexis Uni and Factiva deliver a
 * search as PDF too; press releases and statements come as PDF.
 *
 * pdf.js (pdfjs-dist) reads the file and gives each page's runs of text with their positions, in
 * the order the page draws them (a column before the next). What is added here is what a reader
 * sees on the page:
 *  - runs on one baseline are one line;
 *  - lines follow each other in a paragraph until a larger gap, a change of type size, a line that
 *    ends well short of the column after a full stop or with room left for the next line's first
 *    word, an indented first line, a centred line, or a jump up the page (the next column);
 *  - a paragraph split over two pages is joined again;
 *  - the running headers and footers (a line in the page's top or bottom tenth that recurs at the
 *    same height on other pages, its page number aside, or a page number or an address alone)
 *    are left out; the address and the page title a browser prints there are the document's (a
 *    web page saved as PDF);
 *  - a word broken at a line's end after a hyphen is joined, without the hyphen only when the
 *    document writes the word whole elsewhere.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from './source-item.js';

/** More pages than a search's export runs to: refused rather than read for minutes. */
const MAX_PAGES = 5000;
/** The share of the page's height at its top and at its bottom where running headers and footers sit. */
const MARGIN_BAND = 0.1;
/** A gap this many times the step between a paragraph's lines ends the paragraph. */
const PARAGRAPH_GAP = 1.4;
/** A line that ends a sentence (a paragraph may end there). */
const ENDS_SENTENCE = /[.!?:…]["”’»)]*$/;
/** "3", "Page 3", "Page 3 of 12", "- 3 -", "3/12", "Seite 3 von 12". */
const PAGE_NUMBER = /^[-–\s]*(?:(?:page|seite|p\.|pag\.|página|pagina)\s*)?\d{1,4}(?:\s*(?:of|von|de|di|sur|\/)\s*\d{1,4})?[-–\s]*$/i;

/** A web address in a running line. */
const ADDRESS = /\bhttps?:\/\/[^\s"<>]+/;
/** A line that is an address, with a page number after it or not ("https://x.example/a 1/3"). */
const ONLY_AN_ADDRESS = /^https?:\/\/\S+(?:\s+\d{1,4}\s*(?:\/|of)\s*\d{1,4})?$/i;

/** What pdf.js gives for a run of text (`TextItem`; marked-content items carry no `str`). */
export interface TextRun {
  str?: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** A line of a page: its text, baseline, left and right ends and type size, in PDF units. */
interface Line {
  text: string;
  y: number;
  left: number;
  right: number;
  size: number;
}

/** A page's runs of text, in the order drawn, and its height. */
export interface PageRuns {
  runs: TextRun[];
  height: number;
}

interface PageLines {
  lines: Line[];
  height: number;
}

/** What a PDF gives: its text, and the address and page title a browser printed in its running lines (a saved web page). */
export interface PdfDocument {
  text: string;
  address: string | null;
  pageTitle: string | null;
}

/** The text of a PDF (its paragraphs, a blank line between two), and the address and page title it was printed with. */
export async function readPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const loading = pdfjs.getDocument({
    // pdf.js takes the buffer over (detaches it) and refuses a Buffer: a plain copy.
    data: new Uint8Array(bytes),
    cMapUrl: join(root, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts/'),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document;
  try {
    document = await loading.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new InputError('the PDF is protected by a password');
    throw new InputError(`not a readable PDF (${(error as Error).message})`);
  }
  try {
    if (document.numPages > MAX_PAGES) throw new InputError(`the PDF has ${document.numPages} pages, over the ${MAX_PAGES} read`);
    const pages: PageRuns[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push({ runs: content.items as TextRun[], height: page.view[3]! - page.view[1]! });
      page.cleanup();
    }
    const read = readPages(pages);
    if (read.text.replace(/\s/g, '').length < 20) throw new InputError('no text in this PDF (a scan? it needs OCR first)');
    return read;
  } finally {
    await loading.destroy();
  }
}

/** The text of the pages' runs (paragraphs, a blank line between two, centred ones indented), and the address and page title in their running lines. */
export function readPages(pages: PageRuns[]): PdfDocument {
  const { body, running } = runningLinesApart(pages.map((page) => ({ lines: linesOf(page.runs), height: page.height })));
  const address = running.map((line) => ADDRESS.exec(line.text)?.[0]).find((url) => url !== undefined) ?? null;
  // A browser prints the page's title beside the date over each page ("5/15/26, 10:20 AM  Headline | Outlet").
  const pageTitle = running.map((line) => titleOfRunningLine(line.text)).find((title) => title !== null) ?? null;
  return { text: paragraphsOf(body).join('\n\n'), address, pageTitle };
}

/** The page's runs of text as lines: runs on one baseline are one line, in the order drawn. */
function linesOf(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const run of runs) {
    if (run.str === undefined || run.str === '') continue;
    const size = Math.hypot(run.transform[2]!, run.transform[3]!) || run.height || 1;
    // Text set at an angle is no line of the page's text: a watermark ("DRAFT" across the page), a
    // label up the margin ("Downloaded from ... on 6 March 2025").
    if (Math.abs(run.transform[1]!) > 0.01 * size) continue;
    const x = run.transform[4]!;
    const y = run.transform[5]!;
    if (line !== null && Math.abs(line.y - y) < 0.5 * Math.max(size, line.size)) {
      const gap = x - line.right;
      if (gap > 0.15 * size && !/\s$/.test(line.text) && !/^\s/.test(run.str)) line.text += ' ';
      line.text += run.str;
      line.right = Math.max(line.right, x + run.width);
      line.size = Math.max(line.size, size);
    } else {
      if (line !== null) lines.push(line);
      line = { text: run.str, y, left: x, right: x + run.width, size };
    }
  }
  if (line !== null) lines.push(line);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

/** A page number at a line's start or end ("Page 3 of 12 | The Harbour Times", "Harbour Times - 3"). */
const PAGE_NUMBER_PART = /^(?:(?:page|seite|p\.)\s*)?\d{1,4}(?:\s*(?:of|von|de|\/)\s*\d{1,4})?\s*[-–|·]?\s*|\s*[-–|·]?\s*(?:(?:page|seite|p\.)\s*)?\d{1,4}(?:\s*(?:of|von|de|\/)\s*\d{1,4})?$/gi;

/** A date and time as browsers print them at a page's corner: "5/15/26, 10:20 AM", "15.05.26, 10:20". */
const PRINTED_DATE_TIME = /^\d{1,2}[./]\d{1,2}[./]\d{2,4},?(?:\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)?\s+|\s+\d{1,2}[./]\d{1,2}[./]\d{2,4},?(?:\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)?$/gi;

/** What a running line says besides a printed date, an address and a page number, when it is three words or more: the page's title. */
function titleOfRunningLine(text: string): string | null {
  if (PAGE_NUMBER.test(text) || ONLY_AN_ADDRESS.test(text)) return null;
  const rest = text.replace(new RegExp(ADDRESS, 'g'), ' ').replace(PRINTED_DATE_TIME, ' ').replace(PAGE_NUMBER_PART, ' ').replace(/\s+/g, ' ').trim();
  return rest.split(' ').length >= 3 ? rest : null;
}

/** What a running line keeps from page to page: its text less its page number, and where it sits. */
const shapeOf = (line: Line): string => `${Math.round(line.y / 2)}|${line.text.replace(PAGE_NUMBER_PART, '').toLowerCase()}`;

/**
 * The pages' lines apart from their running headers and footers: a line in the top or bottom band
 * that recurs at the same height on at least half the other pages (its page number aside), a page
 * number alone, or an address alone (a browser prints the page's address in its footer). ("1 of
 * 40 DOCUMENTS" opening an entry on each page is no running line: its count is no page number,
 * and it does not sit at one height.)
 */
function runningLinesApart(pages: PageLines[]): { body: Line[][]; running: Line[] } {
  const inBand = (line: Line, page: PageLines): boolean => line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const shape of new Set(page.lines.filter((l) => inBand(l, page)).map(shapeOf))) pagesWith.set(shape, (pagesWith.get(shape) ?? 0) + 1);
  }
  const recurs = (line: Line): boolean => {
    const others = (pagesWith.get(shapeOf(line)) ?? 0) - 1;
    return others >= 1 && others >= (pages.length - 1) / 2;
  };
  const running: Line[] = [];
  const body = pages.map((page) =>
    page.lines.filter((line) => {
      const isRunning = inBand(line, page) && (PAGE_NUMBER.test(line.text) || ONLY_AN_ADDRESS.test(line.text) || recurs(line));
      if (isRunning) running.push(line);
      return !isRunning;
    }),
  );
  return { body, running };
}

interface Paragraph {
  lines: string[];
  centred: boolean;
}

/**
 * The step between two lines' baselines inside a paragraph on this page: the smallest of the usual
 * steps (a tenth of the steps down are this small or smaller), so pages of one-line paragraphs, all
 * steps paragraph gaps, do not set it. Zero when the page has too few lines to tell.
 */
function lineStep(lines: Line[]): number {
  const steps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const step = lines[k - 1]!.y - lines[k]!.y;
    if (step > 0 && Math.abs(lines[k]!.size - lines[k - 1]!.size) < 0.5) steps.push(step);
  }
  steps.sort((a, b) => a - b);
  return steps.length >= 3 ? steps[Math.floor(steps.length / 10)]! : 0;
}

/**
 * Where each column of a page ends on the right: among the lines that start where a line starts
 * (within ten units), the end that nine in ten of them reach no further than, so a headline across
 * two columns does not move the first column's end.
 */
function columnEnds(lines: Line[]): (line: Line) => number {
  const rights = new Map<number, number[]>();
  for (const line of lines) {
    const key = Math.round(line.left / 10);
    const list = rights.get(key);
    if (list) list.push(line.right);
    else rights.set(key, [line.right]);
  }
  const ends = new Map<number, number>();
  for (const [key, list] of rights) {
    list.sort((a, b) => a - b);
    ends.set(key, list[Math.floor(0.9 * (list.length - 1))]!);
  }
  return (line) => {
    const key = Math.round(line.left / 10);
    return Math.max(ends.get(key - 1) ?? 0, ends.get(key) ?? 0, ends.get(key + 1) ?? 0);
  };
}

/**
 * Room the line's first word needs at the end of the line above, with a space before it, over-
 * estimated by a third (its letters measured at the line's average width): a line that stopped with
 * that much room left was ended on purpose (a paragraph's end, a line of a header block), since the
 * word would have fitted.
 */
function firstWordWidth(line: Line): number {
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  const perCharacter = (line.right - line.left) / Math.max(line.text.length, 1);
  return (word.length + 1) * perCharacter * 1.33;
}

/** The pages' lines as paragraphs, each one line of text (a centred one indented). */
function paragraphsOf(pages: Line[][]): string[] {
  const paragraphs: Paragraph[] = [];
  // Whether the last line so far runs to its column's end: a paragraph broken off by the column or
  // the page, not one that ended.
  let lastRunsOn = false;
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const step = lineStep(lines);
    let left = Infinity;
    let right = -Infinity;
    for (const line of lines) {
      left = Math.min(left, line.left);
      right = Math.max(right, line.right);
    }
    const centre = (left + right) / 2;
    const width = right - left;
    const columnEnd = columnEnds(lines);
    const isCentred = (line: Line): boolean =>
      line.left > left + 0.1 * width && Math.abs((line.left + line.right) / 2 - centre) < 0.05 * width;
    let previous: Line | null = null;
    for (const line of lines) {
      const centred = isCentred(line);
      const current = paragraphs.at(-1);
      let goesOn: boolean;
      if (current === undefined || centred || current.centred) goesOn = false;
      else if (previous === null || previous.y <= line.y) {
        // The first line of a page or of a column (up the page again) goes on with the paragraph
        // left open before it: no full stop at its end, and this line in lower case or the line
        // before running to the end of its column.
        goesOn = !ENDS_SENTENCE.test(current.lines.at(-1)!) && (/^\p{Ll}/u.test(line.text) || lastRunsOn);
      } else {
        // A gap larger than the usual step between lines of this size, a change of size, a line
        // ending short of the column after a full stop, or a line indented where the one above was
        // not (a paragraph's first line, as books and newspapers set them) ends the paragraph.
        const drop = previous.y - line.y;
        // Leading is 1 to 1.45 times the type size: the page's step, held to that for this line's size.
        const usual = Math.min(Math.max(step || 1.2 * line.size, line.size), 1.45 * line.size);
        const room = columnEnd(previous) - previous.right;
        const endsShort = (room > 0.15 * width && ENDS_SENTENCE.test(previous.text)) || room > firstWordWidth(line);
        const indented = line.left > previous.left + 0.8 * line.size && line.left - previous.left < 4 * line.size;
        goesOn = drop <= PARAGRAPH_GAP * usual && Math.abs(line.size - previous.size) <= 0.5 && !endsShort && !indented;
      }
      if (goesOn) current!.lines.push(line.text);
      else paragraphs.push({ lines: [line.text], centred });
      lastRunsOn = line.right >= columnEnd(line) - 0.05 * width;
      previous = line;
    }
  }
  const words = wordsOf(paragraphs);
  return paragraphs.map((p) => (p.centred ? '    ' : '') + joinLines(p.lines, words));
}

/** The words of the document, lower-cased: one written whole decides how a word broken at a line's end is joined. */
function wordsOf(paragraphs: Paragraph[]): Set<string> {
  const words = new Set<string>();
  for (const p of paragraphs) for (const line of p.lines) for (const m of line.matchAll(/\p{L}+/gu)) words.add(m[0].toLowerCase());
  return words;
}

/**
 * A paragraph's lines as one. A word broken at a line's end after a hyphen keeps it ("two-" "day"
 * is "two-day") unless the document writes the word whole elsewhere ("dock-" "workers" is
 * "dockworkers" where "dockworkers" occurs); a soft hyphen (U+00AD) is dropped.
 */
function joinLines(lines: string[], words: Set<string>): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    const broken = /(\p{L}+)([-\u00ad])$/u.exec(text);
    const next = /^\p{Ll}+/u.exec(line);
    if (broken && next) {
      const whole = broken[2] === '\u00ad' || words.has(`${broken[1]}${next[0]}`.toLowerCase());
      text = (whole ? text.slice(0, -1) : text) + line;
    } else text += ` ${line}`;
  }
  return text;
}
