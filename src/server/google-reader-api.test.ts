import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARRIVED, doc, READER_LOGIN, readerStore } from './testdata/reader-store.js';

const [EMAIL, PASSWORD] = READER_LOGIN.split(':') as [string, string];
const READ = 'user/-/state/com.google/read';
const STARRED = 'user/-/state/com.google/starred';
const READING_LIST = 'user/-/state/com.google/reading-list';
const usec = (iso: string): string => `${Date.parse(iso)}000`;
/** Item ids as the API gives them: the article id plus 0xa000000000000, in decimal (ids) or long hexadecimal form (items). */
const BASE = 0xa000000000000;
const decimal = (article: number): string => String(BASE + article);
const long = (article: number): string => `tag:google.com,2005:reader/item/${(BASE + article).toString(16).padStart(16, '0')}`;

/** Signs in as an app does (ClientLogin), and calls the API with the token it was given. */
async function signedIn(options?: { token?: string; readerLogin?: string }) {
  const { store, app, arrive } = await readerStore(options);
  const login = await app.request('http://reader.test/accounts/ClientLogin', { method: 'POST', body: new URLSearchParams({ Email: EMAIL, Passwd: PASSWORD }) });
  assert.equal(login.status, 200);
  const auth = /^Auth=(.+)$/m.exec(await login.text())?.[1];
  assert.ok(auth, 'the answer holds the token');
  const headers = { Authorization: `GoogleLogin auth=${auth}` };
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const response = await app.request(`http://reader.test/reader/api/0/${path}`, { headers });
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const post = async (path: string, form: Array<[string, string]>): Promise<Response> =>
    app.request(`http://reader.test/reader/api/0/${path}`, { method: 'POST', headers, body: new URLSearchParams(form) });
  // The article ids behind the item ids of a stream.
  const ids = async (query: string): Promise<string[]> => ((await get(`stream/items/ids?output=json&${query}`)).itemRefs as Array<{ id: string }>).map((r) => String(Number(r.id) - BASE));
  return { store, app, arrive, auth, get, post, ids };
}

test('an app signs in with the reader login and is given a token; without it, or with a wrong one, it is turned away', async () => {
  const { store, app, auth, get } = await signedIn();
  assert.equal(await (await app.request(`http://reader.test/reader/api/0/token`, { headers: { Authorization: `GoogleLogin auth=${auth}` } })).text(), auth);
  assert.deepEqual(await get('user-info'), { userId: '1', userName: EMAIL, userProfileId: '1', userEmail: EMAIL });
  const json = await app.request('http://reader.test/accounts/ClientLogin?output=json', { method: 'POST', body: new URLSearchParams({ Email: EMAIL, Passwd: PASSWORD }) });
  assert.equal(((await json.json()) as { Auth: string }).Auth, auth);

  const wrong = await app.request('http://reader.test/accounts/ClientLogin', { method: 'POST', body: new URLSearchParams({ Email: EMAIL, Passwd: 'tide-table-8' }) });
  assert.deepEqual([wrong.status, await wrong.text()], [401, 'Error=BadAuthentication\n']);
  for (const headers of [{}, { Authorization: `GoogleLogin auth=${auth}x` }] as Array<Record<string, string>>) {
    const refused = await app.request('http://reader.test/reader/api/0/subscription/list?output=json', { headers });
    assert.deepEqual([refused.status, refused.headers.get('X-Reader-Google-Bad-Token')], [401, 'true']);
  }
  await store.close();

  const closed = await readerStore({});
  const nobody = await closed.app.request('http://reader.test/accounts/ClientLogin', { method: 'POST', body: new URLSearchParams({ Email: EMAIL, Passwd: PASSWORD }) });
  assert.equal(nobody.status, 401, 'no reader login set: no app gets in');
  await closed.store.close();
});

test('apps see outlets as feeds in one folder, and each original once, with the outlets that carried its copies', async () => {
  const { store, get, ids } = await signedIn();
  const subscriptions = (await get('subscription/list?output=json')).subscriptions as Array<{ id: string; title: string; categories: Array<{ label: string }> }>;
  assert.deepEqual(subscriptions.map((s) => [s.id, s.title, s.categories[0]?.label]), [['feed/1', 'Nordwire', 'All outlets'], ['feed/2', 'Valley Courier', 'All outlets'], ['feed/3', 'Bay Herald', 'All outlets']]);
  assert.deepEqual(((await get('tag/list?output=json')).tags as Array<{ id: string }>).map((t) => t.id), [STARRED, 'user/-/label/All outlets']);

  const unread = (await get('unread-count?output=json')).unreadcounts as Array<{ id: string; count: number; newestItemTimestampUsec: string }>;
  assert.deepEqual(unread.map((u) => [u.id, u.count, u.newestItemTimestampUsec]).sort(), [
    ['feed/1', 1, usec(ARRIVED[0]!)],
    ['feed/3', 1, usec(ARRIVED[2]!)],
    [READING_LIST, 2, usec(ARRIVED[2]!)],
    ['user/-/label/All outlets', 2, usec(ARRIVED[2]!)],
  ].sort(), 'the Valley Courier copy is Nordwire’s report, not an unread item of its own');

  assert.deepEqual(await ids(`s=${READING_LIST}`), ['3', '1'], 'newest first, no copy');
  assert.deepEqual(await ids(`s=${READING_LIST}&r=o`), ['1', '3']);
  assert.deepEqual(await ids('s=feed/2'), [], 'Valley Courier carried only a copy');
  assert.deepEqual(await ids('s=user/-/label/All%20outlets&xt=user/-/state/com.google/read'), ['3', '1']);

  // The long form, and the decimal id of stream/items/ids.
  const answer = await get(`stream/items/contents?output=json&i=${long(1)}&i=${decimal(3)}`);
  type Item = { id: string; title: string; published: number; timestampUsec: string; categories: string[]; canonical: Array<{ href: string }>; origin: { streamId: string; title: string }; content: { content: string } };
  const items = answer.items as Item[];
  assert.deepEqual(items.map((i) => [i.id, i.title, i.origin.streamId, i.origin.title]), [
    [long(1), 'Sluice gates shut at Marrow Bay', 'feed/1', 'Nordwire'],
    [long(3), 'Ferries cancelled for a second day', 'feed/3', 'Bay Herald'],
  ]);
  const wire = items[0]!;
  assert.match(wire.content.content, /<p>Engineers closed the lower sluice gates/);
  assert.match(wire.content.content, /Also carried by 1 outlet: <b>Valley Courier<\/b>/);
  assert.match(wire.content.content, /Story: <a href="http:\/\/reader\.test\/stories\/\d+">/);
  assert.deepEqual([wire.published, wire.timestampUsec, wire.canonical[0]?.href], [Date.parse('2026-04-14T08:00:00Z') / 1000, usec(ARRIVED[0]!), 'https://nordwire.example/sluice']);
  assert.deepEqual(wire.categories, [READING_LIST, 'user/-/label/All outlets']);
  await store.close();
});

test('an outlet that arrives later is the next feed, and the others keep their numbers', async () => {
  const { store, get, ids, arrive } = await signedIn();
  const feeds = async () => ((await get('subscription/list')).subscriptions as Array<{ id: string; title: string }>).map((s) => `${s.id} ${s.title}`);
  assert.deepEqual(await feeds(), ['feed/1 Nordwire', 'feed/2 Valley Courier', 'feed/3 Bay Herald']);
  await arrive(doc('pier.txt', 'Repairs to the north pier at Saltmere will take until the summer, the harbour board said on Thursday after divers inspected the piles.', { source: 'Saltmere Gazette', title: 'North pier repairs to last until summer' }));
  await arrive(doc('ferry-2.txt', 'Ferries between Saltmere and Lowen Quay ran again on Friday after two days of gales, with extra sailings added to clear the backlog of passengers.', { source: 'Bay Herald', title: 'Ferries sail again' }));
  assert.deepEqual(await feeds(), ['feed/1 Nordwire', 'feed/2 Valley Courier', 'feed/3 Bay Herald', 'feed/4 Saltmere Gazette']);
  assert.deepEqual(await ids('s=feed/3'), ['5', '3']);
  await store.close();
});

test('NetNewsWire’s forms: items sent back in hexadecimal without the prefix, marks in sixteen hex digits, sync time with a fraction', async () => {
  const { store, post, ids } = await signedIn();
  const response = await post('stream/items/contents', [['output', 'json'], ['i', (BASE + 3).toString(16)], ['i', (BASE + 1).toString(16)]]);
  const items = ((await response.json()) as { items: Array<{ id: string; title: string }> }).items;
  assert.deepEqual(items.map((i) => [i.id, i.title]), [[long(3), 'Ferries cancelled for a second day'], [long(1), 'Sluice gates shut at Marrow Bay']]);
  assert.equal((await post('edit-tag', [['i', (BASE + 3).toString(16).padStart(16, '0')], ['a', READ]])).status, 200);
  assert.deepEqual(await ids(`s=${READING_LIST}&xt=${READ}`), ['1']);
  assert.deepEqual(await ids(`s=${READING_LIST}&ot=${Date.parse(ARRIVED[1]!) / 1000 + 0.5}`), ['3'], 'seconds with a fraction');
  assert.equal((await post('edit-tag', [['i', '3'], ['a', READ]])).status, 400, 'no item has the id 3: item ids are offset');
  await store.close();
});

test('streams page with a continuation, and take the arrival times apps sync from', async () => {
  const { store, get, ids } = await signedIn();
  const first = await get(`stream/items/ids?output=json&s=${READING_LIST}&n=1`);
  assert.deepEqual(first, { itemRefs: [{ id: decimal(3) }], continuation: '3' });
  const next = await get(`stream/items/ids?output=json&s=${READING_LIST}&n=1&c=3`);
  assert.deepEqual(next, { itemRefs: [{ id: decimal(1) }], continuation: '1' });
  assert.deepEqual(await ids(`s=${READING_LIST}&n=1&c=1`), []);

  const at = (iso: string): number => Date.parse(iso) / 1000;
  assert.deepEqual(await ids(`s=${READING_LIST}&ot=${at(ARRIVED[1]!)}`), ['3'], 'what arrived since the last sync');
  assert.deepEqual(await ids(`s=${READING_LIST}&nt=${at(ARRIVED[1]!)}`), ['1']);

  const page = await get(`stream/contents/${encodeURIComponent(READING_LIST)}?n=1&r=o`);
  assert.deepEqual([(page.items as Array<{ title: string }>).map((i) => i.title), page.continuation], [['Sluice gates shut at Marrow Bay'], '1']);
  assert.deepEqual(((await get('stream/contents/feed/3')).items as Array<{ title: string }>).map((i) => i.title), ['Ferries cancelled for a second day']);
  await store.close();
});

test('reading, starring and marking a feed read up to a time are kept, for every app and the Fever API alike', async () => {
  const { store, post, ids, auth, app } = await signedIn();
  assert.equal((await post('edit-tag', [['i', decimal(1)], ['a', READ], ['a', STARRED]])).status, 200);
  assert.deepEqual(await ids(`s=${READING_LIST}&xt=${READ}`), ['3']);
  assert.deepEqual(await ids(`s=${STARRED}`), ['1']);
  assert.deepEqual(await ids(`s=${READ}`), ['1']);
  assert.deepEqual(await store.readerItemIds({ read: false, limit: 10 }), [3], 'the store has it: the Fever API sees the same');

  await post('edit-tag', [['i', long(1)], ['r', READ], ['r', STARRED]]);
  assert.deepEqual(await ids(`s=${READING_LIST}&xt=${READ}`), ['3', '1']);
  assert.deepEqual(await ids(`s=${STARRED}`), []);

  // Marking Bay Herald read as of before its report arrived leaves it unread.
  await post('mark-all-as-read', [['s', 'feed/3'], ['ts', usec('2026-04-16T12:01:30Z')]]);
  assert.deepEqual(await ids(`s=${READING_LIST}&xt=${READ}`), ['3', '1']);
  await post('mark-all-as-read', [['s', 'feed/3'], ['ts', String(Date.parse(ARRIVED[2]!) / 1000)]]);
  assert.deepEqual(await ids(`s=${READING_LIST}&xt=${READ}`), ['1']);
  await post('mark-all-as-read', [['s', READING_LIST]]);
  assert.deepEqual(await ids(`s=${READING_LIST}&xt=${READ}`), []);

  // A write sends the token in the form (T) when it sends no header; without either it is refused.
  const form = (extra: Array<[string, string]>) => ({ method: 'POST', body: new URLSearchParams([['i', decimal(3)], ['a', STARRED], ...extra]) });
  assert.equal((await app.request('http://reader.test/reader/api/0/edit-tag', form([['T', auth]]))).status, 200);
  assert.equal((await app.request('http://reader.test/reader/api/0/edit-tag', form([]))).status, 401);
  assert.deepEqual(await ids(`s=${STARRED}`), ['3']);
  await store.close();
});

test('what Storyline cannot do is refused with the reason, and changes nothing', async () => {
  const { store, post, app, auth } = await signedIn();
  const labelled = await post('edit-tag', [['i', decimal(1)], ['a', 'user/-/label/Floods']]);
  assert.equal(labelled.status, 400);
  assert.match(JSON.stringify(await labelled.json()), /only read and starred marks/);
  const subscribe = await post('subscription/quickadd', [['quickadd', 'https://coast.example/rss']]);
  assert.equal(subscribe.status, 400);
  assert.match(JSON.stringify(await subscribe.json()), /storyline subscribe/);
  const unknown = await app.request(`http://reader.test/reader/api/0/stream/items/ids?s=feed/9`, { headers: { Authorization: `GoogleLogin auth=${auth}` } });
  assert.deepEqual([unknown.status, await unknown.json()], [400, { errors: ['no feed 9'] }]);
  assert.deepEqual(await store.readerItemIds({ saved: true, limit: 10 }), []);
  await store.close();
});

test('with a server token, apps still sign in with the reader login, while the rest of the server asks for the token', async () => {
  const { store, app, get } = await signedIn({ token: 'server-token-123', readerLogin: READER_LOGIN });
  assert.equal(((await get('subscription/list')).subscriptions as unknown[]).length, 3);
  assert.equal((await app.request('http://reader.test/api/stories')).status, 401);
  await store.close();
});
