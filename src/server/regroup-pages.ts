/**
 * @module Regrouping by hand, where the grouper got a story wrong: `/stories/:id/regroup` lists the
 * stories that name the same people, bodies and places (to merge one with this story) and this
 * story's events (to move one to another story or to a story of its own); the forms post to
 * `/stories/:id/merge` and `/stories/:id/events/:eventId/move`; a merge made by hand is undone
 * there too (`/stories/:id/unmerge`). The same is there as JSON (`/api/stories/:id/related`,
 * `/api/stories/:id/merge`, `/api/stories/:id/unmerge`, `/api/events/:id/move`). The work runs on
 * the ingest queue's pipeline, between jobs, so the grouper takes it in at once and places what
 * arrives next with it. Form posts are checked against cross-site requests.
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import type { StorySummary, Store } from '../store/store.js';
import type { IngestQueue } from './ingest-jobs.js';
import { notFound, page, plural, type Html } from './page-layout.js';
import type { StoryReadModel } from './story-read-model.js';
import { formatSpan, formatWhen } from './time-format.js';

/** Related stories offered on the regroup page and by the API. */
const RELATED = 10;

interface RegroupOptions {
  store: Store;
  readModel: StoryReadModel;
  queue: IngestQueue;
}

const idOf = (param: string | undefined): number | null => (param !== undefined && /^\d{1,9}$/.test(param) ? Number(param) : null);

/** The story that stays when two are merged from a page: the one with more articles (else the older), as the grouper keeps it. */
const survivorOf = (a: StorySummary, b: StorySummary): [StorySummary, StorySummary] =>
  b.articleCount > a.articleCount || (b.articleCount === a.articleCount && b.id < a.id) ? [b, a] : [a, b];

export function regroupPages({ store, readModel, queue }: RegroupOptions): Hono {
  const app = new Hono();

  app.get('/stories/:id/regroup', async (c) => {
    const id = idOf(c.req.param('id'));
    const detail = id === null ? null : await readModel.getStory(id);
    if (id === null || !detail) {
      const into = id === null ? null : await store.mergedInto(id);
      return into !== null ? c.redirect(`/stories/${into}/regroup`, 301) : c.html(notFound(`There is no story ${c.req.param('id')}.`), 404);
    }
    const [related, mergedHere] = await Promise.all([store.relatedStories(id, RELATED), store.mergedByHand(id)]);
    const sizes = new Map<number, number>();
    for (const a of detail.articles) if (a.eventId !== null) sizes.set(a.eventId, (sizes.get(a.eventId) ?? 0) + 1);
    const events = detail.events.map((e) => ({ ...e, articles: sizes.get(e.id) ?? 0 }));
    return c.html(page({ title: `Regroup: ${detail.story.title}`, body: regroupView(detail.story, events, related, mergedHere) }));
  });

  app.post('/stories/:id/merge', csrf(), async (c) => {
    const form = await c.req.parseBody();
    const id = idOf(c.req.param('id'));
    const other = idOf(typeof form.with === 'string' ? form.with.trim().replace(/^#/, '') : undefined);
    const [a, b] = await Promise.all([id === null ? null : store.mergedInto(id).then((m) => readModel.getStory(m ?? id)), other === null ? null : store.mergedInto(other).then((m) => readModel.getStory(m ?? other))]);
    if (!a) return c.html(notFound(`There is no story ${c.req.param('id')}.`), 404);
    if (!b) return c.html(notFound(other === null ? 'Give the number of the story to merge with.' : `There is no story ${other}.`), 404);
    const [into, merged] = survivorOf(a.story, b.story);
    const result = await queue.regroup((pipeline) => pipeline.mergeStories([merged.id], into.id));
    return 'missing' in result ? c.html(notFound(`There is no story ${result.missing}.`), 404) : c.redirect(`/stories/${into.id}`, 303);
  });

  app.post('/stories/:id/unmerge', csrf(), async (c) => {
    const form = await c.req.parseBody();
    const merged = idOf(typeof form.story === 'string' ? form.story : undefined);
    if (merged === null) return c.html(notFound('Say which merged story to take out again.'), 404);
    const result = await queue.regroup((pipeline) => pipeline.undoMerge(merged));
    return 'notMerged' in result ? c.html(notFound(`Story ${merged} was not merged by hand, or cannot be taken out again.`), 404) : c.redirect(`/stories/${merged}`, 303);
  });

  app.post('/stories/:id/events/:eventId/move', csrf(), async (c) => {
    const form = await c.req.parseBody();
    const eventId = idOf(c.req.param('eventId'));
    // A story number typed in goes before the list's choice.
    const typed = typeof form.number === 'string' ? form.number.trim().replace(/^#/, '') : '';
    const to = typed !== '' ? typed : typeof form.to === 'string' ? form.to.trim().replace(/^#/, '') : '';
    const into = to === 'new' ? null : idOf(to);
    if (eventId === null || (into === null && to !== 'new')) return c.html(notFound('Say which story the event goes to, or "new" for a story of its own.'), 404);
    const result = await queue.regroup((pipeline) => pipeline.moveEvent(eventId, into));
    if ('missingEvent' in result) return c.html(notFound(`There is no event ${result.missingEvent}.`), 404);
    if ('missingStory' in result) return c.html(notFound(`There is no story ${result.missingStory}.`), 404);
    const where = result.regrouping.movedEvents[0]?.storyId ?? idOf(c.req.param('id'));
    return c.redirect(`/stories/${where}#event-${eventId}`, 303);
  });

  app.get('/api/stories/:id/related', async (c) => {
    const id = idOf(c.req.param('id'));
    if (id === null || !(await readModel.getStory(id))) return c.json({ error: 'not_found', message: `no story ${c.req.param('id')}` }, 404);
    return c.json({ related: await store.relatedStories(id, RELATED) });
  });

  app.post('/api/stories/:id/merge', csrf(), async (c) => {
    const id = idOf(c.req.param('id'));
    const body = (await c.req.json().catch(() => null)) as { stories?: unknown } | null;
    const stories = Array.isArray(body?.stories) ? body.stories : null;
    if (id === null || stories === null || stories.length === 0 || !stories.every((s) => Number.isInteger(s) && (s as number) > 0)) {
      return c.json({ error: 'bad_request', message: 'POST {"stories": [story ids]} to merge those stories into this one' }, 400);
    }
    const result = await queue.regroup((pipeline) => pipeline.mergeStories(stories as number[], id));
    if ('missing' in result) return c.json({ error: 'not_found', message: `no story ${result.missing}` }, 404);
    return c.json({ storyId: result.regrouping.stories[0]?.id ?? id, merged: result.regrouping.merged.map((m) => m.id), movedEvents: result.regrouping.movedEvents.map((e) => e.id) });
  });

  app.post('/api/stories/:id/unmerge', csrf(), async (c) => {
    const id = idOf(c.req.param('id'));
    const result = id === null ? null : await queue.regroup((pipeline) => pipeline.undoMerge(id));
    if (result === null || 'notMerged' in result) return c.json({ error: 'not_found', message: `story ${c.req.param('id')} was not merged by hand, or cannot be taken out again` }, 404);
    return c.json({ storyId: id, from: result.regrouping.stories.find((s) => s.id !== id)?.id ?? null, events: result.regrouping.movedEvents.map((e) => e.id) });
  });

  app.post('/api/events/:id/move', csrf(), async (c) => {
    const eventId = idOf(c.req.param('id'));
    const body = (await c.req.json().catch(() => null)) as { story?: unknown } | null;
    const story = body?.story;
    if (eventId === null || body === null || !(story === null || (Number.isInteger(story) && (story as number) > 0))) {
      return c.json({ error: 'bad_request', message: 'POST {"story": a story id, or null for a story of its own}' }, 400);
    }
    const result = await queue.regroup((pipeline) => pipeline.moveEvent(eventId, story as number | null));
    if ('missingEvent' in result) return c.json({ error: 'not_found', message: `no event ${result.missingEvent}` }, 404);
    if ('missingStory' in result) return c.json({ error: 'not_found', message: `no story ${result.missingStory}` }, 404);
    const moved = result.regrouping.movedEvents[0];
    return c.json({ eventId: moved?.id ?? eventId, storyId: moved?.storyId ?? null, merged: result.regrouping.merged.map((m) => m.id) });
  });

  return app;
}

function storyLine(story: StorySummary): Html {
  return html`<a href="/stories/${story.id}">${story.title}</a> <span class="muted">#${story.id} · ${formatSpan(story.start, story.end)} · ${plural(story.articleCount, 'article')}</span>`;
}

function regroupView(
  story: StorySummary,
  events: Array<{ id: number; title: string; start: string | null; end: string | null; articles: number }>,
  related: Array<{ story: StorySummary; shared: string[] }>,
  mergedHere: Array<{ storyId: number; title: string; madeAt: string }>,
): Html {
  const targets = related.map((r) => r.story);
  return html`<div class="page-head">
      <p class="kicker">Regroup</p>
      <h1><a href="/stories/${story.id}">${story.title}</a></h1>
      <p class="lede">Where Storyline grouped this story wrong: merge it with another story of the same news, or move one of its events to another story or a story of its own. What arrives next is grouped the way you leave it, and a moved event's story is never merged back on its own.</p>
    </div>
    <section class="panel regroup">
      <h2>Merge with another story</h2>
      ${related.length === 0
        ? html`<p class="muted">No other story names the same people, organisations or places.</p>`
        : html`<p class="hint">Stories that mention the same people, organisations and places (or the names in this story’s headlines), those sharing most first. The merged story keeps the number of the larger one; a link to the other leads to it.</p>
          <ul class="related">${related.map(
            (r) => html`<li><form action="/stories/${story.id}/merge" method="post"><input type="hidden" name="with" value="${r.story.id}"><button type="submit">Merge</button></form><div>${storyLine(r.story)}<p class="shared">Both mention ${r.shared.slice(0, 6).join(', ')}${r.shared.length > 6 ? ` and ${r.shared.length - 6} more` : ''}</p></div></li>`,
          )}</ul>`}
      <form action="/stories/${story.id}/merge" method="post" class="inline-form"><label>Or the story numbered <input name="with" inputmode="numeric" pattern="#?[0-9]+" required size="8" placeholder="e.g. 12"></label><button type="submit">Merge</button></form>
    </section>
    ${mergedHere.length > 0
      ? html`<section class="panel regroup">
          <h2>Merged here by hand</h2>
          <ul class="related">${mergedHere.map(
            (m) => html`<li><form action="/stories/${story.id}/unmerge" method="post"><input type="hidden" name="story" value="${m.storyId}"><button type="submit" class="quiet">Undo</button></form><div>${m.title} <span class="muted">#${m.storyId} · merged ${formatWhen(m.madeAt)}</span><p class="shared">Undo takes it out again under its number, with the events it brought, and keeps it apart from this story.</p></div></li>`,
          )}</ul>
        </section>`
      : ''}
    <section class="panel regroup">
      <h2>Move an event</h2>
      ${events.length < 2 && targets.length === 0
        ? html`<p class="muted">This story has one event and no related story to move it to: merge it with another story by its number above.</p>`
        : html`<ol class="regroup-events">${events.map(
            (e) => html`<li><div><strong>${e.title}</strong> <span class="muted">${formatSpan(e.start, e.end)} · ${plural(e.articles, 'article')}</span></div>
              <form action="/stories/${story.id}/events/${e.id}/move" method="post" class="inline-form"><label>Move to <select name="to">${events.length > 1 ? html`<option value="new">a story of its own</option>` : ''}${targets.map((t) => html`<option value="${t.id}">#${t.id} ${t.title}</option>`)}</select></label><label>or story <input name="number" inputmode="numeric" pattern="#?[0-9]+" size="6" placeholder="number"></label><button type="submit">Move</button></form></li>`,
          )}</ol>`}
    </section>`;
}
