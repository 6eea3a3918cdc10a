/**
 * @module RawDocument -> Article. Minimal first version (Readability on linkedom, hints as
 * metadata); the extraction stage replaces it with the full cascade.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, RawDocument } from '../model/index.js';

const normalise = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

function titleFrom(text: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.length > 120 ? `${first.slice(0, 117).replace(/\s+\S*$/, '')}…` : first;
}

export function extractArticle(raw: RawDocument): Article {
  let text = raw.content;
  let title = raw.hints.title ?? null;
  if (raw.format === 'html') {
    const page = /<html[\s>]|<body[\s>]/i.test(raw.content) ? raw.content : `<!doctype html><html><body>${raw.content}</body></html>`;
    const { document } = parseHTML(page);
    const parsed = new Readability(document as unknown as Document).parse();
    text = parsed?.textContent ?? document.body?.textContent ?? '';
    title = title ?? parsed?.title ?? null;
  }
  text = normalise(text);
  if (!text) throw new Error('no article text found');
  return {
    externalId: raw.hints.externalId ?? null,
    path: raw.path,
    url: raw.hints.url ?? null,
    source: raw.hints.source ?? null,
    author: raw.hints.author ?? null,
    title: title ?? titleFrom(text),
    text,
    published: raw.hints.published ?? null,
    modified: null,
    language: raw.hints.language ?? null,
  };
}
