/**
 * @module Following stories: the follow bar of a story page (follow or unfollow, and what reached
 * the story since the reader last looked, which opening the page marks seen), `/following` (every
 * followed story with its news), `/following.atom` (their developments for a feed reader), and the
 * same as JSON (`/api/following`, `/api/stories/:id/follow`). Form posts are checked against
 * cross-site requests.
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import type { AlertTarget, Store } from '../store/store.js';
import { developmentsAtom } from '../views/developments-atom.js';
import { followedDevelopments, followedNews, newsSentence, NEWS_LIMIT, storyNews, type StoryNews } from '../views/story-news.js';
import { page, plural, type Html } from './page-layout.js';
import { formatAgo, formatWhen } from './time-format.js';

/** Where a story page's follow bar goes; the page is cached without it. */
export const FOLLOW_BAR = '<!--storyline:follow-->';

/** New reports listed in a follow bar or on /following; the rest are on the story page. */
const SHOWN = 8;

function newsList(news: StoryNews): Html {
  const shown = news.originals.slice(0, SHOWN);
  return html`<ul class="news-list">${shown.map(
    (a) => html`<li><a href="/articles/${a.id}">${a.title}</a> <span class="muted">${a.source ?? 'unknown outlet'} · ${a.published ? formatWhen(a.published) : `seen ${formatWhen(a.seenAt)}`}${a.newEvent && a.eventTitle ? html` · <span class="new-event">new event</span>` : ''}</span></li>`,
  )}${news.originals.length > SHOWN ? html`<li class="muted">and ${plural(news.originals.length - SHOWN, 'more report')}</li>` : ''}</ul>`;
}

/**
 * The follow bar for story `storyId` as the reader sees it now; a followed story's news is marked
 * seen once it is shown.
 */
export async function followBar(store: Store, storyId: number, now: Date): Promise<string> {
  const followed = (await store.followedStories()).find((f) => f.storyId === storyId);
  if (!followed) {
    return String(
      await html`<div class="follow-bar"><form action="/stories/${storyId}/follow" method="post"><button type="submit">Follow this story</button></form><span class="muted">See what reaches it since your last look, here, on <a href="/following">Following</a> and in a feed reader.</span></div>`,
    );
  }
  const news = storyNews(followed, await store.storyArrivals(storyId, followed.seenArticleId, NEWS_LIMIT), NEWS_LIMIT);
  if (news.articles > 0) await store.markStorySeen(storyId, now.toISOString());
  return String(
    await html`<div class="follow-bar following"><form action="/stories/${storyId}/unfollow" method="post"><button type="submit" class="quiet">Following ✓ · Unfollow</button></form><span class="muted">since ${formatAgo(followed.followedAt, now)}</span></div>
    ${news.articles > 0
      ? html`<div class="notice news"><strong>Since you last looked (${formatAgo(followed.seenAt, now)}):</strong> ${newsSentence(news)}.${news.newOutlets.length > 0 ? html` New outlets: ${news.newOutlets.join(', ')}.` : ''}${newsList(news)}</div>`
      : ''}`,
  );
}

/**
 * Where alerts are pushed, by host only (a webhook's address is its secret), and the one that
 * failed last, with why; or how to have them pushed.
 */
function alertsLine(targets: AlertTarget[], now: Date): Html {
  if (targets.length === 0) return html`<p class="muted">Developments can also be pushed to a chat channel or a phone as they arrive: <code>storyline alerts add &lt;webhook URL&gt;</code>.</p>`;
  const host = (url: string): string => {
    try {
      return new URL(url).host;
    } catch {
      return 'an address that is no URL';
    }
  };
  const failing = targets.filter((t) => t.failedAt && (!t.sentAt || t.failedAt > t.sentAt));
  return html`<p class="muted">Developments are pushed to ${[...new Set(targets.map((t) => host(t.url)))].join(', ')} as they arrive.${failing.map(
    (t) => html` <span class="alert-failed">${host(t.url)} failed ${formatAgo(t.failedAt!, now)}: ${t.lastError ?? 'unknown error'}; tried again after the next fetch.</span>`,
  )}</p>`;
}

function followingView(all: StoryNews[], targets: AlertTarget[], now: Date): Html {
  if (all.length === 0) {
    return html`<div class="page-head"><h1>Following</h1><p class="lede">No followed stories yet: open a story and press “Follow this story”.</p></div>`;
  }
  const items = all.map(
    (news) => html`<li class="followed${news.articles > 0 ? ' has-news' : ''}">
      <a class="story-title" href="/stories/${news.storyId}">${news.title}</a>
      <div class="meta"><span>${news.articles > 0 ? newsSentence(news) : 'nothing new'}</span><span>since ${formatAgo(news.seenAt, now)}</span></div>
      ${news.newEvents.length > 0 ? html`<p class="muted">New ${news.newEvents.length === 1 ? 'event' : 'events'}: ${news.newEvents.map((e) => `“${e.title}”`).join(', ')}</p>` : ''}
      ${news.originals.length > 0 ? newsList(news) : ''}
    </li>`,
  );
  const withNews = all.filter((n) => n.articles > 0).length;
  return html`<div class="page-head"><h1>Following</h1><p class="lede">${plural(all.length, 'followed story', 'followed stories')}, ${withNews === 0 ? 'none with news' : `${withNews} with news`} since you last opened ${withNews === 1 ? 'it' : 'them'}. Opening a story marks its news seen. <a href="/following.atom">Developments as a feed</a> for your feed reader.</p></div>
  ${alertsLine(targets, now)}
  <ul class="following-list">${items}</ul>`;
}

export function followingPages({ store, now: clock }: { store: Store; now?: () => Date }): Hono {
  const now = clock ?? (() => new Date());
  const app = new Hono();
  const storyId = (param: string): number | null => (/^\d+$/.test(param) ? Number(param) : null);

  app.post('/stories/:id/follow', csrf(), async (c) => {
    const id = storyId(c.req.param('id'));
    const followed = id === null ? null : await store.followStory(id, now().toISOString());
    return followed === null ? c.text(`There is no story ${c.req.param('id')}.`, 404) : c.redirect(`/stories/${followed}`, 303);
  });

  app.post('/stories/:id/unfollow', csrf(), async (c) => {
    const id = storyId(c.req.param('id'));
    if (id !== null) await store.unfollowStory(id);
    return c.redirect(`/stories/${c.req.param('id')}`, 303);
  });

  app.get('/following', async (c) => c.html(page({ title: 'Following', body: followingView(await followedNews(store), await store.alertTargets(), now()) })));

  app.get('/following.atom', async (c) => {
    const url = new URL(c.req.url);
    url.searchParams.delete('token');
    const atom = developmentsAtom(await followedDevelopments(store), { base: url.origin, self: url.href, now: now() });
    return c.body(atom, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/api/following', async (c) => c.json({ following: await followedNews(store) }));

  app.post('/api/stories/:id/follow', csrf(), async (c) => {
    const id = storyId(c.req.param('id'));
    const followed = id === null ? null : await store.followStory(id, now().toISOString());
    return followed === null ? c.json({ error: 'not_found', message: `no story ${c.req.param('id')}` }, 404) : c.json({ storyId: followed }, 201);
  });

  app.delete('/api/stories/:id/follow', csrf(), async (c) => {
    const id = storyId(c.req.param('id'));
    return id !== null && (await store.unfollowStory(id)) ? c.json({ storyId: id }) : c.json({ error: 'not_found', message: `story ${c.req.param('id')} is not followed` }, 404);
  });

  return app;
}
