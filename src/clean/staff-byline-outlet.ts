/**
 * @module The outlet a flattened page names in its own furniture: the lists of other articles a
 * news site runs around a story sign many with the site's name ("By Kyiv Post", "By Tarrholm
 * Daily"), and its calls to follow it name it too ("Follow our coverage on @Kyivpost_official",
 * "JOIN the Tarrholm Daily on WhatsApp"). A name that is both is the outlet. A text dump carries
 * no other sign of where it came from when it has no copyright line.
 */
import { isAgency } from './credits.js';

/** A byline line naming one name of up to five capitalised words ("By Kyiv Post"), nothing else. */
const STAFF_BYLINE = /^By\s+((?:The\s+)?\p{Lu}[\p{L}’'&.-]*(?:\s+\p{Lu}[\p{L}’'&.-]*){0,4})$/u;
/** A call to follow, join or subscribe to something. */
const CALL_TO_FOLLOW = /^(?:join|follow|subscribe|sign up|download|get|listen|watch|read|support|like)\b/i;
const HANDLE = /@([\p{L}\p{N}_.]{3,})/gu;
/** Squashed names shorter than this could sit in any handle. */
const MIN_SQUASHED = 6;

const squash = (name: string): string => name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The outlet a text's furniture names: a name signing a byline of its own ("By Tarrholm Daily"),
 * not the article's author and not a news agency, that a call on the page to follow or join it
 * names ("the Tarrholm Daily"), or whose letters its social handle spells ("@northgatepost").
 * Null when no byline is so confirmed.
 */
export function outletOfStaffBylines(text: string, author: string | null): string | null {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const signed = new Map<string, number>();
  for (const line of lines) {
    const name = STAFF_BYLINE.exec(line)?.[1];
    if (name && name !== author && !isAgency(name)) signed.set(name, (signed.get(name) ?? 0) + 1);
  }
  if (signed.size === 0) return null;
  const handles = lines.flatMap((line) => [...line.matchAll(HANDLE)].map((m) => m[1]!.toLowerCase()));
  const calls = lines.filter((line) => CALL_TO_FOLLOW.test(line)).map((line) => ` ${line.toLowerCase()} `);
  const confirmed = [...signed]
    .filter(([name]) => {
      const squashed = squash(name);
      const bare = name.replace(/^The\s+/, '').toLowerCase();
      return (squashed.length >= MIN_SQUASHED && handles.some((handle) => handle.includes(squashed))) || calls.some((call) => call.includes(` the ${bare} `));
    })
    .sort((a, b) => b[1] - a[1]);
  return confirmed[0]?.[0] ?? null;
}
