/**
 * @module Plain-text articles (`.txt`): a leading metadata header is read as metadata, not text.
 *
 * Two header shapes occur in real dumps:
 *  - a single first line opening with ` date 2025-03-06` followed directly by the article text;
 *  - a block of `Key: value` lines (Title, Date, Source, URL, Author, Language, Id) ended by a
 *    blank line.
 */
import type { DocumentHints, RawDocument } from '../model/index.js';

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\s*/i;
const HEADER_LINE = /^(title|date|published|source|outlet|url|link|author|by|language|lang|id):[ \t]*(.*)$/i;

const HEADER_KEYS: Record<string, keyof DocumentHints> = {
  title: 'title',
  date: 'published',
  published: 'published',
  source: 'source',
  outlet: 'source',
  url: 'url',
  link: 'url',
  author: 'author',
  by: 'author',
  language: 'language',
  lang: 'language',
  id: 'externalId',
};

export interface ParsedText {
  text: string;
  hints: DocumentHints;
}

/** Splits a text file into its metadata header (if any) and the article text. */
export function parseTextHeader(content: string): ParsedText {
  const body = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const dateLine = DATE_LINE.exec(body);
  if (dateLine?.[1]) {
    return { text: body.slice(dateLine[0].length), hints: { published: dateLine[1].replace(' ', 'T') } };
  }
  const lines = body.split('\n');
  const hints: DocumentHints = {};
  let index = 0;
  while (index < lines.length && lines[index]?.trim() === '') index++;
  const first = index;
  for (; index < lines.length; index++) {
    const match = HEADER_LINE.exec(lines[index] ?? '');
    if (!match?.[1]) break;
    const key = HEADER_KEYS[match[1].toLowerCase()];
    const value = match[2]?.trim();
    if (key && value) hints[key] = value;
  }
  const headerLines = index - first;
  const endsWithBlank = index >= lines.length || lines[index]?.trim() === '';
  // A header needs a blank line after it and at least one recognised key; "Source: ..." alone in
  // the middle of prose is not a header.
  if (headerLines === 0 || !endsWithBlank) return { text: body, hints: {} };
  return { text: lines.slice(index).join('\n'), hints };
}

export function readTextDocument(path: string, content: string): RawDocument {
  const { text, hints } = parseTextHeader(content);
  return { path, index: 0, format: 'text', content: text, hints };
}
