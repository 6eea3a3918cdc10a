/**
 * @module The Google Reader API, as FreshRSS and Miniflux serve it, which NetNewsWire (its FreshRSS
 * account), Reeder, Read You, FocusReader, FeedMe and others speak. Apps see the stream the Fever
 * API shows: outlets as feeds in one folder, each original once, with the outlets that carried its
 * copies; they read, star, page through streams and mark streams read up to a time.
 *
 * An app signs in at `/accounts/ClientLogin` with the e-mail and password of `serve --reader-login`
 * and is given a token made from the login (changing the login signs every app out). It sends the
 * token as `Authorization: GoogleLogin auth=<token>`, or as `T` in a form. The server's own token
 * is not asked for: the login is this API's.
 */
import { createHmac } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ReaderItem, Store } from '../store/store.js';
import { UNREAD_IDS_LISTED } from './fever-api.js';
import {
  apiItemId,
  continuation,
  FOLDER,
  FOLDER_STREAM,
  parseItemId,
  parseStream,
  READING_LIST,
  readerApiItem,
  STARRED,
  streamQuery,
  timeParam,
  type Params,
} from './google-reader-streams.js';
import { feedNumbers, outletPage, readerOutletList } from './reader-outlets.js';
import { sameSecret } from './security.js';

export interface GoogleReaderApiOptions {
  store: Store;
  /** "email:password", or undefined: no reader app may sign in. */
  login?: string;
  now?: () => Date;
}

const API = '/reader/api/0';
/** Ids in one answer: as many as the Fever API lists unread. */
const IDS_PER_ANSWER = UNREAD_IDS_LISTED;
/** Items with their text in one answer. */
const ITEMS_PER_ANSWER = 1000;

/** The query string's and the form body's parameters, each with all its values. */
async function requestParams(c: Context): Promise<Params> {
  const params: Params = new Map();
  const add = (name: string, value: unknown): void => {
    if (typeof value === 'string') params.set(name, [...(params.get(name) ?? []), value]);
  };
  for (const [name, values] of Object.entries(c.req.queries())) for (const value of values) add(name, value);
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    for (const [name, value] of Object.entries(body)) for (const one of [value].flat()) add(name, one);
  }
  return params;
}

const first = (params: Params, name: string): string | undefined => params.get(name)?.[0];
const refuse = (c: Context, message: string, status: 400 | 404 = 400): Response => c.json({ errors: [message] }, status);

export function googleReaderApi({ store, login, now = () => new Date() }: GoogleReaderApiOptions): Hono {
  const app = new Hono();
  const email = login?.slice(0, login.indexOf(':')) ?? '';
  const token = login ? `storyline/${createHmac('sha256', login).update('google-reader-api').digest('hex')}` : null;
  const outletsAsOf = readerOutletList(store);
  const outlets = async () => outletsAsOf(await store.latestArticleId());

  app.on(['GET', 'POST'], '/accounts/ClientLogin', async (c) => {
    const params = await requestParams(c);
    const given = `${first(params, 'Email') ?? ''}:${first(params, 'Passwd') ?? ''}`;
    if (!login || !token || !sameSecret(given, login)) return c.text('Error=BadAuthentication\n', 401);
    if (first(params, 'output') === 'json') return c.json({ SID: token, LSID: token, Auth: token });
    return c.text(`SID=${token}\nLSID=${token}\nAuth=${token}\n`);
  });

  type Handler = (c: Context, params: Params) => Promise<Response> | Response;
  const route = (methods: string[], path: string, handler: Handler): void => {
    app.on(methods, `${API}${path}`, async (c) => {
      const params = await requestParams(c);
      const header = /^GoogleLogin\s+auth=(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (!token || !sameSecret(header ?? first(params, 'T'), token)) {
        c.header('X-Reader-Google-Bad-Token', 'true');
        return c.text('Unauthorized', 401);
      }
      return handler(c, params);
    });
  };
  const read = (path: string, handler: Handler): void => route(['GET', 'POST'], path, handler);
  const write = (path: string, handler: Handler): void => route(['POST'], path, handler);

  /** Items in the order of `ids`, with their text. */
  const itemsOf = async (c: Context, ids: number[]): Promise<Array<Record<string, unknown>>> => {
    const found = new Map((await store.readerItems({ ids, limit: ids.length })).map((item): [number, ReaderItem] => [item.article.id, item]));
    const list = await outlets();
    const feedOf = feedNumbers(list);
    const origin = new URL(c.req.url).origin;
    return ids.flatMap((id) => {
      const item = found.get(id);
      return item ? [readerApiItem(item, origin, feedOf, list)] : [];
    });
  };

  read('/token', (c) => c.text(token ?? ''));
  read('/user-info', (c) => c.json({ userId: '1', userName: email, userProfileId: '1', userEmail: email }));
  read('/preference/list', (c) => c.json({ prefs: [] }));
  read('/preference/stream/list', (c) => c.json({ streamprefs: {} }));
  read('/tag/list', (c) => c.json({ tags: [{ id: STARRED }, { id: FOLDER_STREAM, label: FOLDER, type: 'folder' }] }));
  read('/subscription/list', async (c) => {
    const origin = new URL(c.req.url).origin;
    const subscriptions = (await outlets()).map((outlet, i) => {
      const page = outletPage(origin, outlet);
      return { id: `feed/${i + 1}`, title: outlet.source ?? 'Unknown outlet', categories: [{ id: FOLDER_STREAM, label: FOLDER }], url: page, htmlUrl: page, iconUrl: '' };
    });
    return c.json({ subscriptions });
  });
  read('/unread-count', async (c) => {
    const [counts, feedOf] = [await store.readerUnreadCounts(IDS_PER_ANSWER), feedNumbers(await outlets())];
    const usec = (iso: string): string => `${Date.parse(iso)}000`;
    const unreadcounts = counts.flatMap((count) => {
      const feed = feedOf.get(count.source);
      return feed ? [{ id: `feed/${feed}`, count: count.unread, newestItemTimestampUsec: usec(count.lastSeenAt) }] : [];
    });
    if (counts.length > 0) {
      const total = counts.reduce((sum, count) => sum + count.unread, 0);
      const newest = usec(counts.map((count) => count.lastSeenAt).reduce((a, b) => (a > b ? a : b)));
      for (const id of [FOLDER_STREAM, READING_LIST]) unreadcounts.push({ id, count: total, newestItemTimestampUsec: newest });
    }
    return c.json({ max: IDS_PER_ANSWER, unreadcounts });
  });

  read('/stream/items/ids', async (c, params) => {
    const stream = first(params, 's');
    if (!stream) return refuse(c, 'stream/items/ids needs s, the stream');
    const query = streamQuery(stream, params, await outlets(), IDS_PER_ANSWER);
    if (typeof query === 'string') return refuse(c, query);
    const ids = await store.readerItemIds(query);
    return c.json({ itemRefs: ids.map((id) => ({ id: apiItemId(id) })), ...continuation(ids, query) });
  });
  read('/stream/items/contents', async (c, params) => {
    const given = params.get('i') ?? [];
    const ids = given.map(parseItemId);
    const wrong = given.find((_, i) => ids[i] === null);
    if (wrong !== undefined) return refuse(c, `no item id: ${wrong}`);
    if (ids.length > ITEMS_PER_ANSWER) return refuse(c, `at most ${ITEMS_PER_ANSWER} items at a time`);
    const items = await itemsOf(c, ids as number[]);
    return c.json({ direction: 'ltr', id: READING_LIST, title: 'Storyline', updated: Math.floor(now().getTime() / 1000), items });
  });
  read('/stream/contents/*', async (c, params) => {
    const raw = c.req.path.slice(`${API}/stream/contents/`.length);
    let stream: string;
    try {
      stream = decodeURIComponent(raw) || READING_LIST;
    } catch {
      return refuse(c, `no stream ${raw}`);
    }
    const query = streamQuery(stream, params, await outlets(), ITEMS_PER_ANSWER);
    if (typeof query === 'string') return refuse(c, query);
    const ids = await store.readerItemIds(query);
    const items = await itemsOf(c, ids);
    return c.json({ direction: 'ltr', id: stream, title: 'Storyline', updated: Math.floor(now().getTime() / 1000), items, ...continuation(ids, query) });
  });

  write('/edit-tag', async (c, params) => {
    const given = params.get('i') ?? [];
    const ids = given.map(parseItemId);
    if (ids.length === 0 || ids.includes(null)) return refuse(c, 'edit-tag needs i, the items, by their ids');
    const marks: { read?: boolean; saved?: boolean } = {};
    for (const [name, on] of [['a', true], ['r', false]] as const) {
      for (const tag of params.get(name) ?? []) {
        const stream = parseStream(tag);
        if (stream?.kind === 'read') marks.read = on;
        else if (stream?.kind === 'kept-unread') marks.read = !on;
        else if (stream?.kind === 'starred') marks.saved = on;
        else if (stream?.kind !== 'broadcast') return refuse(c, `items keep only read and starred marks, not ${tag}`);
      }
    }
    await store.markArticles(ids as number[], marks, now().toISOString());
    return c.text('OK');
  });
  write('/mark-all-as-read', async (c, params) => {
    const id = first(params, 's') ?? READING_LIST;
    const stream = parseStream(id);
    const at = now().toISOString();
    const until = timeParam(first(params, 'ts')) ?? at;
    if (stream?.kind === 'all') await store.markReadBefore(until, at);
    else if (stream?.kind === 'outlet') {
      const outlet = (await outlets())[stream.feed - 1];
      if (!outlet) return refuse(c, `no feed ${stream.feed}`);
      await store.markReadBefore(until, at, outlet.source);
    } else return refuse(c, `cannot mark ${id} read`);
    return c.text('OK');
  });
  for (const path of ['/subscription/quickadd', '/subscription/edit']) {
    write(path, (c) => refuse(c, 'the feeds here are the outlets of the stored articles: subscribe on the server (its Feeds page, or storyline subscribe)'));
  }
  route(['GET', 'POST'], '/*', (c) => refuse(c, `no such call: ${c.req.path.slice(API.length)}`, 404));
  return app;
}
