/**
 * @module HTML pages for stories: the list (with filters and full-text search grouped by story)
 * at `/`, and one story at `/stories/:id` (timeline, events with folded copies, quotes by speaker,
 * figures and where outlets disagree, entities, coverage by outlet).
 */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { anchorFromCopies } from '../pipeline/date-anchor.js';
import type { SearchHit, Store, StorySummary } from '../store/store.js';
import { storyArticles, writeCsv, type CsvTable } from '../views/csv-tables.js';
import { buildStoryView, type StoryView } from '../views/story-view.js';
import { figureReading, readingKey } from '../views/figure-reading.js';
import { copyChanges, wordDiff } from './change-diff.js';
import { figureDisagreements, unitFamily } from './figure-disagreements.js';
import { filtersOf, pagingOf, queryString, type StoryFilters } from './list-options.js';
import { isOtherLanguage } from '../language/codes.js';
import { notFound, page, plural, slug, type Html } from './page-layout.js';
import { followBar, FOLLOW_BAR } from './following-pages.js';
import { groupQuotesBySpeaker } from './quote-groups.js';
import type { StoryPageCache } from './story-page-cache.js';
import type { DayCount, StoryReadModel } from './story-read-model.js';
import { coverageChart, sparkline, storyTimeline } from './svg-charts.js';
import { formatDay, formatSpan, formatWhen } from './time-format.js';

/**
 * A rendered story page as kept: its UTF-8 bytes before and after the follow bar, which is the
 * reader's own state and put in on every view (bytes: a view copies them once, not re-encodes them).
 */
export interface CachedStoryPage {
  head: Uint8Array;
  tail: Uint8Array;
}

export interface StoryPagesOptions {
  store: Store;
  readModel: StoryReadModel;
  /** Rendered story pages kept per data version of the read model (when it has one). */
  cache?: StoryPageCache<CachedStoryPage>;
}

const encoder = new TextEncoder();

/** A rendered page split at its follow bar, encoded. */
function splitPage(body: string): CachedStoryPage {
  const at = body.indexOf(FOLLOW_BAR);
  const end = at === -1 ? body.length : at + FOLLOW_BAR.length;
  return { head: encoder.encode(body.slice(0, at === -1 ? body.length : at)), tail: encoder.encode(body.slice(end)) };
}

export function storyPages({ store, readModel, cache }: StoryPagesOptions): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const q = c.req.query('q')?.trim() ?? '';
    if (q) {
      const hits = await store.search(q, 100);
      const titles = await readModel.storyTitles([...new Set(hits.map((h) => h.storyId).filter((id): id is number => id !== null))]);
      return c.html(page({ title: `Search: ${q}`, query: q, body: searchResults(q, hits, titles) }));
    }
    const filters = filtersOf((name) => c.req.query(name));
    const paging = pagingOf((name) => c.req.query(name), { limit: 30, max: 100 });
    const stories = await readModel.listStories({ ...filters, limit: paging.limit + 1, offset: paging.offset });
    const shown = stories.slice(0, paging.limit);
    const coverage = await readModel.coverage(shown.map((s) => s.id));
    const followed = await followedOnList(store, shown);
    return c.html(page({ title: 'Stories', body: storyList({ stories: shown, more: stories.length > paging.limit, coverage, followed, filters, paging }) }));
  });

  app.get('/stories/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const version = cache && readModel.version ? readModel.version() : null;
    const cached = version !== null ? cache?.get(`story:${id}`, version) : undefined;
    // The follow bar is the reader's own state: put in on every view, never kept in the cache.
    const withFollowBar = async (page: CachedStoryPage): Promise<Response> => {
      const bar = encoder.encode(await followBar(store, id, new Date()));
      return c.body(Buffer.concat([page.head, bar, page.tail]), 200, { 'Content-Type': 'text/html; charset=UTF-8' });
    };
    if (cached !== undefined) return withFollowBar(cached);
    const detail = Number.isInteger(id) ? await readModel.getStory(id) : null;
    if (!detail) {
      // A story merged into another (as their reports came together) leads to the story it joined.
      const into = Number.isInteger(id) ? await store.mergedInto(id) : null;
      return into !== null ? c.redirect(`/stories/${into}`, 301) : c.html(notFound(`There is no story ${c.req.param('id')}.`), 404);
    }
    const view = buildStoryView(detail);
    const when = new Map(detail.articles.map((a) => [a.id, a.published ? formatWhen(a.published) : `seen ${formatWhen(a.seenAt)}`]));
    // Publish dates where the story has any: an undated article drawn at the time it was read in
    // would stretch the axis to today. With no dates at all, the times they were first seen.
    const dated = detail.articles.some((a) => a.published !== null);
    // An undated original is drawn where its copies say the dispatch was out: its earliest copy's date.
    const copiesOf = new Map<number, Array<{ published: string | null }>>();
    for (const a of detail.articles) {
      if (a.duplicateOf === null) continue;
      const copies = copiesOf.get(a.duplicateOf);
      if (copies) copies.push(a);
      else copiesOf.set(a.duplicateOf, [a]);
    }
    const timelineArticles = detail.articles.map((a) => {
      const fromCopy = dated && a.published === null && a.duplicateOf === null ? anchorFromCopies(copiesOf.get(a.id) ?? []) : null;
      return { id: a.id, title: a.title, source: a.source ?? 'unknown outlet', when: fromCopy ?? (dated ? a.published : a.seenAt), copy: a.duplicateOf !== null, ...(fromCopy ? { dateFromCopy: true } : {}) };
    });
    const mergedHere = await store.mergedByHand(id);
    const rendered = splitPage(String(await page({ title: view.title, body: storyPage(view, timelineArticles, when, mergedHere), wide: true })));
    if (version !== null) cache?.set(`story:${id}`, version, rendered);
    return withFollowBar(rendered);
  });

  // A story's table as CSV for a spreadsheet (the full store read: dates and text are left out of the read model).
  app.get('/stories/:id/:file{(?:articles|quotes|figures|dates|entities)\\.csv}', async (c) => {
    const id = Number(c.req.param('id'));
    const table = c.req.param('file').replace(/\.csv$/, '') as CsvTable;
    const detail = Number.isInteger(id) ? await store.getStory(id) : null;
    if (!detail) return c.html(notFound(`There is no story ${c.req.param('id')}.`), 404);
    let body = '';
    await writeCsv(table, storyArticles(detail), (chunk) => {
      body += chunk;
    }, table === 'entities' ? buildStoryView(detail).entities : undefined);
    return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="story-${id}-${table}.csv"` });
  });

  app.get('/stories/:id/events/:eventId', async (c) => {
    const id = Number(c.req.param('id'));
    const detail = Number.isInteger(id) ? await readModel.getStory(id) : null;
    const view = detail ? buildStoryView(detail) : null;
    const index = view ? view.events.findIndex((e) => String(e.id) === c.req.param('eventId')) : -1;
    if (!detail || !view || index < 0) {
      // An event merged into another (the same happening, split by arrival order) leads to the one it joined.
      const into = /^\d+$/.test(c.req.param('eventId')) ? await store.eventMergedInto(Number(c.req.param('eventId'))) : null;
      if (into !== null) return c.redirect(`/stories/${into.storyId}/events/${into.eventId}`, 301);
      return c.html(notFound(`There is no event ${c.req.param('eventId')} in story ${c.req.param('id')}.`), 404);
    }
    const paging = pagingOf((name) => c.req.query(name), { limit: EVENT_PAGE, max: EVENT_PAGE });
    const when = new Map(detail.articles.map((a) => [a.id, a.published ? formatWhen(a.published) : `seen ${formatWhen(a.seenAt)}`]));
    const event = { ...view.events[index]!, number: index + 1 };
    return c.html(page({ title: `${event.title} · ${view.title}`, body: eventPage(view, event, when, paging) }));
  });

  return app;
}

/** Articles of one event listed on the story page; the rest are on the event's own pages. */
const ARTICLES_PER_EVENT = 15;
/** Past this many original articles, a story page lists fewer per event (every event still shows). */
const BIG_STORY = 150;
const ARTICLES_PER_BIG_EVENT = 5;
/** Articles per page of an event's own pages. */
const EVENT_PAGE = 100;

function eventPage(view: StoryView, event: StoryView['events'][number] & { number: number }, when: Map<number, string>, paging: { limit: number; offset: number }): Html {
  const shown = event.articles.slice(paging.offset, paging.offset + paging.limit);
  const base = `/stories/${view.id}/events/${event.id}`;
  const next = paging.offset + paging.limit < event.articles.length ? `${base}?offset=${paging.offset + paging.limit}` : null;
  const previous = paging.offset > 0 ? `${base}${paging.offset - paging.limit > 0 ? `?offset=${paging.offset - paging.limit}` : ''}` : null;
  return html`<div class="page-head"><p class="kicker"><a href="/stories/${view.id}#event-${event.id}">${view.title}</a></p><h1>${event.number}. ${event.title}</h1>
    <p class="lede">Articles ${Math.min(paging.offset + 1, event.articles.length)}–${paging.offset + shown.length} of ${event.articles.length}.</p></div>
    ${eventSection({ ...event, articles: shown }, when, { storyId: view.id, limit: shown.length, total: event.articles.length })}
    <nav class="pager">${previous !== null ? html`<a href="${previous}">← Earlier articles</a>` : ''}${next !== null ? html`<a href="${next}">Later articles →</a>` : ''}</nav>`;
}

function filterForm(filters: StoryFilters): Html {
  const active = Object.values(filters).some(Boolean);
  return html`<form class="filters" action="/" method="get">
    <label>From <input type="date" name="from" value="${filters.from ?? ''}"></label>
    <label>To <input type="date" name="to" value="${filters.to ?? ''}"></label>
    <label>Outlet <input type="text" name="outlet" value="${filters.outlet ?? ''}" placeholder="any outlet"></label>
    <label>Entity <input type="text" name="entity" value="${filters.entity ?? ''}" placeholder="person, organisation, place"></label>
    <button type="submit">Filter</button>
    ${active ? html`<a class="clear" href="/">Clear filters</a>` : ''}
  </form>`;
}

/** The listed stories the reader follows, with how many articles reached each since the last look (up to 100). */
async function followedOnList(store: Store, stories: readonly StorySummary[]): Promise<Map<number, number>> {
  const listed = new Set(stories.map((s) => s.id));
  const result = new Map<number, number>();
  for (const f of await store.followedStories()) {
    if (listed.has(f.storyId)) result.set(f.storyId, (await store.storyArrivals(f.storyId, f.seenArticleId, 100)).length);
  }
  return result;
}

function followTag(fresh: number | undefined): Html | string {
  if (fresh === undefined) return '';
  return html`<span class="following-tag">following${fresh > 0 ? html` · <strong>${fresh >= 100 ? '100+' : fresh} new</strong>` : ''}</span>`;
}

function storyList(input: { stories: StorySummary[]; more: boolean; coverage: Map<number, DayCount[]>; followed: Map<number, number>; filters: StoryFilters; paging: { limit: number; offset: number } }): Html {
  const { stories, filters, paging } = input;
  const items = stories.map(
    (story) => html`<li class="story-item">
      <div class="story-main">
        <a class="story-title" href="/stories/${story.id}">${story.title}</a>
        <div class="meta"><span>${formatSpan(story.start, story.end)}</span><span>${plural(story.articleCount, 'article')}</span>${story.outletCount > 0 ? html`<span>${plural(story.outletCount, 'outlet')}</span>` : ''}${story.eventCount > 1 ? html`<span>${plural(story.eventCount, 'event')}</span>` : ''}${followTag(input.followed.get(story.id))}</div>
      </div>
      ${sparkline(input.coverage.get(story.id) ?? [])}
    </li>`,
  );
  const next = input.more ? queryString({ ...filters, offset: paging.offset + paging.limit }) : null;
  const previous = paging.offset > 0 ? queryString({ ...filters, offset: Math.max(paging.offset - paging.limit, 0) || undefined }) : null;
  return html`<div class="page-head"><h1>Stories</h1><p class="lede">Newest development first.</p></div>
    ${filterForm(filters)}
    ${stories.length === 0
      ? html`<p class="empty">No stories${Object.values(filters).some(Boolean) ? ' match these filters' : ' yet'}. <a href="/ingest">Add articles</a>.</p>`
      : html`<ol class="stories">${items}</ol>`}
    <nav class="pager">${previous !== null ? html`<a href="/${previous}">← Newer</a>` : ''}${next !== null ? html`<a href="/${next}">Older stories →</a>` : ''}</nav>`;
}

/** FTS snippets mark hits with [ and ]: escaped pieces, hits in <mark>. */
function snippet(text: string): Html {
  const parts = text.split(/(\[[^\]]*\])/g);
  return html`${parts.map((part) => (part.startsWith('[') && part.endsWith(']') ? html`<mark>${part.slice(1, -1)}</mark>` : part))}`;
}

function searchResults(q: string, hits: SearchHit[], titles: Map<number, string>): Html {
  const groups = new Map<number | null, SearchHit[]>();
  for (const hit of hits) groups.set(hit.storyId, [...(groups.get(hit.storyId) ?? []), hit]);
  const sections = [...groups].map(
    ([storyId, list]) => html`<section class="hit-group">
      <h2>${storyId === null ? 'Not in a story' : html`<a href="/stories/${storyId}">${titles.get(storyId) ?? `Story ${storyId}`}</a>`} <span class="count">${plural(list.length, 'matching article')}</span></h2>
      <ul class="hits">${list.map(
        (hit) => html`<li><div><span class="outlet">${hit.source ?? 'unknown outlet'}</span> <a href="/articles/${hit.articleId}">${hit.title}</a> <time>${formatWhen(hit.published)}</time></div><p class="snippet">${snippet(hit.snippet)}</p></li>`,
      )}</ul>
    </section>`,
  );
  return html`<div class="page-head"><h1>Search</h1><p class="lede">${hits.length === 0 ? html`No articles match <strong>${q}</strong>.` : html`${plural(hits.length, 'article')} match <strong>${q}</strong>${hits.length === 100 ? ' (the first 100)' : ''}, in ${plural(groups.size, 'story', 'stories')}.`}</p></div>${sections}`;
}

type TimelineArticle = Parameters<typeof storyTimeline>[0]['articles'][number];

/** What the timeline leaves out (articles without a publish date), and what it draws at a copy's date. */
function timelineNote(articles: readonly TimelineArticle[]): string {
  const undated = articles.filter((a) => a.when === null).length;
  const fromCopy = articles.filter((a) => a.dateFromCopy).length;
  const drawn = fromCopy === 0 ? '' : ` A dashed ring: an original without a publish date, drawn at its earliest copy’s date.`;
  if (undated === 0) return drawn;
  return `${drawn} ${plural(undated, 'article')} without a publish date ${undated === 1 ? 'is' : 'are'} listed under Events, not drawn.`;
}

/** Says which stories the reader merged into this one by hand, so whoever reads it next knows the grouping was edited. */
function regroupedNote(storyId: number, merged: ReadonlyArray<{ storyId: number; title: string; madeAt: string }>): Html | string {
  if (merged.length === 0) return '';
  const shown = merged.slice(0, 3);
  return html`<p class="regrouped muted">Merged in by hand: ${shown.map((m, i) => html`${i > 0 ? '; ' : ''}“${m.title}” (${formatDay(m.madeAt)})`)}${merged.length > shown.length ? ` and ${merged.length - shown.length} more` : ''}. <a href="/stories/${storyId}/regroup">Undo or regroup</a></p>`;
}

function storyPage(view: StoryView, articles: TimelineArticle[], when: Map<number, string>, mergedHere: ReadonlyArray<{ storyId: number; title: string; madeAt: string }> = []): Html {
  const speakers = groupQuotesBySpeaker(view.quotes);
  const disagreements = figureDisagreements(view.figures);
  const events = view.events.map((event, index) => ({ ...event, number: index + 1 }));
  const languageOf = new Map<number, string | null>();
  for (const event of view.events) {
    for (const article of event.articles) {
      languageOf.set(article.id, article.language);
      for (const copy of article.copies) languageOf.set(copy.id, copy.language);
    }
  }
  const originals = events.reduce((n, e) => n + e.articles.length, 0);
  const perEvent = originals > BIG_STORY ? ARTICLES_PER_BIG_EVENT : ARTICLES_PER_EVENT;
  return html`<article class="story">
    <header class="page-head">
      <p class="kicker">Story</p>
      <h1>${view.title}</h1>
      <div class="meta"><span>${formatSpan(view.start, view.end)}</span><span>${plural(view.articleCount, 'article')}</span><span>${view.outletCount === 0 ? 'outlets not named in the inputs' : plural(view.outletCount, 'outlet')}</span><span>${plural(view.eventCount, 'event')}</span></div>
      ${regroupedNote(view.id, mergedHere)}
      ${raw(FOLLOW_BAR)}
      <nav class="sections"><a href="#timeline">Timeline</a><a href="#events">Events</a><a href="#quotes">Who said what (${view.quotes.length})</a><a href="#figures">Figures (${view.figures.length})</a><a href="#entities">Entities (${view.entities.length})</a><a href="#coverage">Coverage</a><a href="/stories/${view.id}/regroup" title="Merge it with another story, or move an event out">Merge or split…</a><span class="downloads">CSV: ${(['articles', 'quotes', 'figures', 'dates', 'entities'] as const).map((t, i) => html`${i > 0 ? ' · ' : ''}<a href="/stories/${view.id}/${t}.csv" download>${t}</a>`)}</span></nav>
    </header>

    <section id="timeline" class="panel">
      <h2>Timeline</h2>
      <p class="hint">Events on top; below, one row per outlet with a dot for each article when it was published (hollow: a copy of another outlet&rsquo;s article; a number: that many articles close together).${timelineNote(articles)}</p>
      <div class="scroll-x">${storyTimeline({ events, articles })}</div>
    </section>

    <section id="events">
      <h2>Events</h2>
      ${events.map((event) => eventSection(event, when, { storyId: view.id, limit: perEvent, total: event.articles.length }))}
    </section>

    <section id="quotes">
      <h2>Who said what</h2>
      ${speakers.length === 0 ? html`<p class="muted">No quotes found in this story's articles.</p>` : speakers.map((group) => speakerSection(group, languageOf))}
    </section>

    <section id="figures">
      <h2>Figures</h2>
      ${disagreements.length > 0
        ? html`<div class="disagreements"><h3>Where outlets disagree</h3>${disagreements.map(
            (d) => html`<div class="disagreement"><p class="unit">${d.unit}${view.events.length > 1 && d.eventId !== null ? html` · <span class="event-of">${view.events.find((e) => e.id === d.eventId)?.title ?? ''}</span>` : ''}</p><ul>${d.claims.map(
              (claim) => html`<li><strong class="figure">${claim.texts.join(' / ')}</strong> ${sourceLinks(claim.sources)}</li>`,
            )}</ul></div>`,
          )}</div>`
        : ''}
      ${figureTable(view.figures)}
    </section>

    <section id="entities">
      <h2>Entities</h2>
      ${entityList(view.entities)}
    </section>

    <section id="coverage" class="panel">
      <h2>Coverage by outlet</h2>
      ${coverageChart(articles)}
      <table class="outlets"><thead><tr><th>Outlet</th><th class="num">Articles</th><th>First report</th></tr></thead>
      <tbody>${view.outlets.map((o) => html`<tr><td>${o.source}</td><td class="num">${o.articles}</td><td>${formatWhen(o.first)}</td></tr>`)}</tbody></table>
    </section>
  </article>`;
}

let languageNames: Intl.DisplayNames | null = null;

/** A report in another language than English is marked so ("FR", its name on hover); English is not. */
function languageBadge(language: string | null): Html | string {
  if (!isOtherLanguage(language)) return '';
  let name = language;
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    name = languageNames.of(language) ?? language;
  } catch {
    // not a language code: show it as it is
  }
  return html` <span class="language" title="in ${name}">${language.toUpperCase()}</span>`;
}

/** An event with its first `limit` original articles in full; a link to the event's own pages lists the rest. */
function eventSection(event: StoryView['events'][number] & { number: number }, when: Map<number, string>, options: { storyId: number; limit: number; total: number }): Html {
  const hidden = event.articles.length - options.limit;
  return html`<section class="event" id="event-${event.id}">
    <header><span class="event-number">${event.number}</span><div><h3>${event.title}</h3><p class="meta">${formatSpan(event.start, event.end)} · ${plural(event.articles.length + event.articles.reduce((n, a) => n + a.copies.length, 0), 'article')}</p></div></header>
    <ol class="articles">${event.articles.slice(0, options.limit).map(
      (article) => html`<li class="article-row">
        <div class="line"><span class="outlet">${article.source ?? 'unknown outlet'}</span>${languageBadge(article.language)} <a href="/articles/${article.id}">${article.title}</a> <time>${when.get(article.id) ?? formatWhen(article.published)}</time></div>
        ${article.copies.length > 0 ? copiesBlock(article.copies, when) : ''}
      </li>`,
    )}</ol>
    ${hidden > 0 ? html`<p class="more-link"><a href="/stories/${options.storyId}/events/${event.id}${options.limit > 0 ? `?offset=${options.limit}` : ''}">${plural(hidden, 'more original article')} in this event →</a></p>` : ''}
  </section>`;
}

function copiesBlock(copies: StoryView['events'][number]['articles'][number]['copies'], when: Map<number, string>): Html {
  const outlets = new Set(copies.map((c) => c.source ?? 'unknown outlet'));
  const label = outlets.size === copies.length ? `Also carried by ${plural(outlets.size, 'outlet')}` : `Also carried ${plural(copies.length, 'time')} by ${plural(outlets.size, 'outlet')}`;
  return html`<details class="copies"><summary>${label}</summary><ol>${copies.map(
    (copy) => html`<li class="copy">
      <div class="line"><span class="outlet">${copy.source ?? 'unknown outlet'}</span>${languageBadge(copy.language)} <a href="/articles/${copy.id}">${copy.title}</a> <time>${when.get(copy.id) ?? formatWhen(copy.published)}</time>${copy.similarity !== null ? html` <span class="similarity">${Math.round(copy.similarity * 100)}% same</span>` : ''}</div>
      ${copyChanges(copy.changes)}
    </li>`,
  )}</ol></details>`;
}

/** Outlets listed for one quote or figure before the rest fold under "and N more"; past the second number, a count. */
const MAX_OUTLET_LINKS = 60;

interface SourceRef {
  articleId: number;
  source: string | null;
  published?: string | null;
}

/**
 * The outlets that carried a quote or figure, one link each to the outlet's first article (with its
 * day), and how many of its articles carried it when more than one: a reader wants who carried it
 * and who was first, not the same outlet's name forty times.
 */
function sourceLinks(sources: readonly SourceRef[], max = 12): Html {
  const byOutlet = new Map<string, { first: SourceRef; count: number }>();
  for (const s of sources) {
    const outlet = s.source ?? 'unknown outlet';
    const seen = byOutlet.get(outlet);
    if (!seen) byOutlet.set(outlet, { first: s, count: 1 });
    else {
      seen.count += 1;
      if (s.published && (!seen.first.published || s.published < seen.first.published)) seen.first = s;
    }
  }
  const outlets = [...byOutlet].sort(([, a], [, b]) => (a.first.published ?? '\uffff').localeCompare(b.first.published ?? '\uffff'));
  const links = outlets.map(
    ([outlet, { first, count }]) =>
      html`<a class="source" href="/articles/${first.articleId}">${outlet}${first.published ? html` <time>${formatDay(first.published, { year: false })}</time>` : ''}${count > 1 ? html` <span class="times">×${count}</span>` : ''}</a>`,
  );
  if (links.length <= max) return html`<span class="sources">${links}</span>`;
  const folded = links.slice(max, MAX_OUTLET_LINKS);
  const rest = links.length - max - folded.length;
  return html`<span class="sources">${links.slice(0, max)}</span><details class="more"><summary>and ${plural(links.length - max, 'more outlet')}</summary><span class="sources">${folded}</span>${rest > 0 ? html` <span class="muted">and ${plural(rest, 'other outlet')}</span>` : ''}</details>`;
}

/** Quotes shown in full per speaker (most carried first); the next ones are listed compactly. */
const QUOTES_PER_SPEAKER = 8;
/** Quotes per speaker listed compactly after those in full; past that, a count. */
const COMPACT_QUOTES = 40;
/** Wordings of one quote compared with the first. */
const VARIANTS_SHOWN = 10;

/** A quote's language where it is not English: its first article's, as a badge (a quote read in a German report). */
function quoteLanguage(quote: { sources: Array<{ articleId: number }> }, languageOf: Map<number, string | null>): Html | string {
  const first = quote.sources[0];
  return first === undefined ? '' : languageBadge(languageOf.get(first.articleId) ?? null);
}

/** The badge for a quote's caption, a space after it; nothing for English. */
function captionLanguage(quote: { sources: Array<{ articleId: number }> }, languageOf: Map<number, string | null>): Html | string {
  const badge = quoteLanguage(quote, languageOf);
  return badge === '' ? '' : html`${badge} `;
}

function speakerSection(group: ReturnType<typeof groupQuotesBySpeaker>[number], languageOf: Map<number, string | null>): Html {
  const name = group.speaker ?? 'Sources not named';
  return html`<section class="speaker" id="speaker-${slug(name)}">
    <h3>${name} <span class="count">quoted in ${plural(group.articles, 'article')}</span></h3>
    ${group.quotes.slice(0, QUOTES_PER_SPEAKER).map((quote) => {
      const outlets = new Set(quote.sources.map((s) => s.source ?? 'unknown outlet'));
      return html`<figure class="quote ${quote.direct ? 'direct' : 'reported'}">
        <blockquote>${quote.direct ? html`“${quote.text}”` : quote.text}</blockquote>
        <figcaption>${quote.direct ? '' : html`<span class="tag">reported</span> `}${captionLanguage(quote, languageOf)}${quote.attribution ? html`Said by <span class="attribution">${quote.attribution}</span>. ` : ''}Carried by ${plural(outlets.size, 'outlet')}: ${sourceLinks(quote.sources)}</figcaption>
        ${quote.variants.length > 1
          ? html`<details class="variants"><summary>${plural(quote.variants.length, 'wording')}</summary><ol>${quote.variants.slice(0, VARIANTS_SHOWN).map((variant) => html`<li>${wordDiff(quote.variants[0] ?? '', variant)}</li>`)}</ol>${quote.variants.length > VARIANTS_SHOWN ? html`<p class="muted">and ${plural(quote.variants.length - VARIANTS_SHOWN, 'other wording')}</p>` : ''}</details>`
          : ''}
      </figure>`;
    })}
    ${group.quotes.length > QUOTES_PER_SPEAKER
      ? html`<details class="more-quotes"><summary>${plural(group.quotes.length - QUOTES_PER_SPEAKER, 'more quote')}</summary><ul>${group.quotes.slice(QUOTES_PER_SPEAKER, QUOTES_PER_SPEAKER + COMPACT_QUOTES).map(
          (quote) => html`<li>${quote.direct ? html`“${quote.text}”` : quote.text}${quoteLanguage(quote, languageOf)}${quote.attribution ? html` <span class="attribution">(${quote.attribution})</span>` : ''} <span class="count">${plural(quote.sources.length, 'article')}</span></li>`,
        )}</ul>${group.quotes.length > QUOTES_PER_SPEAKER + COMPACT_QUOTES ? html`<p class="muted">and ${plural(group.quotes.length - QUOTES_PER_SPEAKER - COMPACT_QUOTES, 'quote')} carried by fewer articles</p>` : ''}</details>`
      : ''}
  </section>`;
}

function figureTable(figures: StoryView['figures']): Html {
  if (figures.length === 0) return html`<p class="muted">No figures found in this story's articles.</p>`;
  const byFamily = new Map<string, StoryView['figures']>();
  for (const figure of figures) {
    const family = unitFamily(figure.unit);
    const list = byFamily.get(family) ?? [];
    list.push(figure);
    byFamily.set(family, list);
  }
  const rows = [...byFamily].sort((a, b) => b[1].length - a[1].length).slice(0, 40);
  return html`<table class="figures"><thead><tr><th>Counted</th><th>Figures as reported</th></tr></thead><tbody>${rows.map(([family, list]) => {
    // One line per value as worded ("€40 million", "EUR 40 million" and "40 million euros" are one;
    // "about 30" and "30" two), smallest first; a value that is not exact shows the range it allows.
    const readings = new Map<string, { first: StoryView['figures'][number]; texts: Set<string>; sources: SourceRef[] }>();
    for (const f of list) {
      const key = readingKey(f);
      const reading = readings.get(key) ?? { first: f, texts: new Set<string>(), sources: [] };
      reading.texts.add(f.text);
      reading.sources.push({ articleId: f.articleId, source: f.source });
      readings.set(key, reading);
    }
    const lines = [...readings.values()].sort((a, b) => a.first.value - b.first.value);
    return html`<tr><th scope="row">${family}</th><td><ul class="figure-list">${lines.map(
      ({ first, texts, sources }) => html`<li>${[...texts].map((text) => html`<span class="figure">${text}</span> `)}${first.precision === 'exact' ? '' : html`<span class="reading" title="the values this wording allows">${figureReading(first)}</span> `}${sourceLinks(sources, 6)}</li>`,
    )}</ul></td></tr>`;
  })}</tbody></table>`;
}

const ENTITY_TYPES: Record<string, string> = { person: 'People', organisation: 'Organisations', place: 'Places' };

function entityList(entities: StoryView['entities']): Html {
  if (entities.length === 0) return html`<p class="muted">No people, organisations or places found yet.</p>`;
  const groups = Object.entries(ENTITY_TYPES).map(([type, label]) => [label, entities.filter((e) => e.type === type)] as const).filter(([, list]) => list.length > 0);
  return html`<div class="entity-groups">${groups.map(
    ([label, list]) => html`<div><h3>${label}</h3><ul class="chips">${list.slice(0, 60).map(
      (e) => html`<li><a class="chip ${e.type}" href="/${queryString({ entity: e.name })}" title="Stories that name ${e.name}">${e.name} <span class="count">${e.articles}</span></a></li>`,
    )}</ul></div>`,
  )}</div>`;
}
