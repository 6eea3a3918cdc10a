/**
 * @module The function words of languages other than English (stopwords-iso's lists), so that a
 * report in Spanish or Dutch is known by what it is about and not by its "el", "los" and "het":
 * in a store of mostly English articles those words are rare, and would otherwise weigh the most.
 */
import { createRequire } from 'node:module';
import { baseLanguage } from './codes.js';

let lists: Record<string, string[]> | null = null;
const byLanguage = new Map<string, ReadonlySet<string> | null>();

/**
 * The function words (lower case) of `language` ("es", "pt-BR"), or null for English (its own list
 * stays the grouper's) and for a language stopwords-iso does not list.
 */
export function languageStopwords(language: string | null | undefined): ReadonlySet<string> | null {
  if (!language) return null;
  const base = baseLanguage(language);
  if (base === 'en') return null;
  const known = byLanguage.get(base);
  if (known !== undefined) return known;
  lists ??= createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
  const words = lists[base];
  const set = words === undefined ? null : new Set(words.map((w) => w.toLowerCase()));
  byLanguage.set(base, set);
  return set;
}
