/**
 * @module Web archives (WARC 1.0/1.1, plain or gzipped record by record, as crawlers and Common
 * Crawl write them) read with warcio, streamed: each captured HTML page or PDF (a `response` record
 * of status 200, or a `resource` record) becomes a document with its address; the HTTP body is
 * de-chunked and decompressed by warcio, and decoded with the charset of its HTTP header first.
 * Requests, metadata, redirects, revisits and other captures are passed over; a capture too
 * large, or a record that is none (junk, another kind of file), is reported by its number, naming the
 * file. The caller gunzips a gzipped archive (warcio would pass over a record cut short at its end),
 * so a cut reads as an error on the record it cut.
 */
import { WARCParser, type WARCRecord } from 'warcio';
import { decodeBytes } from '../extract/decode.js';
import type { RawDocument } from '../model/index.js';
import { readPdf } from './pdf-text.js';
import type { SourceItem } from './source-item.js';

const WARC_TYPES = new Set<string | null>(['warcinfo', 'response', 'resource', 'request', 'metadata', 'revisit', 'conversion', 'continuation']);
const HTML_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;
/** What a capture may be to be read: a page, or a PDF (a release, a report, a printed edition). */
const READ_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml|application\/pdf)\b/i;

export interface WarcOptions {
  /** Largest capture read (its record's length); larger ones are reported and skipped. */
  maxRecordBytes: number;
}

/** The HTML captures of a WARC stream, in file order; never throws. */
export async function* readWarc(path: string, source: AsyncIterable<Uint8Array>, options: WarcOptions): AsyncGenerator<SourceItem> {
  let number = 0;
  let index = 0;
  let pages = 0;
  try {
    for await (const record of WARCParser.iterRecords(source)) {
      number++;
      // warcio reads on past what is no record at all (a file that is not a WARC, junk at its end).
      if (!WARC_TYPES.has(record.warcType)) {
        yield { kind: 'error', path, message: `record ${number}: not a WARC record (no WARC-Type)` };
        return;
      }
      const capture = captureOf(record);
      if (capture === null) continue;
      if (record.warcContentLength > options.maxRecordBytes) {
        yield { kind: 'error', path, message: `record ${number} (${capture.url}): ${(record.warcContentLength / 1024 / 1024).toFixed(1)} MB, over the limit for one document` };
        continue;
      }
      const body = await record.readFully(true);
      pages++;
      if (body.length === 0) continue;
      if (!HTML_TYPES.test(capture.contentType)) {
        try {
          const { text } = await readPdf(body);
          yield { kind: 'document', document: { path, index: index++, format: 'text', content: text, hints: { url: capture.url } } };
        } catch (error) {
          yield { kind: 'error', path, message: `record ${number} (${capture.url}): ${error instanceof Error ? error.message : String(error)}` };
        }
        continue;
      }
      const { text } = decodeBytes(body, { isHtml: true, contentType: capture.contentType });
      const document: RawDocument = { path, index: index++, format: 'html', content: text, hints: { url: capture.url } };
      yield { kind: 'document', document };
    }
  } catch (error) {
    yield { kind: 'error', path, message: `record ${number + 1}: not a readable WARC record (${error instanceof Error ? error.message : String(error)})` };
    return;
  }
  if (number === 0) yield { kind: 'error', path, message: 'no WARC records in this file' };
  else if (pages === 0) yield { kind: 'error', path, message: `no HTML pages or PDFs among its ${number} WARC records` };
}

/** The page a record captured, if it is an HTML page or a PDF fetched successfully. */
function captureOf(record: WARCRecord): { url: string; contentType: string } | null {
  const url = record.warcTargetURI;
  if (!url) return null;
  if (record.warcType === 'resource') {
    const contentType = record.warcContentType ?? '';
    return READ_TYPES.test(contentType) ? { url, contentType } : null;
  }
  if (record.warcType !== 'response') return null;
  const info = record.getResponseInfo();
  if (!info || Number(info.status) !== 200) return null;
  const contentType = info.headers.get('content-type') ?? '';
  return READ_TYPES.test(contentType) ? { url, contentType } : null;
}
