/**
 * @module Bytes to text: the charset from the HTTP header, a BOM, or `<meta charset>`, else UTF-8
 * when the bytes are valid UTF-8, else detection.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodeOptions {
  contentType?: string | null;
  isHtml?: boolean;
}

export interface DecodedText {
  text: string;
  encoding: string;
}

const CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;

function fromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function fromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  const name = encoding.toLowerCase() === 'iso-8859-1' ? 'windows-1252' : encoding;
  return iconv.encodingExists(name) ? iconv.decode(Buffer.from(bytes), name) : new TextDecoder().decode(bytes);
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const declared =
    CHARSET.exec(options.contentType ?? '')?.[1]?.toLowerCase() ?? fromBom(bytes) ?? (options.isHtml ? fromMeta(bytes) : null);
  if (declared && !(declared === 'utf-8' && !isValidUtf8(bytes))) {
    return { text: decodeAs(bytes, declared).replace(/^\uFEFF/, ''), encoding: declared };
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const detected = (chardet.detect(bytes) ?? 'windows-1252').toLowerCase();
  const encoding = detected.startsWith('utf-8') ? 'windows-1252' : detected;
  return { text: decodeAs(bytes, encoding), encoding };
}
