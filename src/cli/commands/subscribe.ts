/**
 * @module `storyline subscribe <URL...>`: adds feeds to fetch. A URL is fetched first: a feed is
 * subscribed under its outlet's name, a web page by the first feed it announces. `--no-check`
 * subscribes without fetching (offline).
 */
import { parseArgs } from 'node:util';
import { findFeed } from '../../sources/fetch-feeds.js';
import type { Subscription } from '../../sources/source-item.js';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...dbOption, 'no-check': { type: 'boolean', default: false }, title: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error('Usage: storyline subscribe <feed or site URL...> [--db FILE] [--title T] [--no-check]');
    return 2;
  }
  const store = openStore(values.db);
  let failed = 0;
  try {
    const subscriptions: Subscription[] = [];
    for (const url of positionals) {
      if (values['no-check']) {
        subscriptions.push({ feedUrl: url, title: values.title ?? null, siteUrl: null });
        continue;
      }
      const found = await findFeed(url);
      if (found.kind === 'failed') {
        console.error(`error: ${url}: ${found.message}; not subscribed`);
        failed++;
        continue;
      }
      const { subscription } = found;
      subscriptions.push({ ...subscription, title: values.title ?? subscription.title });
      const from = subscription.feedUrl === url ? '' : ` (found at ${url})`;
      console.log(`subscribed: ${subscription.title ?? subscription.feedUrl} <${subscription.feedUrl}>${from}`);
      if (found.others.length > 0) console.log(`  the page also announces: ${found.others.join(', ')}`);
    }
    await store.addSubscriptions(subscriptions);
    if (values['no-check']) console.log(`subscribed to ${subscriptions.length} feed${subscriptions.length === 1 ? '' : 's'} (not checked)`);
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
