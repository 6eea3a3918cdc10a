/**
 * @module Syndication corpus generator: real article bodies turned into wire copies the way outlets
 * make them, plus articles that must NOT be folded, with a seeded RNG so a run is reproducible.
 *
 * For each base body: the original (the agency's), then 2-4 copies by other outlets, each with a new
 * headline and one to three edits: a trimmed ending, an extended ending, inserted boilerplate lines,
 * the whole text wrapped in the outlet's page furniture (nav, related links, cookie and newsletter
 * boxes: hundreds of words), a dropped paragraph, light word edits (words swapped, quote style).
 * Copies are published 0.5-12 hours after the original and arrive after a random polling delay, so
 * some copies arrive before their original, as in a real ingest.
 * Non-copies: the other bodies (some on similar subjects: the sets hold several sports, technology
 * and health pages), and for every fourth base a rewrite that keeps all names and figures and most
 * of the sentences' order but rewords the rest (an independent report of the same facts).
 * Extension sentences and furniture come from bodies held out of the corpus, so they share nothing
 * with any article in it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../seeded-random.js';

export interface CorpusDoc {
  id: number;
  /** Gold group: copies share their original's group; every non-copy has its own. */
  group: number;
  kind: 'original' | 'copy' | 'rewrite' | 'unrelated';
  edits: string[];
  title: string;
  text: string;
  source: string;
  published: string;
  seenAt: string;
}

export interface Body {
  title: string;
  text: string;
}


/** Article bodies of the extraction ground truth (Scrapinghub articleBody, WCXB main_content). */
export async function readBodies(dataDir: string): Promise<Body[]> {
  const bodies: Body[] = [];
  const sh = JSON.parse(await readFile(join(dataDir, 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  for (const key of Object.keys(sh).sort()) {
    const text = sh[key]?.articleBody ?? '';
    bodies.push({ title: text.split(/[.!?]/)[0]!.slice(0, 90), text });
  }
  const dir = join(dataDir, 'wcxb-articles', 'ground-truth');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const gt = (JSON.parse(await readFile(join(dir, file), 'utf8')) as { ground_truth?: { title?: string; main_content?: string } })
      .ground_truth;
    bodies.push({ title: gt?.title ?? '', text: gt?.main_content ?? '' });
  }
  const usable = bodies
    .map((b) => ({ title: b.title.trim(), text: b.text.replace(/\r/g, '').replace(/\n{3,}/g, '\n\n').trim() }))
    .filter((b) => b.text.split(/\s+/).length >= 120 && b.text.includes('\n'));
  return dropNearDuplicateBodies(usable);
}

/**
 * The source sets hold a few pages that are themselves near-copies (one site's templated terms
 * pages, say); generated gold would call them different articles. Keep the first of any bodies
 * sharing 40% of either one's word 5-grams (exact n-grams, independent of the sketches under
 * test).
 */
export function dropNearDuplicateBodies(bodies: Body[]): Body[] {
  const owner = new Map<string, number>();
  const gramCount: number[] = [];
  const kept: Body[] = [];
  for (const body of bodies) {
    const words = body.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const grams = new Set<string>();
    for (let i = 0; i + 5 <= words.length; i++) grams.add(words.slice(i, i + 5).join(' '));
    const shared = new Map<number, number>();
    for (const g of grams) {
      const o = owner.get(g);
      if (o !== undefined) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    if ([...shared.values()].some((n) => n >= 0.4 * grams.size) || [...shared].some(([o, n]) => n >= 0.4 * gramCount[o]!)) continue;
    const index = kept.length;
    kept.push(body);
    gramCount.push(grams.size);
    for (const g of grams) if (!owner.has(g)) owner.set(g, index);
  }
  return kept;
}

const OUTLETS = [
  'Coast Herald', 'Daily Ledger', 'Northern Star', 'Metro Wire', 'The Courier', 'Valley Times', 'Evening Post',
  'City Chronicle', 'Global Digest', 'The Observer Online', 'Harbour News', 'Capital Report',
];
const SWAPS: Array<[RegExp, string]> = [
  [/\bsaid\b/, 'stated'], [/\bsays\b/, 'states'], [/\babout\b/, 'around'], [/\bbig\b/, 'large'], [/\bhelp\b/, 'assist'],
  [/\bshow\b/, 'reveal'], [/\bstart\b/, 'begin'], [/\buse\b/, 'employ'], [/\bget\b/, 'obtain'], [/\bbuy\b/, 'purchase'],
  [/\bmany\b/, 'numerous'], [/\bnew\b/, 'fresh'], [/\bpercent\b/, '%'], [/\balso\b/, 'additionally'],
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}
function shuffle<T>(rand: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
const paragraphs = (text: string): string[] => text.split(/\n+/).filter((p) => p.trim().length > 0);

interface Furniture {
  top: string[];
  bottom: string[];
  inserts: string[];
}

/** An outlet's furniture: fixed for the outlet (as on a real site), words from held-out bodies. */
function outletFurniture(rand: () => number, outlet: string, spare: string[]): Furniture {
  const line = (words: number): string => {
    const start = Math.floor(rand() * Math.max(1, spare.length - words));
    return spare.slice(start, start + words).join(' ');
  };
  return {
    top: [`Home | News | World | Business | Sport | Opinion | ${outlet}`, `Sign in to ${outlet}`, `Breaking: ${line(12)}`],
    bottom: [
      'Advertisement',
      ...Array.from({ length: 6 }, () => `Read more: ${line(10 + Math.floor(rand() * 8))}`),
      `We use cookies to improve your experience on ${outlet}. By continuing to browse you agree to our use of cookies as described in our privacy policy and terms.`,
      `Subscribe to the ${outlet} newsletter and get the day's most important stories delivered to your inbox every morning.`,
      `Copyright ${outlet}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.`,
      ...Array.from({ length: 4 }, () => `${line(14)}. ${line(10)}.`),
    ],
    inserts: ['Advertisement', 'JOIN US ON TELEGRAM', `Follow ${outlet} on social media for live updates`, 'READ ALSO', 'Story continues below'],
  };
}

type Edit = 'trim' | 'extend' | 'boilerplate' | 'furniture' | 'drop-paragraph' | 'word-edits';
const EDITS: Edit[] = ['trim', 'extend', 'boilerplate', 'furniture', 'drop-paragraph', 'word-edits'];

function applyEdit(edit: Edit, ps: string[], ctx: { rand: () => number; furniture: Furniture; spare: string[] }): string[] {
  const { rand, furniture, spare } = ctx;
  switch (edit) {
    case 'trim': {
      const keep = Math.max(2, Math.ceil(ps.length * (0.55 + rand() * 0.3)));
      return ps.slice(0, keep);
    }
    case 'extend': {
      const start = Math.floor(rand() * Math.max(1, spare.length - 80));
      return [...ps, spare.slice(start, start + 40).join(' ') + '.', spare.slice(start + 40, start + 80).join(' ') + '.'];
    }
    case 'boilerplate': {
      const out: string[] = [];
      ps.forEach((p, i) => {
        out.push(p);
        if (i < ps.length - 1 && rand() < 0.3) out.push(pick(rand, furniture.inserts));
      });
      return out;
    }
    case 'furniture':
      return [...furniture.top, ...ps, ...furniture.bottom];
    case 'drop-paragraph': {
      if (ps.length < 3) return ps;
      const drop = 1 + Math.floor(rand() * (ps.length - 1));
      return ps.filter((_, i) => i !== drop);
    }
    case 'word-edits':
      return ps.map((p) => {
        let q = p.replace(/"([^"]*)"/g, '\u201c$1\u201d');
        for (const [re, to] of SWAPS) if (rand() < 0.5) q = q.replace(re, to);
        return q;
      });
  }
}

/** Reword a body keeping names, figures and sentence order: an independent report of the same facts. */
function rewrite(rand: () => number, text: string, vocabulary: string[]): string {
  return paragraphs(text)
    .map((p) =>
      p
        .split(/\s+/)
        .map((w) => (/^[A-Z0-9]/.test(w) || rand() < 0.35 ? w : pick(rand, vocabulary)))
        .join(' '),
    )
    .join('\n\n');
}

export interface CorpusOptions {
  seed: number;
  /** Base bodies that get copies (the rest of the bodies, up to `unrelated`, are non-copies). */
  bases: number;
  unrelated: number;
}

export function generateCorpus(bodies: Body[], options: CorpusOptions): CorpusDoc[] {
  const rand = seededRandom(options.seed);
  const order = shuffle(rand, bodies.map((_, i) => i));
  const held = order.slice(0, 20).map((i) => bodies[i]!);
  const spare = held.flatMap((b) => b.text.split(/\s+/));
  const vocabulary = spare.filter((w) => /^[a-z]+$/.test(w));
  const bases = order.slice(20, 20 + options.bases).map((i) => bodies[i]!);
  const others = order.slice(20 + options.bases, 20 + options.bases + options.unrelated).map((i) => bodies[i]!);
  const furniture = new Map(OUTLETS.map((o) => [o, outletFurniture(rand, o, spare)]));
  const start = Date.UTC(2025, 2, 1);
  const docs: Omit<CorpusDoc, 'id' | 'seenAt'>[] = [];
  let group = 0;
  const hour = 3_600_000;
  const at = (t: number): string => new Date(t).toISOString();

  bases.forEach((body, b) => {
    const g = group++;
    const published = start + b * 0.5 * hour;
    docs.push({ group: g, kind: 'original', edits: [], title: body.title, text: body.text, source: 'Wire Agency', published: at(published) });
    const copies = 2 + Math.floor(rand() * 3);
    const outlets = shuffle(rand, [...OUTLETS]).slice(0, copies);
    for (const outlet of outlets) {
      const edits = shuffle(rand, [...EDITS]).slice(0, 1 + Math.floor(rand() * 3));
      let ps = paragraphs(body.text);
      // furniture goes on last, around the finished text
      for (const edit of [...edits.filter((e) => e !== 'furniture'), ...edits.filter((e) => e === 'furniture')]) {
        ps = applyEdit(edit, ps, { rand, furniture: furniture.get(outlet)!, spare });
      }
      docs.push({
        group: g,
        kind: 'copy',
        edits,
        title: `${outlet}: ${body.title.split(' ').slice(0, 6).join(' ')}`,
        text: ps.join('\n\n'),
        source: outlet,
        published: at(published + (0.5 + rand() * 11.5) * hour),
      });
    }
    if (b % 4 === 0) {
      docs.push({ group: group++, kind: 'rewrite', edits: [], title: body.title, text: rewrite(rand, body.text, vocabulary), source: pick(rand, OUTLETS), published: at(published + 2 * hour) });
    }
  });
  others.forEach((body, i) => {
    docs.push({ group: group++, kind: 'unrelated', edits: [], title: body.title, text: body.text, source: pick(rand, OUTLETS), published: at(start + i * 0.4 * hour) });
  });
  // arrival: publish time plus a polling delay of up to 3 hours
  return docs
    .map((d) => ({ ...d, arrival: Date.parse(d.published) + rand() * 3 * hour }))
    .sort((a, b) => a.arrival - b.arrival)
    .map(({ arrival, ...d }, i) => ({ ...d, id: i + 1, seenAt: at(arrival) }));
}
