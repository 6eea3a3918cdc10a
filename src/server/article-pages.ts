/**
 * @module The article page at `/articles/:id`: the clean text with quotes, speakers, entities,
 * figures and dates highlighted by their offsets (escaped, overlaps nested) and linked (entity ->
 * stories that name it, quote -> its speaker on the story page), with metadata, copies and story.
 */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Analysis } from '../model/index.js';
import type { ArticleRecord, Store } from '../store/store.js';
import { copyChanges } from './change-diff.js';
import { clipSpans, nestSpans, paragraphsOf, renderSpans, type Span } from './highlight-spans.js';
import { queryString } from './list-options.js';
import { notFound, page, plural, safeUrl, slug, type Html } from './page-layout.js';
import type { StoryReadModel } from './story-read-model.js';
import { formatWhen } from './time-format.js';
import { figureReading } from '../views/figure-reading.js';

type Kind = 'quote' | 'speaker' | 'entity' | 'figure' | 'date';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** The highlight spans of an article's analysis; quotes outermost. */
export function analysisSpans(analysis: Analysis, storyId: number | null): Array<Span<Kind>> {
  const spans: Array<Span<Kind>> = [];
  for (const q of analysis.quotes) {
    // The story page lists quotes without a named speaker under "Sources not named".
    const speaker = q.speaker ?? q.attribution ?? 'a source not named';
    const group = q.speaker ?? 'Sources not named';
    spans.push({ start: q.start, end: q.end, kind: 'quote', rank: 0, data: { speaker, href: storyId === null ? '' : `/stories/${storyId}#speaker-${slug(group)}` } });
    if (q.speakerStart !== null && q.speakerEnd !== null) spans.push({ start: q.speakerStart, end: q.speakerEnd, kind: 'speaker', rank: 1, data: { speaker } });
  }
  for (const e of analysis.entities) spans.push({ start: e.start, end: e.end, kind: 'entity', rank: 2, data: { name: e.name, type: e.type } });
  for (const f of analysis.figures) spans.push({ start: f.start, end: f.end, kind: 'figure', rank: 3, data: { title: figureReading(f) } });
  for (const d of analysis.dates) spans.push({ start: d.start, end: d.end, kind: 'date', rank: 4, data: { title: d.value ?? 'unresolved date' } });
  return spans;
}

/** Wraps one span; anchors cannot nest, so an entity inside a linked quote is not a link itself. */
function wrap(span: Span<Kind>, inner: string, ancestors: ReadonlyArray<Span<Kind>>): string {
  const data = span.data ?? {};
  const inLink = ancestors.some((a) => a.kind === 'quote' && a.data?.href);
  switch (span.kind) {
    case 'quote': {
      const title = escapeHtml(`Said by ${data.speaker ?? 'unknown'}`);
      return data.href ? `<a class="hl quote" href="${escapeHtml(data.href)}" title="${title}">${inner}</a>` : `<span class="hl quote" title="${title}">${inner}</span>`;
    }
    case 'speaker':
      return `<span class="hl speaker" title="Speaker">${inner}</span>`;
    case 'entity':
      if (inLink) return `<span class="hl entity ${escapeHtml(data.type ?? '')}" title="${escapeHtml(data.name ?? '')}">${inner}</span>`;
      return `<a class="hl entity ${escapeHtml(data.type ?? '')}" href="/${escapeHtml(queryString({ entity: data.name ?? '' }))}" title="${escapeHtml(`${data.name ?? ''} (${data.type ?? ''}): stories that name them`)}">${inner}</a>`;
    case 'figure':
      return `<span class="hl figure" title="${escapeHtml(data.title ?? '')}">${inner}</span>`;
    case 'date':
      return `<span class="hl date" title="${escapeHtml(data.title ?? '')}">${inner}</span>`;
  }
}

/** The article text as paragraphs of highlighted, escaped HTML. */
export function highlightedText(text: string, spans: ReadonlyArray<Span<Kind>>): Html {
  const paragraphs = paragraphsOf(text).map((p) => {
    const nodes = nestSpans(clipSpans(spans, p.start, p.start + p.text.length));
    const inner = renderSpans(p.text, nodes, { escape: escapeHtml, wrap });
    return `<p>${inner}</p>`;
  });
  return html`${raw(paragraphs.join('\n'))}`;
}

export function articlePages({ store, readModel }: { store: Store; readModel: StoryReadModel }): Hono {
  const app = new Hono();
  app.get('/articles/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const found = Number.isInteger(id) ? await store.getArticle(id) : null;
    if (!found) return c.html(notFound(`There is no article ${c.req.param('id')}.`), 404);
    const { article, analysis, copies } = found;
    const original = article.duplicateOf !== null ? await store.getArticle(article.duplicateOf) : null;
    const titles = article.storyId !== null ? await readModel.storyTitles([article.storyId]) : new Map<number, string>();
    const storyTitle = article.storyId !== null ? (titles.get(article.storyId) ?? null) : null;
    return c.html(page({ title: article.title, body: articlePage({ article, analysis, copies, original: original?.article ?? null, storyTitle }) }));
  });
  return app;
}

function articlePage(input: { article: ArticleRecord; analysis: Analysis; copies: ArticleRecord[]; original: ArticleRecord | null; storyTitle: string | null }): Html {
  const { article, analysis, copies, original } = input;
  const url = safeUrl(article.url);
  const counts = [
    analysis.quotes.length ? plural(analysis.quotes.length, 'quote') : '',
    analysis.entities.length ? plural(analysis.entities.length, 'entity mention', 'entity mentions') : '',
    analysis.figures.length ? plural(analysis.figures.length, 'figure') : '',
    analysis.dates.length ? plural(analysis.dates.length, 'date') : '',
  ].filter(Boolean);
  return html`<article class="article-page">
    <header class="page-head">
      ${article.storyId !== null ? html`<p class="kicker"><a href="/stories/${article.storyId}">${input.storyTitle ?? `Story ${article.storyId}`}</a></p>` : ''}
      <h1>${article.title}</h1>
      <div class="meta"><span class="outlet">${article.source ?? 'unknown outlet'}</span>${article.author ? html`<span>${article.author}</span>` : ''}<span>${formatWhen(article.published ?? article.seenAt)}${article.published ? '' : ' (seen)'}</span>${article.language ? html`<span>${article.language}</span>` : ''}${article.revision > 1 ? html`<span>revision ${article.revision}</span>` : ''}${url ? html`<a href="${url}" rel="noopener noreferrer nofollow">${article.livePage ? 'the post on its live page' : 'original page'}</a>` : ''}</div>
    </header>
    ${original
      ? html`<aside class="notice copy-of"><p>A copy of <a href="/articles/${original.id}">${original.title}</a> (${original.source ?? 'unknown outlet'}, ${formatWhen(original.published)})${article.similarity !== null ? `, ${Math.round(article.similarity * 100)}% the same` : ''}.</p>${copyChanges(article.changes)}</aside>`
      : ''}
    <div class="article-layout">
      <div class="article-text">
        ${article.text.trim()
          ? highlightedText(article.text, analysisSpans(analysis, article.storyId))
          : html`<p class="muted">Only the headline came with this item${url ? html`: its text is on the <a href="${url}" rel="noopener noreferrer nofollow">original page</a>` : ''}.</p>`}
      </div>
      <aside class="article-side">
        <h2>In this article</h2>
        <p class="muted">${counts.length ? counts.join(' · ') : article.text.trim() ? 'No quotes, entities, figures or dates found.' : 'Nothing to analyse without a text.'}</p>
        ${counts.length ? html`<p class="legend-line"><span class="hl quote">quote</span> <span class="hl speaker">speaker</span> <span class="hl entity person">entity</span> <span class="hl figure">figure</span> <span class="hl date">date</span></p>` : ''}
        ${analysis.quotes.length ? html`<h3>Quotes</h3><ul class="side-quotes">${analysis.quotes.map((q) => html`<li><span class="who">${q.speaker ?? q.attribution ?? 'Not named'}</span> ${q.direct ? html`“${q.text}”` : q.text}</li>`)}</ul>` : ''}
        ${analysis.figures.length ? html`<h3>Figures</h3><ul class="plain">${analysis.figures.map((f) => html`<li><span class="figure">${f.text}</span></li>`)}</ul>` : ''}
        ${copies.length ? html`<h3>Copies</h3><ul class="plain">${copies.map((copy) => html`<li><a href="/articles/${copy.id}">${copy.source ?? 'unknown outlet'}</a> <time>${formatWhen(copy.published)}</time></li>`)}</ul>` : ''}
      </aside>
    </div>
  </article>`;
}
