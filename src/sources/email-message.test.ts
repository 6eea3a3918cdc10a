import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../extract/extract-article.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { readEmail } from './email-message.js';
import { listInputs, readInput } from './read-inputs.js';
import { documentsOfFile } from './test-support/documents-of-file.js';

const mail = (name: string): string => fileURLToPath(new URL(`testdata-mail/${name}`, import.meta.url));

test("a newsletter saved as .eml is its article: the subject its headline, the name it is sent from its outlet, its sending time its date, without the letter's furniture", async () => {
  const [document] = await documentsOfFile(mail('newsletter.eml'));
  assert.equal(document?.format, 'html');
  assert.equal(document?.hints.externalId, 'email:20260515060000.portletter.4471@mail.harbourtimes.example');
  const article = extractArticle(document!);
  assert.deepEqual(
    [article.title, article.source, article.author, article.published],
    // The subject is an encoded word ("=?UTF-8?Q?Brennmouth=E2=80=99s...?="); "Marta Lindqvist from Port Letter" sends it.
    ['Brennmouth’s outer basin reopens at night', 'Port Letter', 'Marta Lindqvist', '2026-05-15T04:00:00Z'],
  );
  assert.match(article.text, /^Good morning\. Divers finished inspecting the quay walls/);
  assert.match(article.text, /“The walls have done their job\. Now the backlog has to come down,” Ingrid Solheim/);
  assert.doesNotMatch(article.text, /View this email|Unsubscribe|preferences|Forward it to a friend|Follow us|Quay Road 12|receiving this email/);
});

test('a press release a colleague forwarded is the release: its sender (a press office by its domain), its date and headline, its text without the forwarding note', async () => {
  const [document] = await documentsOfFile(mail('forwarded-release.eml'));
  const article = extractArticle(document!);
  assert.deepEqual(
    [article.title, article.source, article.published],
    ['Harbour Authority: outer basin reopens to night traffic', 'harbour-authority.example', '2026-05-15'],
  );
  assert.match(article.text, /^BRENNMOUTH, 15 May 2026 – The Harbour Authority of Brennmouth will reopen the outer basin/);
  assert.doesNotMatch(article.text, /For the port story|Forwarded message|From:|Subject:|Anna Berg/);
});

test('a message saved twice is stored once: its Message-ID is its identity', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-mail-'));
  cpSync(mail('newsletter.eml'), join(dir, 'Port Letter 15 May.eml'));
  cpSync(mail('newsletter.eml'), join(dir, 'saved again.eml'));
  const store = openSqliteStore(':memory:');
  const summary = await createPipeline(store, { now: () => new Date('2026-05-20T00:00:00Z') }).ingestPaths([dir]);
  assert.deepEqual([summary.read, summary.new, summary.unchanged], [2, 1, 1]);
  await store.close();
});

test('a message nested past reason, or one without any text, is refused with the reason', async () => {
  let nested = 'Subject: Deep\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n';
  for (let depth = 1; depth < 100; depth++) nested += `--b${depth - 1}\r\nContent-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n`;
  await assert.rejects(readEmail('deep.eml', Buffer.from(nested)), /not a readable e-mail/);
  const dir = mkdtempSync(join(tmpdir(), 'storyline-mail-'));
  writeFileSync(join(dir, 'empty-body.eml'), 'From: Press Office <press@harbour-authority.example>\r\nSubject: Nothing here\r\n\r\n\r\n');
  const { files } = await listInputs([join(dir, 'empty-body.eml')]);
  const items = [];
  for await (const item of readInput(files[0]!)) items.push(item);
  assert.match(items[0]?.kind === 'error' ? items[0].message : '', /an e-mail without text/);
});

test("a mailbox (.mbox) is read message by message, each an article; a body line escaped as '>From' reads as written", async () => {
  const documents = await documentsOfFile(mail('port-news.mbox'));
  const articles = documents.map((d) => extractArticle(d));
  assert.deepEqual(
    articles.map((a) => [a.title, a.source]),
    [
      ['Brennmouth’s outer basin reopens at night', 'Port Letter'],
      ['Harbour Authority: outer basin reopens to night traffic', 'harbour-authority.example'],
      ['Morning briefing: backlog falls to 48 ships', 'The Harbour Times'],
    ],
  );
  assert.deepEqual(documents.map((d) => d.index), [0, 1, 2]);
  assert.match(articles[2]!.text, /^From Monday, pilots will again board ships/m);
  const dir = mkdtempSync(join(tmpdir(), 'storyline-mail-'));
  writeFileSync(join(dir, 'notes.mbox'), 'These are notes, not a mailbox.\n');
  const { files } = await listInputs([join(dir, 'notes.mbox')]);
  const items = [];
  for await (const item of readInput(files[0]!)) items.push(item);
  assert.match(items[0]?.kind === 'error' ? items[0].message : '', /no messages in this mailbox/);
});

test('a message of a mailbox over the size limit for one document is reported by its number, and the messages after it are read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-mail-'));
  const message = (id: string, body: string): string =>
    `From news@mail.harbourtimes.example Sat May 16 04:30:00 2026\nFrom: "The Harbour Times" <news@mail.harbourtimes.example>\nSubject: Briefing ${id}\nMessage-ID: <${id}@mail.harbourtimes.example>\nContent-Type: text/plain; charset="utf-8"\n\n${body}\n\n`;
  const story = 'The backlog of ships waiting off Brennmouth fell to 48 on Friday, the Harbour Authority said, and it expects fewer than twenty by the middle of next week.';
  // 33 MB of an attachment's base64 lines: over the 32 MB a document may take.
  const huge = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\n'.repeat(420_000)}`;
  writeFileSync(join(dir, 'briefings.mbox'), message('one', story) + message('two', huge) + message('three', story.replace('48', '41')));
  const { files } = await listInputs([join(dir, 'briefings.mbox')]);
  const items = [];
  for await (const item of readInput(files[0]!)) items.push(item);
  assert.deepEqual(
    items.map((i) => (i.kind === 'document' ? i.document.hints.title : i.kind === 'error' ? i.message : i.kind)),
    ['Briefing one', 'message 2: over the 32.0 MB limit for one document', 'Briefing three'],
  );
});
