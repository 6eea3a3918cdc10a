/** @module How an input is recognised again on re-ingest, and the hashes that tell whether it changed. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Article, RawDocument } from '../model/index.js';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** URL, else the container's own id, else the file (and position in it). */
export function identityOf(raw: RawDocument): string {
  if (raw.hints.url) return `url:${raw.hints.url}`;
  if (raw.hints.externalId) return `id:${raw.hints.externalId}`;
  return `file:${resolve(raw.path)}#${raw.index}`;
}

/** Hash of exactly what was read: unchanged input can skip extraction altogether. */
export const rawHashOf = (raw: RawDocument): string => sha256(`${raw.format}\n${JSON.stringify(raw.hints)}\n${raw.content}`);

/** Hash of the normalised article text: case, punctuation and spacing do not make a new version. */
export const contentHashOf = (article: Article): string =>
  sha256(article.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
