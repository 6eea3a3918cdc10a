/**
 * @module `storyline following [--peek] [--json]`: the followed stories and what is new in each
 * since the last look (new articles, outlets and events, the new reports listed); the news is then
 * marked seen, unless `--peek`.
 */
import { parseArgs } from 'node:util';
import { followedNews, newsSentence, type StoryNews } from '../../views/story-news.js';
import { dbOption, openStore } from '../options.js';
import { minuteOf } from '../time-text.js';

/** A story's news as lines: the sentence, then its new reports (at most `shown`). */
export function newsLines(news: StoryNews, shown = 5): string[] {
  const lines = [`story ${news.storyId}: ${news.title}`, `  ${newsSentence(news)} since ${minuteOf(news.seenAt)}`];
  if (news.newEvents.length > 0) lines.push(`  new ${news.newEvents.length === 1 ? 'event' : 'events'}: ${news.newEvents.map((e) => `“${e.title}”`).join(', ')}`);
  if (news.newOutlets.length > 0) lines.push(`  new ${news.newOutlets.length === 1 ? 'outlet' : 'outlets'}: ${news.newOutlets.join(', ')}`);
  for (const a of news.originals.slice(0, shown)) lines.push(`    ${a.published?.slice(0, 10) ?? 'undated'}  ${a.source ?? 'unknown outlet'}: ${a.title}  [article ${a.id}]`);
  if (news.originals.length > shown) lines.push(`    … and ${news.originals.length - shown} more (storyline story ${news.storyId})`);
  return lines;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...dbOption, peek: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  const store = openStore(values.db, 'existing');
  try {
    const all = await followedNews(store);
    if (values.json) console.log(JSON.stringify({ following: all }, null, 2));
    else if (all.length === 0) console.log('No followed stories: storyline follow <story id> (ids from storyline stories).');
    else {
      const quiet = all.filter((n) => n.articles === 0);
      for (const news of all.filter((n) => n.articles > 0)) console.log(newsLines(news).join('\n'));
      if (quiet.length > 0) console.log(`nothing new in ${quiet.map((n) => `story ${n.storyId} (${n.title})`).join(', ')}`);
    }
    if (!values.peek) {
      const now = new Date().toISOString();
      for (const news of all) if (news.articles > 0) await store.markStorySeen(news.storyId, now);
    }
    return 0;
  } finally {
    await store.close();
  }
}
