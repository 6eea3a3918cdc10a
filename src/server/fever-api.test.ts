import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { ARRIVED, READER_LOGIN, readerStore } from './testdata/reader-store.js';

const KEY = createHash('md5').update(READER_LOGIN).digest('hex');

/** The reader store's server, and a Fever call on it signed in with the reader login. */
async function readerApp(options?: { token?: string; readerLogin?: string }) {
  const { store, app } = await readerStore(options);
  const fever = async (query: string, form: Record<string, string> = {}): Promise<Record<string, unknown>> => {
    const response = await app.request(`http://reader.test/fever/?api${query}`, { method: 'POST', body: new URLSearchParams({ api_key: KEY, ...form }) });
    assert.equal(response.status, 200);
    return (await response.json()) as Record<string, unknown>;
  };
  return { store, app, fever };
}

test('a reader app signs in with the MD5 of the reader login; a wrong key, or a server without a login, says auth 0', async () => {
  const { app, fever, store } = await readerApp();
  assert.deepEqual([(await fever('')).api_version, (await fever('')).auth], [3, 1]);
  const wrong = await app.request('http://reader.test/fever/?api&items', { method: 'POST', body: new URLSearchParams({ api_key: createHash('md5').update('ada@harbour.example:guess').digest('hex') }) });
  assert.deepEqual(await wrong.json(), { api_version: 3, auth: 0 });
  await store.close();

  const closed = await readerApp({});
  assert.equal((await closed.fever('&items')).auth, 0, 'no reader login set: no reader app gets in');
  await closed.store.close();
});

test('reader apps see each original once, with the outlets that carried its copies, its story and its feed', async () => {
  const { fever, store } = await readerApp();
  const feeds = await fever('&feeds');
  const titles = (feeds.feeds as Array<{ id: number; title: string }>).map((f) => [f.id, f.title]);
  assert.deepEqual(titles, [[1, 'Nordwire'], [2, 'Valley Courier'], [3, 'Bay Herald']]);
  assert.deepEqual(feeds.feeds_groups, [{ group_id: 1, feed_ids: '1,2,3' }]);
  assert.deepEqual((await fever('&groups')).groups, [{ id: 1, title: 'All outlets' }]);

  const answer = await fever('&items&since_id=0');
  const items = answer.items as Array<Record<string, unknown>>;
  assert.equal(answer.total_items, 2, 'the copy is folded under its original, not an item of its own');
  assert.deepEqual(items.map((i) => [i.title, i.feed_id, i.is_read, i.url]), [
    ['Sluice gates shut at Marrow Bay', 1, 0, 'https://nordwire.example/sluice'],
    ['Ferries cancelled for a second day', 3, 0, 'http://reader.test/articles/3'],
  ]);
  const html = items[0]!.html as string;
  assert.match(html, /<p>Engineers closed the lower sluice gates/);
  assert.match(html, /Also carried by 1 outlet: <b>Valley Courier<\/b> \(“<a href="https:\/\/valley\.example\/gates">Marrow Bay gates closed as river rises<\/a>”\)/);
  assert.match(html, /Story: <a href="http:\/\/reader\.test\/stories\/\d+">/);
  assert.equal(items[0]!.created_on_time, Date.parse('2026-04-14T08:00:00Z') / 1000);
  assert.deepEqual(((await fever('&items&with_ids=3,2')).items as Array<{ id: number }>).map((i) => i.id), [3]);
  assert.deepEqual(((await fever('&items&max_id=3')).items as Array<{ id: number }>).map((i) => i.id), [1]);
  await store.close();
});

test('reading and saving in a reader app is kept; marking a feed read takes what had arrived by then', async () => {
  const { fever, store } = await readerApp();
  assert.equal((await fever('&unread_item_ids')).unread_item_ids, '3,1');
  await fever('', { mark: 'item', as: 'read', id: '1' });
  await fever('', { mark: 'item', as: 'saved', id: '1' });
  assert.equal((await fever('&unread_item_ids')).unread_item_ids, '3');
  assert.equal((await fever('&saved_item_ids')).saved_item_ids, '1');
  const [first] = (await fever('&items&with_ids=1')).items as Array<Record<string, unknown>>;
  assert.deepEqual([first!.is_read, first!.is_saved], [1, 1]);
  await fever('', { mark: 'item', as: 'unread', id: '1' });
  await fever('', { mark: 'item', as: 'unsaved', id: '1' });
  assert.equal((await fever('&unread_item_ids')).unread_item_ids, '3,1');
  assert.equal((await fever('&saved_item_ids')).saved_item_ids, '');

  const before = Date.parse(ARRIVED[2]!) / 1000;
  await fever('', { mark: 'feed', as: 'read', id: '3', before: String(before - 60) });
  assert.equal((await fever('&unread_item_ids')).unread_item_ids, '3,1', 'Bay Herald’s report arrived after that time');
  await fever('', { mark: 'feed', as: 'read', id: '3', before: String(before) });
  assert.equal((await fever('&unread_item_ids')).unread_item_ids, '1');
  await fever('', { mark: 'group', as: 'read', id: '1', before: String(before) });
  assert.equal((await fever('&unread_item_ids')).unread_item_ids, '');
  await store.close();
});

test('with a server token, reader apps still sign in with the reader login, while the rest of the server asks for the token', async () => {
  const { app, fever, store } = await readerApp({ token: 'server-token-123', readerLogin: READER_LOGIN });
  assert.equal((await fever('&items')).auth, 1);
  assert.equal((await app.request('http://reader.test/api/stories')).status, 401);
  await store.close();
});
