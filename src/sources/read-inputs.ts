/**
 * @module The input edge: walks the paths given, reads each file within safe limits and turns it
 * into SourceItems. Every problem becomes an `error` item naming the file and the reason, so one
 * bad file never stops the batch.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';
import { decodeBytes, repairMojibake } from '../extract/decode.js';
import { outletInTitle } from '../extract/page-outlet.js';
import { docxText } from './docx-text.js';
import { readEmail } from './email-message.js';
import type { RawDocument } from '../model/index.js';
import { readJsonFeedText, readXmlFeed } from './feed-source.js';
import { readJsonlLine } from './jsonl-source.js';
import { containerDate, oldestFirst } from './arrival-order.js';
import { readNewsArchiveExport, readNewsArchiveHtml } from './news-archive-export.js';
import { readOpml } from './opml-source.js';
import { InputError, type SourceItem } from './source-item.js';
import { rtfText } from './rtf-text.js';
import { readPdf } from './pdf-text.js';
import { readTextDocument } from './text-source.js';
import { readWarc } from './warc-source.js';

/** Largest single document or feed read into memory (after decompression). JSONL is streamed. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
const MAX_JSONL_LINE_CHARS = 8 * 1024 * 1024;

export type InputFormat = 'text' | 'docx' | 'rtf' | 'pdf' | 'email' | 'mbox' | 'html' | 'jsonl' | 'xml-feed' | 'json-feed' | 'opml' | 'warc';

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.docx': 'docx',
  '.rtf': 'rtf',
  // LexisNexis's "Word" download, like other databases', is RTF under a .doc name; a binary Word
  // document is refused when it is read (rtf-text.ts).
  '.doc': 'rtf',
  '.pdf': 'pdf',
  '.eml': 'email',
  '.mbox': 'mbox',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'xml-feed',
  '.atom': 'xml-feed',
  '.xml': 'xml-feed',
  '.json': 'json-feed',
  '.opml': 'opml',
  '.warc': 'warc',
};

/** What to do with the formats news databases and word processors also export, which are not read. */
const SAVE_AS: Record<string, string> = {
  '.odt': 'save it as a Word .docx, as RTF or as text',
  '.pages': 'export it as a Word .docx, as RTF or as text',
};

/** Formats whose files are bytes, not text. */
const BINARY_FORMATS = new Set<InputFormat>(['docx', 'rtf', 'pdf']);

export interface InputFile {
  path: string;
  format: InputFormat;
  gzipped: boolean;
  size: number;
}

export function formatOf(path: string): { format: InputFormat | null; gzipped: boolean } {
  const lower = path.toLowerCase();
  const gzipped = lower.endsWith('.gz');
  const extension = extname(gzipped ? lower.slice(0, -3) : lower);
  return { format: EXTENSIONS[extension] ?? null, gzipped };
}

const sizeText = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Expands the given paths (directories recursively, in name order) into input files. Files named
 * explicitly with an unsupported type are errors; inside directories they are skipped.
 */
export async function listInputs(paths: string[]): Promise<{ files: InputFile[]; problems: SourceItem[] }> {
  const files: InputFile[] = [];
  const problems: SourceItem[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      problems.push({ kind: 'error', path, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const name of entries) await visit(join(path, name), false);
      return;
    }
    const { format, gzipped } = formatOf(path);
    if (!format) {
      const type = extname(path) || basename(path);
      const hint = SAVE_AS[type.toLowerCase()];
      const message = `unsupported file type "${type}"${hint ? ` (${hint})` : ''}`;
      problems.push({ kind: explicit ? 'error' : 'skipped', path, message });
      return;
    }
    files.push({ path, format, gzipped, size: info.size });
  };
  for (const path of paths) await visit(path, true);
  return { files, problems };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** A text's articles: one, or each of a news database's export (many articles, each under its own header). */
function textDocuments(path: string, text: string): RawDocument[] {
  return readNewsArchiveExport(path, text) ?? [readTextDocument(path, text)];
}

/**
 * A PDF's articles. One printed from a web page takes the address the browser printed in its footer,
 * and the outlet its page title names beside the headline ("Headline | The Harbour Times"); a
 * release is filed under its issuer, named beside what it is over each page ("Harbour Authority of
 * Brennmouth · Press release").
 */
async function pdfDocuments(path: string, bytes: Uint8Array): Promise<RawDocument[]> {
  const { text, address, pageTitle } = await readPdf(bytes);
  const documents = textDocuments(path, repairMojibake(text));
  const only = documents.length === 1 ? documents[0]! : null;
  if (only && address && !only.hints.url) only.hints.url = address;
  const outlet = only && pageTitle ? (address ? outletInTitle(pageTitle, null) : issuerOfRelease(pageTitle)) : null;
  if (only && outlet && !only.hints.source) only.hints.source = outlet;
  return documents;
}

/** What a release calls itself over its pages, in the languages news is read in. */
const RELEASE = /^(?:(?:press|media|news) (?:release|statement)|statement|pressemitteilung|presseerklärung|communiqué(?: de presse)?|comunicado(?: de prensa)?|comunicato(?: stampa)?|persbericht|pressmeddelande|pressemelding|tiedote)$/i;

/** The issuer a release's running line names beside what it is ("Harbour Authority of Brennmouth · Press release"), or null. */
function issuerOfRelease(line: string): string | null {
  const parts = line.split(/\s+[·|•–—-]\s+|\s*\|\s*/).map((part) => part.trim()).filter(Boolean);
  if (parts.length !== 2) return null;
  const issuer = RELEASE.test(parts[1]!) ? parts[0]! : RELEASE.test(parts[0]!) ? parts[1]! : null;
  return issuer && /^\p{Lu}/u.test(issuer) && issuer.split(' ').length <= 8 ? issuer : null;
}

async function readBytes(file: InputFile): Promise<Uint8Array> {
  if (file.size > MAX_DOCUMENT_BYTES) {
    throw new InputError(`file is ${sizeText(file.size)}, over the ${sizeText(MAX_DOCUMENT_BYTES)} limit for one document`);
  }
  let bytes: Uint8Array = await readFile(file.path);
  if (file.gzipped) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(`decompresses to over ${sizeText(MAX_DOCUMENT_BYTES)}`);
      throw new InputError(`truncated or corrupt gzip (${(error as Error).message})`);
    }
  }
  if (bytes.length === 0) throw new InputError('file is empty');
  // Word documents (zips) and PDFs are binary by nature, and RTF may carry binary runs (`\bin`):
  // their readers unpack them within limits and refuse what is not of their format.
  if (!BINARY_FORMATS.has(file.format) && looksBinary(bytes)) throw new InputError('binary file, not text');
  return bytes;
}

async function documentsOf(file: InputFile, bytes: Uint8Array): Promise<RawDocument[] | SourceItem> {
  const read = await documentsIn(file, bytes);
  // A feed or an export is a batch known up front: handed on oldest first, as it was published.
  // (A JSONL dump is streamed, so it goes in its own order, gzipped or not.)
  return Array.isArray(read) && file.format !== 'jsonl' ? oldestFirst(read, containerDate) : read;
}

async function documentsIn(file: InputFile, bytes: Uint8Array): Promise<RawDocument[] | SourceItem> {
  // A document keeps the mojibake of the text it was made from ("â€™" for "’"): repaired as a text file's is.
  if (file.format === 'docx') return textDocuments(file.path, repairMojibake(docxText(bytes, 2 * MAX_DOCUMENT_BYTES)));
  if (file.format === 'rtf') return textDocuments(file.path, repairMojibake(rtfText(bytes)));
  if (file.format === 'pdf') return pdfDocuments(file.path, bytes);
  if (file.format === 'email') return [await readEmail(file.path, bytes)];
  // Markup declares its charset inside (`<meta charset>`, `<?xml encoding>`); text and JSON do not.
  const { text } = decodeBytes(bytes, { isHtml: file.format === 'html' || file.format === 'xml-feed' || file.format === 'opml' });
  switch (file.format) {
    case 'text':
      return textDocuments(file.path, text);
    case 'html':
      return readNewsArchiveHtml(file.path, text) ?? [{ path: file.path, index: 0, format: 'html', content: text, hints: {} }];
    case 'xml-feed':
      return readXmlFeed(file.path, text);
    case 'json-feed':
      return readJsonFeedText(file.path, text);
    case 'opml':
      return { kind: 'subscriptions', path: file.path, subscriptions: readOpml(text) };
    case 'jsonl':
      return text.split('\n').flatMap((line, index) => (line.trim() ? [readJsonlLine(file.path, line, index + 1)] : []));
    case 'warc':
    case 'mbox':
      throw new InputError('web archives and mailboxes are streamed, not read whole');
  }
}

async function* streamJsonl(file: InputFile): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    if (line.length > MAX_JSONL_LINE_CHARS) {
      yield { kind: 'error', path: file.path, message: `line ${lineNumber}: over ${MAX_JSONL_LINE_CHARS} characters` };
      continue;
    }
    try {
      yield { kind: 'document', document: readJsonlLine(file.path, line, lineNumber) };
    } catch (error) {
      yield { kind: 'error', path: file.path, message: messageOf(error) };
    }
  }
}

/** The line that opens each message of a mailbox ("From sender@example.org Fri May 15 06:00:00 2026"). */
const MBOX_FROM = /^From \S+/;

/**
 * The messages of a mailbox (mbox: each opens with a "From " line; a body line that would read as
 * one is written ">From "), read one at a time; a message over the size limit is reported by its
 * number and the rest go on.
 */
async function* streamMbox(file: InputFile): AsyncGenerator<SourceItem> {
  // Latin-1 keeps every byte as one character: a message's bytes are given back as they were.
  const input = file.gzipped ? createReadStream(file.path).pipe(createGunzip()) : createReadStream(file.path);
  const lines = createInterface({ input: input.setEncoding('latin1'), crlfDelay: Infinity });
  let message: string[] = [];
  let size = 0;
  let number = 0;
  let tooLarge = false;
  const finish = async (): Promise<SourceItem | null> => {
    if (number === 0) return null;
    if (tooLarge) return { kind: 'error', path: file.path, message: `message ${number}: over the ${sizeText(MAX_DOCUMENT_BYTES)} limit for one document` };
    try {
      const document = await readEmail(file.path, Buffer.from(message.join('\n'), 'latin1'));
      return { kind: 'document', document: { ...document, index: number - 1 } };
    } catch (error) {
      return { kind: 'error', path: file.path, message: `message ${number}: ${messageOf(error)}` };
    }
  };
  for await (const line of lines) {
    if (MBOX_FROM.test(line)) {
      const done = await finish();
      if (done) yield done;
      number++;
      message = [];
      size = 0;
      tooLarge = false;
      continue;
    }
    if (number === 0 || tooLarge) continue;
    size += line.length + 1;
    if (size > MAX_DOCUMENT_BYTES) {
      tooLarge = true;
      message = [];
      continue;
    }
    message.push(line.startsWith('>From ') ? line.slice(1) : line);
  }
  const last = await finish();
  if (last) yield last;
  if (number === 0) yield { kind: 'error', path: file.path, message: 'no messages in this mailbox (no "From " line opens one)' };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The bytes of a web archive, gunzipped here when it is gzipped (record by record, as crawlers write
 * it: Node's gunzip reads member after member), so that an archive cut short ends in an error that
 * says so; warcio's own reader passes over a gzipped record cut short at the end of the file.
 */
async function warcBytes(path: string): Promise<AsyncIterable<Uint8Array>> {
  const head = Buffer.alloc(2);
  const handle = await open(path, 'r');
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(path);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  gunzip.on('error', (error) => {
    if (/unexpected end of file/i.test(error.message)) error.message = 'the file ends in the middle of a gzipped record (cut short?)';
  });
  return raw.pipe(gunzip);
}

/** Reads one input file into SourceItems; never throws. */
export async function* readInput(file: InputFile): AsyncGenerator<SourceItem> {
  // Web archives run to gigabytes: streamed record by record.
  if (file.format === 'warc') {
    try {
      yield* readWarc(file.path, await warcBytes(file.path), { maxRecordBytes: MAX_DOCUMENT_BYTES });
    } catch (error) {
      yield { kind: 'error', path: file.path, message: messageOf(error) };
    }
    return;
  }
  // A mailbox (a mail client's folder, a Takeout export) runs to gigabytes: message by message.
  if (file.format === 'mbox') {
    try {
      yield* streamMbox(file);
    } catch (error) {
      yield { kind: 'error', path: file.path, message: messageOf(error) };
    }
    return;
  }
  if (file.format === 'jsonl' && !file.gzipped) {
    try {
      yield* streamJsonl(file);
    } catch (error) {
      yield { kind: 'error', path: file.path, message: messageOf(error) };
    }
    return;
  }
  let result: RawDocument[] | SourceItem;
  try {
    result = await documentsOf(file, await readBytes(file));
  } catch (error) {
    yield { kind: 'error', path: file.path, message: messageOf(error) };
    return;
  }
  if (!Array.isArray(result)) {
    yield result;
    return;
  }
  if (result.length === 0) yield { kind: 'error', path: file.path, message: 'no articles in this file' };
  for (const document of result) yield { kind: 'document', document };
}
