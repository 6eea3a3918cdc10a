/**
 * @module Turns of a transcript inside an article ("PENCE: Gennifer Flowers will not be attending
 * the debate ...", "WALLACE: Do you really see those two as equivalent?"): a paragraph opening with
 * a speaker's name in capitals and a colon is what that speaker said, word for word, though no
 * quote mark encloses it. Kept as what was said (not a direct quote: the page marks none), with the
 * person the article names so as speaker.
 *
 * A label is a speaker when it is a person the article names ("PENCE" is Mike Pence), or when the
 * article reads as an exchange: three turns or more, two labels or more, one of them back again
 * ("HOST:", "MINISTER:"). A lone "UPDATE:" or "CLARIFICATION:" is neither.
 */
import type { EntitySpan } from './entities.js';
import type { QuoteFinding } from './quotes.js';

const HONORIFICS = '(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PROF)\\.?[ \\t]+';
/** A paragraph opening: an optional stray quote mark, a name or role in capitals (an honorific first), a colon. */
const TURN = new RegExp(`^[ \\t]*["“]?[ \\t]*((?:${HONORIFICS})?\\p{Lu}[\\p{Lu}'’-]+(?:[ \\t]+\\p{Lu}[\\p{Lu}'’.-]*){0,2})[ \\t]*:[ \\t]+(\\S[^\\n]*)$`, 'gmu');
const HONORIFIC = new RegExp(`^${HONORIFICS}`, 'u');
/** Words a turn holds at least (a label over a single word is a heading: "WATCH: Video"). */
const MIN_WORDS = 3;

interface Turn {
  label: string;
  labelStart: number;
  start: number;
  end: number;
}

export function findTranscriptTurns(text: string, entities: readonly EntitySpan[]): QuoteFinding[] {
  const turns: Turn[] = [];
  for (const m of text.matchAll(TURN)) {
    const label = m[1]!;
    let content = m[2]!.trimEnd();
    // A closing mark left over from the page's formatting: no opening one inside the turn.
    if (/["”]$/.test(content) && !/["“]/.test(content.slice(0, -1))) content = content.slice(0, -1).trimEnd();
    if (content.split(/\s+/).length < MIN_WORDS) continue;
    const labelStart = m.index + m[0].indexOf(label);
    const start = m.index + m[0].length - m[2]!.length;
    turns.push({ label, labelStart, start, end: start + content.length });
  }
  if (turns.length === 0) return [];
  const uses = new Map<string, number>();
  for (const t of turns) uses.set(t.label, (uses.get(t.label) ?? 0) + 1);
  const exchange = turns.length >= 3 && uses.size >= 2 && [...uses.values()].some((n) => n >= 2);
  const people = entities.filter((e) => e.type === 'person');
  const found: QuoteFinding[] = [];
  for (const t of turns) {
    const person = personNamed(people, t.label);
    if (!person && !exchange) continue;
    found.push({
      text: text.slice(t.start, t.end), start: t.start, end: t.end, direct: false,
      speaker: person?.name ?? null, speakerStart: person?.start ?? null, speakerEnd: person?.end ?? null,
      sourceStart: t.labelStart, sourceEnd: t.labelStart + t.label.length,
      confidence: person ? 0.8 : 0.5,
      ...(person ? {} : { attribution: titleCase(t.label) }),
    });
  }
  return found;
}

/** The person whose name ends in the label's last word ("PENCE", "MR. WALLACE"), the first mention of the longest name. */
function personNamed(people: readonly EntitySpan[], label: string): EntitySpan | null {
  const words = label.replace(HONORIFIC, '').toLowerCase().split(/\s+/);
  const surname = words[words.length - 1]!;
  let best: EntitySpan | null = null;
  for (const e of people) {
    const name = e.name.toLowerCase().split(/\s+/);
    if (name[name.length - 1] !== surname) continue;
    if (words.length > 1 && !words.every((w) => name.includes(w))) continue;
    if (!best || name.length > best.name.split(/\s+/).length) best = e;
  }
  return best;
}

function titleCase(label: string): string {
  return label.toLowerCase().replace(/(^|[\s.'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
