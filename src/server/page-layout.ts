/**
 * @module The page shell shared by every HTML page: header with search, main column, footer.
 * Pages are built with hono's `html` tag, which escapes every interpolated string; `raw` is used
 * only for markup this code built itself.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  title: string;
  body: Html;
  /** Current search text, kept in the header's search box. */
  query?: string;
  /** Extra tags for <head> (a no-script refresh on the ingest status page). */
  head?: Html;
  wide?: boolean;
}

export function page(options: PageOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Storyline</title>
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
${options.head ?? ''}
</head>
<body>
<header class="site">
  <div class="bar">
    <a class="brand" href="/">Storyline</a>
    <form class="search" action="/" method="get" role="search">
      <input type="search" name="q" value="${options.query ?? ''}" placeholder="Search articles" aria-label="Search articles">
    </form>
    <nav><a href="/">Stories</a><a href="/following">Following</a><a href="/feeds">Feeds</a><a href="/ingest">Add articles</a></nav>
  </div>
</header>
<main class="${options.wide ? 'wide' : ''}">
${options.body}
</main>
<footer class="site"><a href="/api/openapi.json">JSON API</a></footer>
</body>
</html>`;
}

/** A plural label: plural(3, 'article') -> "3 articles". */
export const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${count.toLocaleString('en-GB')} ${count === 1 ? noun : nouns}`;

/** A link target safe to put in href: only http(s) URLs from articles, else null. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An id usable in a URL fragment for a name (speakers on the story page). */
export const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'unnamed';

export const notFound = (what: string): Html =>
  page({ title: 'Not found', body: html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the stories</a></p>` });
