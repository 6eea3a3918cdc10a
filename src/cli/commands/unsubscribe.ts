/** @module `storyline unsubscribe <feed URL...>`: stops fetching feeds; the articles they brought stay. */
import { parseArgs } from 'node:util';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('Usage: storyline unsubscribe <feed URL...> [--db FILE]');
    return 2;
  }
  const store = openStore(values.db, 'existing');
  try {
    const subscribed = new Set((await store.subscriptions()).map((s) => s.feedUrl));
    const missing = positionals.filter((url) => !subscribed.has(url));
    for (const url of missing) console.error(`error: ${url}: not subscribed`);
    const removed = await store.removeSubscriptions(positionals.filter((url) => subscribed.has(url)));
    console.log(`unsubscribed from ${removed} feed${removed === 1 ? '' : 's'}; their articles stay`);
    return missing.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
