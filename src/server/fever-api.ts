/**
 * @module The Fever API (version 3), which reader apps speak (Reeder, ReadKit, Unread, Fiery Feeds,
 * FeedMe, Fluent Reader...): they see Storyline's stream with every copy folded under its original
 * (one item, "also carried by" the outlets of its copies), and read and save items as with any
 * feed service. Outlets are its feeds, in one group; articles are its items, by article id.
 *
 * A reader app signs in with the e-mail and password `serve --reader-login email:password` sets
 * (it sends their MD5 as `api_key`); without a login set, the API answers `auth: 0` to everyone.
 * It takes no server token: the login is its own.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ReaderItem, ReaderOutlet, Store } from '../store/store.js';
import { feedNumbers, outletPage, readerOutletList } from './reader-outlets.js';
import { unixSeconds } from './time-format.js';
import { readerItemHtml } from '../views/reader-item-html.js';
import { sameSecret } from './security.js';

export interface FeverApiOptions {
  store: Store;
  /** "email:password", or undefined: no reader app may sign in. */
  login?: string;
  now?: () => Date;
}

/** Items per `items` answer, as Fever gives. */
const ITEMS_PER_ANSWER = 50;
/** The newest unread item ids listed: a store of a million articles is not sent whole to a phone. */
export const UNREAD_IDS_LISTED = 10_000;
const GROUP_ID = 1;
const FAVICON_ID = 1;
/** A 16×16 square in Storyline's blue, for every outlet. */
const FAVICON = 'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mOQjVhNEmIY1TCqYfhqAACO2CAQiETeBgAAAABJRU5ErkJggg==';


/** Ids from "1,2,3" (the first 50 that are whole numbers). */
const idList = (value: string | undefined): number[] =>
  (value ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, ITEMS_PER_ANSWER);

export function feverApi({ store, login, now = () => new Date() }: FeverApiOptions): Hono {
  const app = new Hono();
  const key = login ? createHash('md5').update(login).digest('hex') : null;
  const outletsAsOf = readerOutletList(store);

  const answer = async (c: Context): Promise<Response> => {
    const body = c.req.method === 'POST' ? await c.req.parseBody().catch(() => ({}) as Record<string, unknown>) : {};
    const params = new Map<string, string>(Object.entries(c.req.query()));
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') params.set(name, value);
    const base = { api_version: 3 };
    const given = params.get('api_key');
    if (!key || !sameSecret(given?.toLowerCase(), key)) return c.json({ ...base, auth: 0 });

    const out: Record<string, unknown> = { ...base, auth: 1 };
    const origin = new URL(c.req.url).origin;
    const latest = await store.latestArticleId();
    out.last_refreshed_on_time = latest > 0 ? unixSeconds((await store.articlesAfter(latest - 1, 1))[0]?.seenAt) : 0;

    const outletList = (): Promise<ReaderOutlet[]> => outletsAsOf(latest);
    const feedsGroups = async () => [{ group_id: GROUP_ID, feed_ids: (await outletList()).map((_, i) => i + 1).join(',') }];

    const mark = params.get('mark');
    if (mark) {
      const as = params.get('as');
      const id = Number(params.get('id'));
      const at = now().toISOString();
      if (mark === 'item' && Number.isInteger(id) && as) {
        const marks = { read: { read: true }, unread: { read: false }, saved: { saved: true }, unsaved: { saved: false } }[as];
        if (marks) await store.markArticles([id], marks, at);
      } else if ((mark === 'feed' || mark === 'group') && as === 'read') {
        const before = Number(params.get('before'));
        const until = Number.isFinite(before) && before > 0 ? new Date(before * 1000).toISOString() : at;
        if (mark === 'group') await store.markReadBefore(until, at);
        else {
          const outlet = (await outletList())[id - 1];
          if (outlet) await store.markReadBefore(until, at, outlet.source);
        }
      }
    }

    if (params.has('groups')) {
      out.groups = [{ id: GROUP_ID, title: 'All outlets' }];
      out.feeds_groups = await feedsGroups();
    }
    if (params.has('feeds')) {
      out.feeds = (await outletList()).map((o, i) => {
        const page = outletPage(origin, o);
        return { id: i + 1, favicon_id: FAVICON_ID, title: o.source ?? 'Unknown outlet', url: page, site_url: page, is_spark: 0, last_updated_on_time: unixSeconds(o.lastSeenAt) };
      });
      out.feeds_groups = await feedsGroups();
    }
    if (params.has('favicons')) out.favicons = [{ id: FAVICON_ID, data: FAVICON }];
    if (params.has('items')) {
      const withIds = params.get('with_ids');
      const maxId = params.get('max_id');
      const items: ReaderItem[] = withIds !== undefined
        ? await store.readerItems({ ids: idList(withIds), limit: ITEMS_PER_ANSWER })
        : maxId !== undefined && Number(maxId) > 0
          ? await store.readerItems({ maxId: Number(maxId), limit: ITEMS_PER_ANSWER })
          : await store.readerItems({ sinceId: Math.max(0, Number(params.get('since_id')) || 0), limit: ITEMS_PER_ANSWER });
      const feedOf = feedNumbers(await outletList());
      out.items = items.map((item) => ({
        id: item.article.id,
        feed_id: feedOf.get(item.article.source) ?? 0,
        title: item.article.title,
        author: item.article.author ?? '',
        html: readerItemHtml(item, origin),
        url: item.article.url ?? `${origin}/articles/${item.article.id}`,
        is_saved: item.saved ? 1 : 0,
        is_read: item.read ? 1 : 0,
        created_on_time: unixSeconds(item.article.published) || unixSeconds(item.article.seenAt),
      }));
      out.total_items = await store.readerItemCount();
    }
    if (params.has('links')) out.links = [];
    if (params.has('unread_item_ids')) out.unread_item_ids = (await store.readerItemIds({ read: false, limit: UNREAD_IDS_LISTED })).join(',');
    if (params.has('saved_item_ids')) out.saved_item_ids = (await store.readerItemIds({ saved: true, oldestFirst: true, limit: UNREAD_IDS_LISTED })).join(',');
    return c.json(out);
  };

  app.on(['GET', 'POST'], ['/fever', '/fever/'], answer);
  return app;
}
