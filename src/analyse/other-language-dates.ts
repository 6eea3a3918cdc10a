/**
 * @module Dates in reports written in French, German, Spanish, Italian, Portuguese or Dutch, read by
 * chrono-node's parser for the language: the ones that name their day and month ("le 17 juin", "am
 * 6. Mai 2026", "el 17 de junio") or a month of a year ("im März 2026"), the year taken from the
 * publish date where the text leaves it out. A weekday alone ("mardi", "am Mittwoch") is left out:
 * whether it is the last one or the next one is a matter of tense, which the English analysis reads
 * and this does not, and a wrong day on a story's timeline is worse than none.
 */
import * as chrono from 'chrono-node';
import { baseLanguage } from '../language/codes.js';
import type { DateMention } from '../model/analysis.js';

const PARSERS: Record<string, chrono.Chrono> = {
  fr: chrono.fr.casual,
  de: chrono.de.casual,
  es: chrono.es.casual,
  it: chrono.it.casual,
  pt: chrono.pt.casual,
  nl: chrono.nl.casual,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates with their day and month, or a month and its year, in a report in one of the languages above; none in another. */
export function findOtherLanguageDates(text: string, language: string, published: string | null): DateMention[] {
  const parser = PARSERS[baseLanguage(language)];
  if (parser === undefined) return [];
  const reference = published === null ? null : new Date(Date.parse(published));
  if (reference !== null && Number.isNaN(reference.getTime())) return [];
  const out: DateMention[] = [];
  for (const result of parser.parse(text, reference ?? new Date(0))) {
    const c = result.start;
    const month = c.isCertain('month');
    const day = c.isCertain('day');
    const year = c.isCertain('year');
    // Without a publish date, only a date that states its year means one day.
    if (!month || (!year && reference === null) || (!day && !year)) continue;
    const y = c.get('year')!;
    const value = day ? `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : `${y}-${pad(c.get('month')!)}`;
    const written = result.text.replace(/[\s.,;:]+$/u, '');
    out.push({ text: written, start: result.index, end: result.index + written.length, value });
  }
  return out;
}
