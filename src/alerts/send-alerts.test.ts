import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { createApp } from '../server/create-app.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { AlertRequest } from './alert-message.js';
import { sendAlerts } from './send-alerts.js';

const fixture = (name: string): string => readFileSync(new URL(`../cluster/testdata/${name}.txt`, import.meta.url), 'utf8').trim();
const doc = (path: string, content: string, hints: RawDocument['hints']): RawDocument => ({ path, index: 0, format: 'text', content, hints });

const WIRE = doc('wire.txt', fixture('wire-original'), { source: 'Nordwire', title: 'Valmora dockers to strike from Monday', published: '2025-05-07T09:00:00Z' });
const COPY = doc('copy.txt', `${fixture('wire-original')}\n\nFollow us for more port news.`, { source: 'Valley Courier', title: 'Port of Valmora faces strike', published: '2025-05-07T11:00:00Z' });
const UNRELATED = doc('other.txt', fixture('unrelated'), { source: 'Sky Weekly', title: 'Astronomers find brown dwarf next to red star', published: '2025-05-15T08:00:00Z' });
const LATER = doc('later.txt', fixture('later-event'), { source: 'Valmora Daily', title: 'Mediator fails to end Valmora port strike', published: '2025-05-15T10:00:00Z' });

const HOOK = 'https://chat.example/hooks/T01/B02';
const NTFY = 'https://ntfy.example/valmora';

/** A store with the wire report's story followed and two alert targets, and what each target was sent. */
async function followedStrike() {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store);
  const wire = await pipeline.ingestDocument(WIRE);
  assert.equal(wire.kind, 'new');
  const story = (await store.getArticle((wire as { id: number }).id))!.article.storyId!;
  await store.followStory(story, '2025-05-07T12:00:00Z');
  await store.addAlertTarget({ url: HOOK, format: 'json', linkBase: 'https://news.example/' }, '2025-05-07T12:00:00Z');
  await store.addAlertTarget({ url: NTFY, format: 'text', linkBase: null }, '2025-05-07T12:00:00Z');
  const posts: Array<{ url: string; request: AlertRequest }> = [];
  const post = async (url: string, request: AlertRequest): Promise<void> => void posts.push({ url, request });
  return { store, pipeline, story, posts, post };
}

test("a followed story's new report and its new event are sent once to every target; copies alone, and stories not followed, send nothing", async () => {
  const { store, pipeline, story, posts, post } = await followedStrike();
  assert.deepEqual(await sendAlerts(store, post), { due: 0, messages: 0, failures: [] }, 'targets start after what was stored when they were added');

  await pipeline.ingestDocument(COPY);
  await pipeline.ingestDocument(UNRELATED);
  assert.deepEqual(await sendAlerts(store, post), { due: 2, messages: 0, failures: [] });

  await pipeline.ingestDocument(LATER);
  assert.deepEqual(await sendAlerts(store, post), { due: 2, messages: 2, failures: [] });
  assert.deepEqual(posts.map((p) => [p.url, p.request.contentType]), [[HOOK, 'application/json'], [NTFY, 'text/plain; charset=utf-8']]);
  const json = JSON.parse(posts[0]!.request.body) as { text: string; content: string; story: { id: number; url: string }; reports: Array<{ source: string; title: string; url: string }>; newEvents: unknown[] };
  assert.equal(json.content, json.text, 'Discord reads content, Slack and Mattermost text');
  assert.match(json.text, /: 1 new article, a new outlet, a new event\n/);
  assert.match(json.text, /\n· Valmora Daily: Mediator fails to end Valmora port strike\n/);
  assert.match(json.text, new RegExp(`\\nhttps://news\\.example/stories/${story}$`));
  assert.deepEqual([json.story.id, json.reports.map((r) => [r.source, r.url]), json.newEvents.length], [story, [['Valmora Daily', `https://news.example/articles/4`]], 1]);
  assert.match(posts[1]!.request.body, /^[^\n]+: 1 new article, a new outlet, a new event\nNew event: “[^”]+”\n· Valmora Daily: Mediator fails/);
  assert.match(posts[1]!.request.body, new RegExp(`\\nstoryline story ${story}$`), 'no link base: the command that shows it');

  assert.deepEqual(await sendAlerts(store, post), { due: 0, messages: 0, failures: [] }, 'sent once');
  await store.close();
});

test('a target that fails is sent the same developments next time and keeps why; two processes sending at once send once', async () => {
  const { store, pipeline, posts, post } = await followedStrike();
  await store.removeAlertTarget(NTFY);
  await pipeline.ingestDocument(LATER);
  const down = async (): Promise<void> => {
    throw new Error('HTTP 503: service unavailable');
  };
  assert.deepEqual(await sendAlerts(store, down), { due: 1, messages: 0, failures: [{ url: HOOK, error: 'HTTP 503: service unavailable' }] });
  assert.equal((await store.alertTargets())[0]?.lastError, 'HTTP 503: service unavailable');

  const [first, second] = await Promise.all([sendAlerts(store, post), sendAlerts(store, post)]);
  assert.equal(first!.messages + second!.messages, 1, 'the span is taken by one of them');
  assert.match(JSON.parse(posts[0]!.request.body).text as string, /Mediator fails to end Valmora port strike/);
  assert.equal((await store.alertTargets())[0]?.lastError, null);
  await store.close();
});

test('the server sends alerts after each ingest job, such as pasted text', async () => {
  const { store, posts, post } = await followedStrike();
  const { queue } = createApp({ store, postAlert: post });
  const job = queue.submitText({ text: LATER.content, title: LATER.hints.title ?? undefined, source: LATER.hints.source ?? undefined, published: LATER.hints.published ?? undefined });
  for (let i = 0; i < 200 && (job.state === 'queued' || job.state === 'running' || posts.length === 0); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(job.state, 'done');
  assert.deepEqual(posts.map((p) => p.url), [HOOK, NTFY]);
  await store.close();
});
