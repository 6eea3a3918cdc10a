/** @module The story list's filters as SQL over `stories s`: shared by both stores and the server's read model (named @parameters; PostgreSQL numbers them). */
import { placeSpellings } from '../analyse/country-names.js';
import type { StoryListOptions } from './store.js';

export interface StoryFilter {
  /** `WHERE …` (or empty) for a query over `stories s`. */
  where: string;
  /** Named parameters, including @limit and @offset. */
  params: Record<string, unknown>;
}

export function storyFilter(options: StoryListOptions): StoryFilter {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: options.limit ?? 50, offset: options.offset ?? 0 };
  if (options.from) {
    clauses.push('COALESCE(s."end", s.start) >= @from');
    params.from = options.from;
  }
  if (options.to) {
    clauses.push('s.start <= @to');
    params.to = `${options.to}\uffff`;
  }
  if (options.outlet) {
    clauses.push('s.id IN (SELECT o.story_id FROM articles o WHERE o.source = @outlet)');
    params.outlet = options.outlet;
  }
  if (options.entity) {
    // A place under any of its spellings ("Kyiv" finds the stories that say "Kiev").
    const names = placeSpellings(options.entity);
    clauses.push(`s.id IN (SELECT o.story_id FROM entity_mentions m JOIN articles o ON o.id = m.article_id WHERE m.name IN (${names.map((_, i) => `@entity${i}`).join(', ')}))`);
    names.forEach((name, i) => { params[`entity${i}`] = name; });
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
