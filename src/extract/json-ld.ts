/**
 * @module JSON-LD as pages write it: the text of each `<script type="application/ld+json">` read
 * into its objects (arrays, @graph and mainEntity flattened; comment wrappers, control characters
 * and trailing commas forgiven), and the few ways its values are read (a type, a string, names).
 */

export type Json = Record<string, unknown>;

/** The objects of one JSON-LD script's text, flattened; none when it cannot be read even loosely. */
export function jsonLdObjectsOf(scriptText: string): Json[] {
  const objects: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      const obj = value as Json;
      objects.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
      if (obj['mainEntity'] && typeof obj['mainEntity'] === 'object') visit(obj['mainEntity']);
    }
  };
  const cleaned = scriptText.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '').trim();
  if (!cleaned) return objects;
  try {
    visit(JSON.parse(cleaned));
  } catch {
    // Some pages put control characters or trailing commas in JSON-LD; try once more, loosely.
    try {
      // eslint-disable-next-line no-control-regex -- raw control characters are what breaks JSON.parse
      visit(JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')));
    } catch {
      // Unreadable JSON-LD: the meta tags and the page still speak.
    }
  }
  return objects;
}

export function types(obj: Json): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** A value as one string: the first of a list, an object's name (or value, id, url). */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const obj = value as Json;
    return str(obj['name'] ?? obj['@value'] ?? obj['@id'] ?? obj['url']);
  }
  return null;
}

/** JSON-LD types of an author that is no person. */
const ORGANISATION_TYPE = /organi[sz]ation|corporation|company|newsmedia|brand|website|educational|government|ngo|localbusiness/i;

/** The names in a JSON-LD author value: of people (plain strings count as people), or of organisations. */
export function names(value: unknown, kind: 'people' | 'organisations'): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value.flatMap((v) => names(v, kind));
  if (typeof value === 'string') return kind === 'people' && !isUrl(value) ? [value.trim()] : [];
  if (typeof value === 'object') {
    if (types(value as Json).some((t) => ORGANISATION_TYPE.test(t)) !== (kind === 'organisations')) return [];
    const name = (value as Json)['name'];
    return typeof name === 'string' && name.trim() ? [name.trim()] : names(Array.isArray(name) ? name : null, kind);
  }
  return [];
}

export const isUrl = (s: string): boolean => /^(?:https?:)?\/\//i.test(s.trim());
