/**
 * @module A country's one name for the names news gives it ("U.S.", "USA", "America" -> "United
 * States"; "U.K.", "Britain" -> "United Kingdom"), from the aliases of countries-list.
 */
import { createRequire } from 'node:module';

let byAlias: Map<string, string> | null = null;

/** Dots, spaces and case do not tell country names apart: "U.S." and "US", "Great Britain" and "great britain". */
const aliasKey = (name: string): string => name.toLowerCase().replace(/[.\s]+/g, '');

function aliases(): Map<string, string> {
  if (byAlias) return byAlias;
  const require = createRequire(import.meta.url);
  const { countries } = require('countries-list') as { countries: Record<string, { name: string; alias?: string[] }> };
  byAlias = new Map();
  for (const country of Object.values(countries)) {
    byAlias.set(aliasKey(country.name), country.name);
    for (const alias of country.alias ?? []) if (alias.length > 1) byAlias.set(aliasKey(alias), country.name);
  }
  return byAlias;
}

/** The country's name for a place name that is one of its aliases, else null. */
export function countryName(place: string): string | null {
  return aliases().get(aliasKey(place)) ?? null;
}
