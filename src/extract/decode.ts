/**
 * @module Bytes to text: find the charset (HTTP header, BOM, `<meta charset>`, valid UTF-8,
 * statistical detection), decode it, then repair UTF-8 that was read as Windows-1252 (mojibake).
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodeOptions {
  /** HTTP Content-Type header value, e.g. "text/html; charset=ISO-8859-1". */
  contentType?: string | null;
  /** Look for `<meta charset>` / http-equiv / XML declarations in the first bytes. */
  isHtml?: boolean;
}

export interface DecodedText {
  text: string;
  /** Encoding actually used, lower-case WHATWG-style label ("utf-8", "windows-1252"). */
  encoding: string;
}

/** How many leading bytes are searched for a charset declaration (HTML spec: 1024; be generous). */
const SNIFF_BYTES = 4096;

const CHARSET_IN_CONTENT_TYPE = /charset\s*=\s*["']?([\w.:-]+)/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i;

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = encodingFromBom(bytes);
  if (bom) return finish(decodeWith(bytes.subarray(bom.length), bom.encoding), bom.encoding);

  const declared =
    normaliseLabel(options.contentType?.match(CHARSET_IN_CONTENT_TYPE)?.[1]) ??
    (options.isHtml !== false ? declaredInDocument(bytes) : null);

  if (declared === 'utf-8') {
    // Pages labelled UTF-8 whose bytes are not: trust the bytes, not the label.
    const utf8 = decodeUtf8Strict(bytes);
    if (utf8 !== null) return finish(utf8, 'utf-8');
    return decodeDetected(bytes);
  }
  if (declared && iconv.encodingExists(declared)) return finish(decodeWith(bytes, declared), declared);

  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8');
  return decodeDetected(bytes);
}

function finish(text: string, encoding: string): DecodedText {
  return { text: repairMojibake(text), encoding };
}

function decodeDetected(bytes: Uint8Array): DecodedText {
  const guess = normaliseLabel(chardet.detect(bytes) ?? undefined);
  // Detection on Western text often says ISO-8859-1; Windows-1252 is its superset in practice.
  const encoding = guess && guess !== 'utf-8' && iconv.encodingExists(guess) ? guess : 'windows-1252';
  return finish(decodeWith(bytes, encoding), encoding);
}

function encodingFromBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function declaredInDocument(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const label = head.match(XML_ENCODING)?.[1] ?? head.match(META_CHARSET)?.[1];
  return normaliseLabel(label);
}

/** Map a declared label to the decoder browsers actually use for it. */
function normaliseLabel(label: string | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // WHATWG: these labels all mean windows-1252.
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp1252|cp819|ibm819|iso_8859-1.*|x-cp1252)$/.test(l)) {
    return 'windows-1252';
  }
  if (l === 'gb2312' || l === 'x-gbk') return 'gbk';
  if (l === 'shift-jis' || l === 'sjis' || l === 'x-sjis') return 'shift_jis';
  return l;
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes), encoding);
}

/** Windows-1252 code points for bytes 0x80-0x9F (undefined bytes keep their C1 code point). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
const BYTE_OF_CHAR = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) {
  const cp = b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b;
  BYTE_OF_CHAR.set(String.fromCodePoint(cp), b);
  // Read as Latin-1 instead, bytes 0x80-0x9F become C1 controls, which real text never holds.
  if (b < 0xa0) BYTE_OF_CHAR.set(String.fromCodePoint(b), b);
}
const CONTINUATION_CHARS = [...BYTE_OF_CHAR.entries()]
  .filter(([, b]) => b >= 0x80 && b <= 0xbf)
  .map(([c]) => c)
  .join('');
const escapeClass = (s: string): string => s.replace(/[\\\]^-]/g, '\\$&');
/** A lead byte (0xC2-0xF4 as Latin-1) followed by one to three continuation bytes as Windows-1252. */
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][${escapeClass(CONTINUATION_CHARS)}]{1,3}`, 'gu');

/**
 * Undo UTF-8 that was decoded as Windows-1252 or Latin-1 ("FranÃ§ais" -> "Français", "â€™" -> "’",
 * "â\u0080\u0094" -> "—").
 * A run is replaced only when its bytes form exactly one valid UTF-8 character, so genuine
 * Latin-1 text ("Ã" followed by a space) is left alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  const repaired = text.replace(MOJIBAKE, (run) => {
    const bytes = [...run].map((c) => BYTE_OF_CHAR.get(c) ?? -1);
    const lead = bytes[0] as number;
    const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (bytes.length < expected || bytes.includes(-1)) return run;
    const decoded = decodeUtf8Strict(Uint8Array.from(bytes.slice(0, expected)));
    if (decoded === null || [...decoded].length !== 1) return run;
    return decoded + run.slice(expected);
  });
  // U+201D is E2 80 9D; 0x9D has no Windows-1252 character, so it is often lost, leaving "â€".
  return repaired.includes('â€') && repaired !== text ? repaired.replace(/â€(?![\u0080-\u00bf])/g, '”') : repaired;
}
