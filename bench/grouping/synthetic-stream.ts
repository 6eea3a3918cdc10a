/**
 * @module A synthetic news stream for the grouping benchmark: stories that run for days, each day's
 * events reported by several outlets, a share of reports being wire copies (trimmed, with boilerplate
 * lines), 600-word bodies drawn from a Zipf-like vocabulary with story- and event-specific words,
 * publish dates advancing steadily (`perDay` articles a day).
 */
import { seededRandom } from '../../eval/seeded-random.js';
import { emptyAnalysis } from '../../src/model/analysis.js';
import type { GroupingInput } from '../../src/model/grouping.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ten', 'ra', 'vo', 'shi', 'dan', 'pe', 'tur', 'ba', 'nel', 'qu', 'so', 'fi', 'gar'];

function makeWord(rand: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

export interface StreamOptions {
  seed: number;
  perDay: number;
  wordsPerArticle: number;
  copyShare: number;
}

export function* syntheticStream(count: number, options: StreamOptions): Generator<GroupingInput> {
  const rand = seededRandom(options.seed);
  const vocabulary = Array.from({ length: 20_000 }, () => makeWord(rand, 2 + Math.floor(rand() * 3)));
  const zipf = (): string => vocabulary[Math.floor(Math.pow(rand(), 3) * vocabulary.length)]!;
  const start = Date.UTC(2025, 0, 1);
  let story: { words: string[]; names: string[] } | null = null;
  const recent: Array<{ text: string; title: string }> = [];
  let eventWords: string[] = [];
  for (let id = 1; id <= count; id++) {
    const t = start + (id / options.perDay) * 86_400_000;
    if (story === null || rand() < 0.02) {
      story = {
        words: Array.from({ length: 30 }, () => makeWord(rand, 3)),
        names: Array.from({ length: 6 }, () => makeWord(rand, 2).replace(/^./, (c) => c.toUpperCase())),
      };
    }
    if (rand() < 0.1) eventWords = Array.from({ length: 10 }, () => makeWord(rand, 3));
    let text: string;
    let title: string;
    const source = `Outlet ${Math.floor(rand() * 200)}`;
    const original = recent.length > 0 && rand() < options.copyShare ? recent[Math.floor(rand() * recent.length)]! : null;
    if (original !== null) {
      const ps = original.text.split('\n\n');
      text = [...ps.slice(0, Math.max(2, ps.length - 2)), 'Advertisement', `Follow ${source} for updates`].join('\n\n');
      title = `${source}: ${original.title}`;
    } else {
      const paragraphs: string[] = [];
      for (let p = 0; p < 8; p++) {
        const words: string[] = [];
        for (let w = 0; w < options.wordsPerArticle / 8; w++) {
          const r = rand();
          words.push(r < 0.1 ? story.words[Math.floor(rand() * 30)]! : r < 0.15 ? eventWords[Math.floor(rand() * 10)]! : r < 0.18 ? story.names[Math.floor(rand() * 6)]! : zipf());
        }
        paragraphs.push(`${words.join(' ')}.`);
      }
      text = paragraphs.join('\n\n');
      title = [story.names[0], ...eventWords.slice(0, 3), story.words[0]].join(' ');
      recent.push({ text, title });
      if (recent.length > 50) recent.shift();
    }
    const iso = new Date(t).toISOString();
    yield {
      id,
      seenAt: iso,
      analysis: emptyAnalysis(),
      article: { externalId: null, path: null, url: null, source, author: null, title, text, published: iso, modified: null, language: 'en' },
    };
  }
}
