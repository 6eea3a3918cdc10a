/** @module Query parameters of story lists and pages, checked: bad values are dropped, numbers clamped. */
import type { StoryListOptions } from '../store/store.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface Paging {
  limit: number;
  offset: number;
}

export function pagingOf(query: (name: string) => string | undefined, defaults: { limit: number; max?: number }): Paging {
  const limit = Number.parseInt(query('limit') ?? '', 10);
  const offset = Number.parseInt(query('offset') ?? '', 10);
  return {
    limit: Number.isFinite(limit) ? Math.min(Math.max(limit, 1), defaults.max ?? 200) : defaults.limit,
    offset: Number.isFinite(offset) ? Math.max(offset, 0) : 0,
  };
}

export type StoryFilters = Pick<StoryListOptions, 'from' | 'to' | 'outlet' | 'entity'>;

export function filtersOf(query: (name: string) => string | undefined): StoryFilters {
  const filters: StoryFilters = {};
  const from = query('from')?.trim();
  const to = query('to')?.trim();
  const outlet = query('outlet')?.trim();
  const entity = query('entity')?.trim();
  if (from && ISO_DAY.test(from)) filters.from = from;
  if (to && ISO_DAY.test(to)) filters.to = to;
  if (outlet) filters.outlet = outlet.slice(0, 200);
  if (entity) filters.entity = entity.slice(0, 200);
  return filters;
}

/** Builds a query string from the non-empty values. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
