/**
 * @module The canonical seeds (/work/shared/seeds) through the grouper: the five reports must form one
 * story; 000 and 001 (the same AFP dispatch, 001 wrapped in Kyiv Post furniture) must be folded; the
 * 15 March virtual summit (004) must not share the 6 March announcement's event (000/001).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGrouper } from '../../src/cluster/create-grouper.js';
import type { GrouperOptions } from '../../src/cluster/create-grouper.js';
import { titleFromText } from '../../src/extract/extract-article.js';
import { emptyAnalysis } from '../../src/model/analysis.js';
import type { GroupingInput, Placement } from '../../src/model/grouping.js';
import { finalStories } from './final-stories.js';

export interface SeedReport {
  rows: Array<{ file: string; id: number; duplicateOf: number | null; event: number; story: number; eventTitle: string }>;
  oneStory: boolean;
  folded: boolean;
  othersUnfolded: boolean;
  summitApart: boolean;
  storyTitle: string;
}

/** Read a seed like the text source does: a leading " date YYYY-MM-DD" line is the publish date. */
export function seedInput(id: number, file: string, raw: string): GroupingInput {
  let text = raw.replace(/^\uFEFF/, '');
  let published: string | null = null;
  const dateLine = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(text);
  if (dateLine) {
    published = dateLine[1]!;
    text = text.slice(dateLine[0].length);
  }
  text = text.trim();
  // The title the product derives for a text without one.
  const title = titleFromText(text);
  return {
    id,
    seenAt: `2026-01-01T00:00:0${id}Z`,
    analysis: emptyAnalysis(),
    article: { externalId: null, path: file, url: null, source: null, author: null, title, text, published, modified: null, language: 'en' },
  };
}

export async function checkSeeds(dir: string, options: GrouperOptions = {}): Promise<SeedReport> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const grouper = createGrouper(options);
  const placements: Placement[] = [];
  const rows: SeedReport['rows'] = [];
  for (const [i, file] of files.entries()) {
    const input = seedInput(i + 1, file, await readFile(join(dir, file), 'utf8'));
    const placement = grouper.decide(input);
    grouper.apply(input, placement);
    placements.push(placement);
    rows.push({ file, id: i + 1, duplicateOf: placement.duplicateOf, event: placement.event.id, story: placement.story.id, eventTitle: placement.event.title });
  }
  const stories = finalStories(placements);
  rows.forEach((r, i) => (r.story = stories[i]!));
  const byPrefix = (p: string) => rows.find((r) => r.file.startsWith(p));
  const [s0, s1, s4] = [byPrefix('000'), byPrefix('001'), byPrefix('004')];
  return {
    rows,
    oneStory: new Set(rows.map((r) => r.story)).size === 1,
    folded: s0 !== undefined && s1 !== undefined && (s1.duplicateOf === s0.id || s0.duplicateOf === s1.id),
    othersUnfolded: rows.filter((r) => !/^00[01]/.test(r.file)).every((r) => r.duplicateOf === null),
    summitApart: s4 !== undefined && s0 !== undefined && s4.event !== s0.event,
    storyTitle: placements[placements.length - 1]?.story.title ?? '',
  };
}
