/**
 * @module Adding articles from the browser: `/ingest` (upload files, give web addresses or paste text), the job page
 * `/ingest/jobs/:id` (progress, then the summary), and the same as JSON: POST /api/ingest,
 * GET /api/ingest/:id. Form posts are checked against cross-site requests (Origin /
 * Sec-Fetch-Site); the body size is limited before it is read.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import { isWebAddress } from '../sources/read-address.js';
import type { IngestJob, IngestQueue, PastedArticle, Upload } from './ingest-jobs.js';
import { notFound, page, plural, type Html } from './page-layout.js';

const ACCEPT = '.txt,.text,.docx,.doc,.rtf,.pdf,.eml,.mbox,.html,.htm,.xhtml,.jsonl,.ndjson,.rss,.atom,.xml,.json,.opml,.warc,.gz';

export function ingestRoutes({ queue, maxUploadBytes }: { queue: IngestQueue; maxUploadBytes: number }): Hono {
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: maxUploadBytes,
    onError: (c) =>
      c.req.path.startsWith('/api/')
        ? c.json({ error: 'too_large', message: `uploads are limited to ${megabytes(maxUploadBytes)}` }, 413)
        : c.html(page({ title: 'Too large', body: html`<h1>Too large</h1><p>Uploads are limited to ${megabytes(maxUploadBytes)} at a time.</p><p><a href="/ingest">Back</a></p>` }), 413),
  });

  // `?address=` fills the address field (a bookmarklet sends the page being read); nothing is
  // fetched until the form is sent.
  app.get('/ingest', (c) =>
    c.html(page({ title: 'Add articles', body: ingestForm(maxUploadBytes, { addresses: webAddresses(c.req.queries('address')?.join('\n') ?? ''), origin: new URL(c.req.url).origin }) })),
  );

  app.post('/ingest', csrf(), limit, async (c) => {
    const job = await submit(c, queue);
    if (!job) return c.html(page({ title: 'Add articles', body: ingestForm(maxUploadBytes, { problem: 'Choose files, give web addresses or paste an article first.' }) }), 400);
    return c.redirect(`/ingest/jobs/${job.id}`, 303);
  });

  app.get('/ingest/jobs/:id', (c) => {
    const job = queue.get(c.req.param('id'));
    if (!job) return c.html(notFound('No such ingest (the server keeps the most recent ones only).'), 404);
    const running = job.state === 'queued' || job.state === 'running';
    return c.html(page({ title: 'Ingest', body: jobView(job), head: running ? html`<noscript><meta http-equiv="refresh" content="1"></noscript>` : undefined }));
  });

  app.post('/api/ingest', csrf(), limit, async (c) => {
    const job = await submit(c, queue);
    if (!job) return c.json({ error: 'bad_request', message: 'send files (multipart field "files"), web addresses (field "addresses", one a line, or a JSON list) or text (field "text")' }, 400);
    return c.json(job, 202);
  });

  app.get('/api/ingest/:id', (c) => {
    const job = queue.get(c.req.param('id'));
    return job ? c.json(job) : c.json({ error: 'not_found', message: `no ingest ${c.req.param('id')}` }, 404);
  });

  return app;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

async function submit(c: Context, queue: IngestQueue): Promise<IngestJob | null> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('application/json')) {
    const body = (await c.req.json().catch(() => null)) as (Partial<PastedArticle> & { addresses?: unknown }) | null;
    const addresses = Array.isArray(body?.addresses) ? webAddresses(body.addresses.filter((a): a is string => typeof a === 'string').join('\n')) : [];
    if (addresses.length > 0) return queue.submitAddresses(addresses);
    return body && typeof body.text === 'string' && body.text.trim() ? queue.submitText(pasted(body)) : null;
  }
  const form = await c.req.parseBody({ all: true });
  const files = [form.files ?? []].flat().filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
  if (files.length > 0) {
    const uploads: Upload[] = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    return queue.submitFiles(uploads);
  }
  const field = (name: string): string | undefined => {
    const value = form[name];
    return typeof value === 'string' ? value : undefined;
  };
  const addresses = webAddresses(field('addresses') ?? '');
  if (addresses.length > 0) return queue.submitAddresses(addresses);
  const text = field('text');
  if (text?.trim()) return queue.submitText(pasted({ text, title: field('title'), source: field('source'), published: field('published'), url: field('url') }));
  return null;
}

/** A bookmark that opens this server's Add articles page with the address of the page being read filled in. */
const bookmarkletFor = (origin: string): string => `javascript:void(open('${origin}/ingest?address='+encodeURIComponent(location.href)))`;

/** The web addresses of a field, one a line (or set apart by spaces), each once; at most 100 at a time. */
const webAddresses = (field: string): string[] => [...new Set(field.split(/\s+/).filter(isWebAddress))].slice(0, 100);

const pasted = (body: Partial<PastedArticle>): PastedArticle => ({
  text: String(body.text ?? ''),
  title: typeof body.title === 'string' ? body.title : undefined,
  source: typeof body.source === 'string' ? body.source : undefined,
  published: typeof body.published === 'string' ? body.published : undefined,
  url: typeof body.url === 'string' ? body.url : undefined,
});

function ingestForm(maxUploadBytes: number, { problem, addresses = [], origin }: { problem?: string; addresses?: string[]; origin?: string } = {}): Html {
  return html`<div class="page-head"><h1>Add articles</h1><p class="lede">Upload files, give web addresses or paste one article. Copies are folded onto their originals and articles join their stories as they arrive.</p></div>
  ${problem ? html`<p class="notice error">${problem}</p>` : ''}
  <div class="ingest-forms">
    <div class="stack">
    <form class="panel" action="/ingest" method="post" enctype="multipart/form-data">
      <h2>Upload files</h2>
      <p class="hint">Text, Word, RTF, PDF, e-mails and mailboxes (.eml, .mbox), HTML, JSONL, RSS/Atom/JSON feeds, OPML, web archives (also gzipped), and news database exports (LexisNexis, Nexis Uni, Factiva: each entry one article); up to ${megabytes(maxUploadBytes)} at a time.</p>
      <input type="file" name="files" multiple accept="${ACCEPT}" aria-label="Files to ingest">
      <button type="submit">Ingest files</button>
    </form>
    <form class="panel" action="/ingest" method="post" enctype="multipart/form-data">
      <h2>Add by address</h2>
      <p class="hint">Web addresses of articles, one a line: each page (or PDF) is fetched and read. Given again later, what changed on a page is stored as a new revision.</p>
      <label>Addresses <textarea name="addresses" rows="4" required placeholder="https://">${addresses.join('\n')}</textarea></label>
      <button type="submit">Fetch and ingest</button>
      ${origin ? html`<p class="hint">From any page you read: drag <a class="bookmarklet" href="${bookmarkletFor(origin)}">Add to Storyline</a> to the bookmarks bar, then click it on an article.</p>` : ''}
    </form>
    </div>
    <form class="panel" action="/ingest" method="post" enctype="multipart/form-data">
      <h2>Paste an article</h2>
      <p class="hint">Or a search's text export from LexisNexis, Nexis Uni or Factiva: each entry becomes an article, with its own headline, outlet and date.</p>
      <label>Title <input type="text" name="title" placeholder="taken from the text when empty"></label>
      <div class="row"><label>Outlet <input type="text" name="source"></label><label>Published <input type="date" name="published"></label></div>
      <label>Address <input type="url" name="url" placeholder="https://"></label>
      <label>Text <textarea name="text" rows="12" required placeholder="The article's text, paragraphs separated by a blank line"></textarea></label>
      <button type="submit">Ingest text</button>
    </form>
  </div>`;
}

function jobHeading(job: IngestJob): string {
  const running = job.state === 'queued' || job.state === 'running';
  if (job.unit === 'feed') return running ? 'Fetching feeds…' : job.state === 'failed' ? 'Fetch failed' : 'Fetch finished';
  return running ? 'Ingesting…' : job.state === 'failed' ? 'Ingest failed' : 'Ingest finished';
}

function jobView(job: IngestJob): Html {
  const s = job.summary;
  const running = job.state === 'queued' || job.state === 'running';
  const percent = job.files > 0 ? Math.round((job.filesDone / job.files) * 100) : 0;
  return html`<div class="page-head"><h1>${jobHeading(job)}</h1><p class="lede">${job.inputs.slice(0, 5).join(', ')}${job.inputs.length > 5 ? ` and ${job.inputs.length - 5} more` : ''}</p></div>
  <div class="job" data-job="${job.id}" data-state="${job.state}">
    <progress max="100" value="${running ? percent : 100}">${percent}%</progress>
    <p class="job-status">${plural(job.filesDone, job.unit, job.unit === 'address' ? 'addresses' : undefined)} of ${job.files} done</p>
    ${job.feeds
      ? html`<dl class="summary feeds-summary">
      <div><dt>feeds answered</dt><dd>${job.feeds.answered}</dd></div>
      <div><dt>feeds unchanged</dt><dd>${job.feeds.unchanged}</dd></div>
      <div><dt>feeds failed</dt><dd>${job.feeds.failed}</dd></div>
    </dl>`
      : ''}
    <dl class="summary">
      <div><dt>read</dt><dd data-key="read">${s.read}</dd></div>
      <div><dt>new</dt><dd data-key="new">${s.new}</dd></div>
      <div><dt>copies folded</dt><dd data-key="duplicates">${s.duplicates}</dd></div>
      <div><dt>updated</dt><dd data-key="updated">${s.updated}</dd></div>
      <div><dt>unchanged</dt><dd data-key="unchanged">${s.unchanged}</dd></div>
      <div><dt>failed</dt><dd data-key="failed">${s.failed}</dd></div>
    </dl>
    ${job.error ? html`<p class="notice error">${job.error}</p>` : ''}
    ${job.problems.length ? html`<h2>Problems</h2><ul class="problems">${job.problems.map((p) => html`<li><strong>${p.path}</strong>: ${p.message}${p.skipped ? ' (skipped)' : ''}</li>`)}</ul>` : ''}
    ${!running ? html`<p class="next">${job.articleIds.length === 1 ? html`<a href="/articles/${job.articleIds[0]}">Open the article</a> · ` : ''}<a href="/">See the stories</a> · ${job.unit === 'feed' ? html`<a href="/feeds">Feeds</a>` : html`<a href="/ingest">Add more</a>`}</p>` : ''}
  </div>`;
}
