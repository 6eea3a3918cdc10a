/**
 * @module Rich Text Format (.rtf) as text: the document's paragraphs in order, a blank line between
 * two, a centred paragraph indented as a news database's text export writes it (LexisNexis sets the
 * outlet and the date centred), table cells set off by tabs, one row a line. Factiva delivers its
 * downloads as RTF; LexisNexis and Nexis Uni offer it beside text and Word.
 *
 * rtf-stream-parser reads the format: tokens, code pages (`\ansicpg`, a font's `\fcharset`),
 * `\'hh` bytes, `\uN` characters and the `\ucN` fallbacks after them, the skipped `{\*\...}`
 * destinations. What is added here is what a reader sees: no page headers and footers, document
 * properties, pictures, embedded objects or hidden text, and paragraphs, alignment and tables.
 */
import iconv from 'iconv-lite';
import { Tokenize } from 'rtf-stream-parser';
import type { FeatureHandler } from 'rtf-stream-parser/dist/src/features/types.js';
import type { ProcessTokensGlobalState } from 'rtf-stream-parser/dist/src/ProcessTokens.types.js';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';
import type { Token } from 'rtf-stream-parser/dist/src/tokenize.js';
import { InputError } from './source-item.js';

/** Destinations whose text no reader sees on the page. */
const HIDDEN_DESTINATIONS = [
  'fonttbl', 'colortbl', 'stylesheet', 'listtable', 'listoverridetable', 'revtbl', 'info', 'pict', 'nonshppict', 'object',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'pntext', 'pntxta', 'pntxtb',
];

/** Deeper nesting than any word processor writes: hostile input, refused before it costs time. */
const MAX_GROUP_DEPTH = 1000;

/** What this reader keeps on a group: its paragraph's alignment and whether its text is hidden (`\v`). */
interface GroupLayout {
  centred?: boolean;
  hidden?: boolean;
}

/** The paragraphs written so far and the one being written. */
interface Page {
  paragraphs: string[];
  pieces: string[];
  centred: boolean;
}

/** The text of an RTF document: its paragraphs, a blank line between two. */
export function rtfText(bytes: Uint8Array): string {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError('an old binary Word document (.doc), not RTF: save it as a Word .docx, as RTF or as text');
  }
  if (!/^\s*\{\\rtf/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 64)))) throw new InputError('not an RTF document (it does not open with "{\\rtf")');
  const page: Page = { paragraphs: [], pieces: [], centred: false };
  const reader = new ToPlainText({ decode: decodeCodePage, warn: () => {} });
  reader._featureHandlers.unshift(layoutOf(page));
  reader.push = (piece: unknown): boolean => {
    page.pieces.push(String(piece));
    return true;
  };
  const tokenizer = new Tokenize();
  const fail = (error?: unknown): void => {
    if (error instanceof InputError) throw error;
    if (error) throw new InputError(`malformed RTF (${(error as Error).message})`);
  };
  tokenizer.push = (token: unknown): boolean => {
    reader._transform(token as Token, undefined, fail);
    return true;
  };
  tokenizer._transform(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), undefined, fail);
  tokenizer._flush(fail);
  reader._flush(fail);
  endParagraph(page);
  return page.paragraphs.join('\n\n');
}

/** Text in a code page iconv-lite knows, else as Latin-1 (a rare Mac code page loses its accents, not its words). */
function decodeCodePage(bytes: Buffer, encoding: string): string {
  return iconv.encodingExists(encoding) ? iconv.decode(bytes, encoding) : bytes.toString('latin1');
}

function endParagraph(page: Page): void {
  const text = page.pieces.join('').replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '');
  if (text.trim()) page.paragraphs.push(page.centred ? text.replace(/^[ \t]*/gm, '    ') : text);
  page.pieces = [];
  page.centred = false;
}

/** rtf-stream-parser's token type of "{" (its `TokenType` is a const enum, not exported at run time). */
const GROUP_START = 0;

const layout = (global: ProcessTokensGlobalState): GroupLayout => global._state as GroupLayout;

function unseen(global: ProcessTokensGlobalState): boolean {
  const state = global._state;
  if (state.destIgnorable || layout(global).hidden) return true;
  const destinations = state.allDestinations;
  return destinations !== undefined && HIDDEN_DESTINATIONS.some((name) => destinations[name]);
}

/** The reader's additions, run before rtf-stream-parser's own handlers. */
function layoutOf(page: Page): FeatureHandler<ProcessTokensGlobalState> {
  const breakParagraph = (global: ProcessTokensGlobalState): true => {
    if (!unseen(global)) endParagraph(page);
    return true;
  };
  const write = (text: string) => (global: ProcessTokensGlobalState): true => {
    if (!unseen(global)) page.pieces.push(text);
    return true;
  };
  const align = (centred: boolean) => (global: ProcessTokensGlobalState): void => {
    layout(global).centred = centred;
  };
  return {
    tokenHandlers: {
      [GROUP_START]: (global) => {
        if (global._state.groupDepth >= MAX_GROUP_DEPTH) throw new Error(`groups nested over ${MAX_GROUP_DEPTH} deep`);
      },
    },
    controlHandlers: {
      par: breakParagraph,
      row: breakParagraph,
      page: breakParagraph,
      sect: breakParagraph,
      line: write('\n'),
      cell: write('\t'),
      nestcell: write('\t'),
      qc: align(true),
      ql: align(false),
      qr: align(false),
      qj: align(false),
      pard: align(false),
      v: (global, token) => {
        layout(global).hidden = token.param !== 0;
      },
      plain: (global) => {
        layout(global).hidden = false;
      },
    },
    outputDataFilter: (global) => {
      if (unseen(global)) return true;
      if (layout(global).centred) page.centred = true;
      return undefined;
    },
  };
}
