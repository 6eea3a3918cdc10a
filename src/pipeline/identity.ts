/** @module How an input is recognised again on re-ingest, and the hashes that tell whether it changed. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Article, RawDocument } from '../model/index.js';

const sha256 = (value: string | Uint8Array): string => createHash('sha256').update(value).digest('hex');

/** URL, else the container's own id, else the file (and position in it). */
export function identityOf(raw: RawDocument): string {
  if (raw.hints.url) return `url:${raw.hints.url}`;
  if (raw.hints.externalId) return `id:${raw.hints.externalId}`;
  return `file:${resolve(raw.path)}#${raw.index}`;
}

/** Hash of exactly what was read: unchanged input can skip extraction altogether. */
export const rawHashOf = (raw: RawDocument): string => sha256(`${raw.format}\n${JSON.stringify(raw.hints)}\n${raw.content}`);

/**
 * Hash of the normalised article text: case, punctuation and spacing do not make a new version.
 * The normalised text is `text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()` in UTF-8;
 * its bytes are written in one pass over the lower-cased text instead of being built as a string.
 */
export const contentHashOf = (article: Article): string => sha256(normalisedBytes(article.text));

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/uy;

function normalisedBytes(text: string): Uint8Array {
  const lower = text.toLowerCase();
  const out = Buffer.allocUnsafe(lower.length * 3);
  let n = 0;
  // A separator is written only before the next letter or number: none leads or trails.
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (gap && n > 0) out[n++] = 32;
        gap = false;
        out[n++] = c;
      } else {
        gap = true;
      }
      continue;
    }
    LETTER_OR_NUMBER.lastIndex = i;
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (!LETTER_OR_NUMBER.test(lower)) {
      gap = true;
      if (pair) i++;
      continue;
    }
    if (gap && n > 0) out[n++] = 32;
    gap = false;
    if (pair) c = 0x10000 + ((c - 0xd800) << 10) + (lower.charCodeAt(++i) - 0xdc00);
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 0x3f);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
    }
    out[n++] = 0x80 | (c & 0x3f);
  }
  return out.subarray(0, n);
}
