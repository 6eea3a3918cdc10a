/**
 * @module The subscribed feeds in the browser: `/feeds` lists them with what their last fetch
 * brought, when they are due and why a failing one fails, subscribes by a feed's or a site's
 * address, unsubscribes, and fetches now (a job on the ingest queue, shown on its job page);
 * `/feeds.opml` is the list for another reader. The same as JSON under `/api/feeds`. Form posts
 * are checked against cross-site requests.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import type { Feed } from '../sources/feed-schedule.js';
import { findFeed, type FetchFeedsOptions } from '../sources/fetch-feeds.js';
import { writeOpml } from '../views/opml-document.js';
import type { Store } from '../store/store.js';
import type { IngestQueue } from './ingest-jobs.js';
import { page, plural, safeUrl, type Html } from './page-layout.js';
import { formatAgo, formatUntil } from './time-format.js';

export interface FeedPagesOptions {
  store: Store;
  queue: IngestQueue;
  /** The interval the server polls at, when it does (shown on the page). */
  pollEveryMs?: number;
  /** The HTTP client for subscribing (tests pass their own). */
  get?: FetchFeedsOptions['get'];
  now?: () => Date;
}

const minutes = (ms: number): string => (ms % 3_600_000 === 0 ? plural(ms / 3_600_000, 'hour') : plural(Math.round(ms / 60_000), 'minute'));

/** What the feed's last fetch came to, for its row. */
function feedState(feed: Feed, now: Date): { status: Html; due: string } {
  const due = feed.nextFetchAt === null || Date.parse(feed.nextFetchAt) <= now.getTime() ? 'due now' : formatUntil(feed.nextFetchAt, now);
  if (feed.fetchedAt === null) return { status: html`<span class="feed-status new">not fetched yet</span>`, due };
  if (feed.failures > 0) {
    const tries = feed.failures > 1 ? ` ${feed.failures} times in a row, last` : '';
    return { status: html`<span class="feed-status failing">failed${tries} ${formatAgo(feed.fetchedAt, now)}</span> <span class="feed-error">${feed.lastError ?? ''}</span>`, due };
  }
  const brought = feed.lastNew === null ? '' : `${plural(feed.lastNew, 'new article')} of ${plural(feed.lastItems ?? 0, 'item')}`;
  return { status: html`<span class="feed-status ok">fetched ${formatAgo(feed.fetchedAt, now)}</span> <span class="muted">${brought}</span>`, due };
}

function feedsView(feeds: Feed[], options: FeedPagesOptions, message?: { text: string; error?: boolean }): Html {
  const now = (options.now ?? (() => new Date()))();
  const pending = options.queue.pendingFetch();
  const schedule = options.pollEveryMs
    ? `While the server runs, feeds are fetched every ${minutes(options.pollEveryMs)} (a failing one waits twice as long after each failure).`
    : 'The server does not fetch them on its own: start it with --poll, or run storyline fetch from cron.';
  const rows = feeds.map((feed) => {
    const { status, due } = feedState(feed, now);
    const site = safeUrl(feed.siteUrl);
    return html`<tr data-feed="${feed.feedUrl}">
      <td><strong>${site ? html`<a href="${site}" rel="noopener noreferrer nofollow">${feed.title ?? feed.feedUrl}</a>` : feed.title ?? feed.feedUrl}</strong><div class="feed-url">${feed.feedUrl}</div></td>
      <td>${status}</td>
      <td>${due}</td>
      <td><form action="/feeds/remove" method="post"><input type="hidden" name="url" value="${feed.feedUrl}"><button type="submit" class="quiet">Unsubscribe</button></form></td>
    </tr>`;
  });
  return html`<div class="page-head"><h1>Feeds</h1><p class="lede">${plural(feeds.length, 'subscribed feed')}. ${schedule}</p></div>
  ${message ? html`<p class="notice${message.error ? ' error' : ''}">${message.text}</p>` : ''}
  <div class="feed-actions">
    <form class="subscribe" action="/feeds" method="post">
      <label>Feed or site address <input type="url" name="url" required placeholder="https://"></label>
      <button type="submit">Subscribe</button>
    </form>
    <form action="/feeds/fetch" method="post">
      ${pending ? html`<a href="/ingest/jobs/${pending.id}">A fetch is under way</a>` : html`<button type="submit" name="all" value="0">Fetch due feeds</button> <button type="submit" name="all" value="1" class="quiet">Fetch all now</button>`}
    </form>
  </div>
  ${feeds.length > 0
    ? html`<table class="feeds"><thead><tr><th>Feed</th><th>Last fetch</th><th>Next</th><th></th></tr></thead><tbody>${rows}</tbody></table>
      <p class="muted"><a href="/feeds.opml" download="storyline-feeds.opml">Export as OPML</a> · OPML lists from other readers can be added on <a href="/ingest">Add articles</a>.</p>`
    : html`<p class="muted">No feeds yet. Subscribe to a feed's address, or to a news site's home page (its feed is found there), or upload an OPML list on <a href="/ingest">Add articles</a>.</p>`}`;
}

async function field(c: Context, name: string): Promise<string> {
  const form = await c.req.parseBody();
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Subscribes to what `url` serves; the message to show. */
async function subscribe(store: Store, url: string, get: FeedPagesOptions['get']): Promise<{ ok: boolean; text: string; feedUrl?: string }> {
  if (!/^https?:\/\//i.test(url)) return { ok: false, text: `"${url}" is not a web address (http or https).` };
  const found = await findFeed(url, get);
  if (found.kind === 'failed') return { ok: false, text: `Not subscribed: ${url}: ${found.message}.` };
  await store.addSubscriptions([found.subscription]);
  const { subscription } = found;
  const also = found.others.length > 0 ? ` The page also announces ${found.others.join(', ')}.` : '';
  return { ok: true, text: `Subscribed to ${subscription.title ?? subscription.feedUrl} (${subscription.feedUrl}).${also}`, feedUrl: subscription.feedUrl };
}

export function feedPages(options: FeedPagesOptions): Hono {
  const { store, queue } = options;
  const app = new Hono();

  const feedsPage = async (message?: { text: string; error?: boolean }): Promise<Html> => page({ title: 'Feeds', body: feedsView(await store.feeds(), options, message), wide: true });

  app.get('/feeds', async (c) => c.html(await feedsPage()));

  app.post('/feeds', csrf(), async (c) => {
    const result = await subscribe(store, await field(c, 'url'), options.get);
    return c.html(await feedsPage({ text: result.text, error: !result.ok }), result.ok ? 200 : 400);
  });

  app.post('/feeds/remove', csrf(), async (c) => {
    const url = await field(c, 'url');
    const removed = await store.removeSubscriptions([url]);
    const text = removed ? `Unsubscribed from ${url}; its articles stay.` : `${url} was not subscribed.`;
    return c.html(await feedsPage({ text, error: !removed }));
  });

  app.post('/feeds/fetch', csrf(), async (c) => {
    const job = queue.pendingFetch() ?? queue.submitFetch({ all: (await field(c, 'all')) === '1' });
    return c.redirect(`/ingest/jobs/${job.id}`, 303);
  });

  app.get('/feeds.opml', async (c) => {
    c.header('Content-Disposition', 'attachment; filename="storyline-feeds.opml"');
    return c.body(writeOpml(await store.subscriptions(), (options.now ?? (() => new Date()))()), 200, { 'Content-Type': 'text/x-opml; charset=utf-8' });
  });

  app.get('/api/feeds', async (c) => c.json({ feeds: await store.feeds() }));

  app.post('/api/feeds', csrf(), async (c) => {
    const body = (await c.req.json().catch(() => null)) as { url?: unknown } | null;
    const url = typeof body?.url === 'string' ? body.url.trim() : '';
    if (!url) return c.json({ error: 'bad_request', message: 'send {"url": "<feed or site address>"}' }, 400);
    const result = await subscribe(store, url, options.get);
    if (!result.ok) return c.json({ error: 'not_subscribed', message: result.text }, 422);
    const feed = (await store.feeds()).find((f) => f.feedUrl === result.feedUrl);
    return c.json({ feed, message: result.text }, 201);
  });

  app.delete('/api/feeds', csrf(), async (c) => {
    const url = c.req.query('url') ?? '';
    const removed = await store.removeSubscriptions([url]);
    return removed ? c.json({ removed }) : c.json({ error: 'not_found', message: `not subscribed: ${url}` }, 404);
  });

  app.post('/api/feeds/fetch', csrf(), async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { all?: unknown };
    const job = queue.pendingFetch() ?? queue.submitFetch({ all: body?.all === true });
    return c.json(job, 202);
  });

  return app;
}
