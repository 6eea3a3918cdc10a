/**
 * @module The JSON API under /api (described by /api/openapi.json). Lists are paginated with
 * `limit` and `offset` and answer `{ items, limit, offset, nextOffset }` (nextOffset is null on
 * the last page). /api/stories/:id has the shape of `storyline story --json` (buildStoryView).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Store } from '../store/store.js';
import { exportedArticle } from '../views/export-document.js';
import { buildStoryView } from '../views/story-view.js';
import { filtersOf, pagingOf, type Paging } from './list-options.js';
import { openApiDocument } from './openapi-document.js';
import type { StoryReadModel } from './story-read-model.js';

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  nextOffset: number | null;
}

/** A page of a list fetched with one extra item, which tells whether another page follows. */
export const pageOf = <T>(fetched: T[], paging: Paging): Page<T> => ({
  items: fetched.slice(0, paging.limit),
  limit: paging.limit,
  offset: paging.offset,
  nextOffset: fetched.length > paging.limit ? paging.offset + paging.limit : null,
});

const sliceOf = <T>(all: readonly T[], paging: Paging): Page<T> => pageOf(all.slice(paging.offset, paging.offset + paging.limit + 1), paging);

const notFound = (c: Context, what: string) => c.json({ error: 'not_found', message: `no ${what}` }, 404);
const badRequest = (c: Context, message: string) => c.json({ error: 'bad_request', message }, 400);

const idOf = (value: string | undefined): number | null => {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

export function apiRoutes({ store, readModel }: { store: Store; readModel: StoryReadModel }): Hono {
  const api = new Hono();
  const paging = (c: Context, limit = 50): Paging => pagingOf((name) => c.req.query(name), { limit, max: 500 });
  const storyView = async (value: string | undefined) => {
    const id = idOf(value);
    const detail = id === null ? null : await readModel.getStory(id);
    return detail ? buildStoryView(detail) : null;
  };

  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  api.get('/stories', async (c) => {
    const p = paging(c);
    const stories = await readModel.listStories({ ...filtersOf((name) => c.req.query(name)), limit: p.limit + 1, offset: p.offset });
    return c.json(pageOf(stories, p));
  });

  api.get('/stories/:id', async (c) => {
    const view = await storyView(c.req.param('id'));
    if (view) return c.json(view);
    // A story merged into another answers with a permanent redirect to the story it joined.
    const into = await store.mergedInto(Number(c.req.param('id')));
    return into !== null ? c.redirect(`/api/stories/${into}`, 301) : notFound(c, `story ${c.req.param('id')}`);
  });

  api.get('/stories/:id/events', async (c) => {
    const view = await storyView(c.req.param('id'));
    return view ? c.json(sliceOf(view.events, paging(c))) : notFound(c, `story ${c.req.param('id')}`);
  });

  api.get('/articles/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    const found = id === null ? null : await store.getArticle(id);
    if (!found) return notFound(c, `article ${c.req.param('id')}`);
    return c.json({
      ...exportedArticle(found.article),
      analysis: found.analysis,
      copies: found.copies.map((copy) => ({ id: copy.id, title: copy.title, source: copy.source, published: copy.published, url: copy.url, similarity: copy.similarity, changes: copy.changes })),
    });
  });

  api.get('/articles/:id/quotes', async (c) => {
    const id = idOf(c.req.param('id'));
    const found = id === null ? null : await store.getArticle(id);
    return found ? c.json(sliceOf(found.analysis.quotes, paging(c))) : notFound(c, `article ${c.req.param('id')}`);
  });

  api.get('/quotes', async (c) => {
    if (!c.req.query('story')) return badRequest(c, 'give the story: /api/quotes?story=<id>');
    const view = await storyView(c.req.query('story'));
    return view ? c.json(sliceOf(view.quotes, paging(c))) : notFound(c, `story ${c.req.query('story')}`);
  });

  api.get('/entities', async (c) => {
    if (!c.req.query('story')) return badRequest(c, 'give the story: /api/entities?story=<id>');
    const view = await storyView(c.req.query('story'));
    return view ? c.json(sliceOf(view.entities, paging(c))) : notFound(c, `story ${c.req.query('story')}`);
  });

  api.get('/search', async (c) => {
    const q = c.req.query('q')?.trim();
    if (!q) return badRequest(c, 'give the words to search for: /api/search?q=<words>');
    const p = paging(c, 20);
    const hits = await store.search(q, p.offset + p.limit + 1);
    return c.json(pageOf(hits.slice(p.offset), p));
  });

  return api;
}
