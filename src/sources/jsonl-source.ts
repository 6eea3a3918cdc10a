/**
 * @module JSONL dumps: one article a line, `{id?, url?, title?, text? | html?, source?, published?,
 * language?, author?}`. A bad line is an error naming the line; the other lines go on.
 */
import type { DocumentHints, RawDocument } from '../model/index.js';
import { InputError } from './source-item.js';

const optionalString = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;

/** Parses one JSONL line (1-based `lineNumber` is used in errors and as the document index). */
export function readJsonlLine(path: string, line: string, lineNumber: number): RawDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputError(`line ${lineNumber}: invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`line ${lineNumber}: expected a JSON object`);
  }
  const record = value as Record<string, unknown>;
  const html = optionalString(record.html);
  const text = optionalString(record.text) ?? optionalString(record.content);
  // A line with a title alone is a headline-only article (a headline dump); one with none of the three is nothing.
  if (!html && !text && !optionalString(record.title)) throw new InputError(`line ${lineNumber}: no "text", "html" or "title" field`);
  const hints: DocumentHints = {
    externalId: optionalString(record.id),
    url: optionalString(record.url),
    title: optionalString(record.title),
    source: optionalString(record.source),
    author: optionalString(record.author),
    published: optionalString(record.published) ?? optionalString(record.date),
    language: optionalString(record.language),
  };
  return html
    ? { path, index: lineNumber - 1, format: 'html', content: html, hints }
    : { path, index: lineNumber - 1, format: 'text', content: text ?? '', hints };
}
