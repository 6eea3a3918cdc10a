/**
 * A news site for the fetch tests, served on 127.0.0.1: a home page announcing its feed, the feed
 * (gzipped, with an ETag that changes with its items) whose items carry only their articles'
 * summaries, and the articles' pages, which are the demo corpus's own.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

// The demo's article pages, served as a news site would: a home page announcing its feed, a feed
// whose items carry only the pages' summaries (their meta description), and the pages.
const demoPage = (name: string): string => readFileSync(new URL(`../../../demo/corpus/html/${name}`, import.meta.url), 'utf8');
export const PAGES: Record<string, string> = {
  '/europe/brennmouth-port-strike': demoPage('northgate-post-brennmouth-strike.html'),
  '/europe/korvel-evacuation': demoPage('northgate-post-korvel-evacuation.html'),
  '/business/rate-cut': demoPage('saltvik-observer-rate-cut.html'),
};
// A path with no page stands for an article taken down since the feed listed it.
export const summaryOf = (html = ''): string => /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? 'The Brennmouth harbour board met on Thursday to hear both sides of the dispute, and its chair said a mediator could be named before the weekend if the union agreed.';
const titleOf = (html = ''): string => /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? 'Harbour board meets';
const publishedOf = (html = ''): string => new Date(/article:published_time" content="([^"]*)"/.exec(html)?.[1] ?? '2026-04-29T10:00:00Z').toUTCString();

export function rss(paths: string[]): string {
  const items = paths.map(
    (path) => `<item><title>${titleOf(PAGES[path])}</title><link>${path}</link><guid isPermaLink="false">ngp-${path}</guid>
      <pubDate>${publishedOf(PAGES[path])}</pubDate><description>${summaryOf(PAGES[path])}</description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Northgate Post - Europe</title><link>https://northgatepost.example/</link>${items.join('')}</channel></rss>`;
}

export interface Site {
  url: string;
  /** Paths asked for, in order, and the conditional headers the feed was asked with. */
  requests: string[];
  validators: Array<string | undefined>;
  /** The feed's items (paths), and what other paths answer. */
  items: string[];
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const site = { requests: [], validators: [], items: ['/europe/brennmouth-port-strike', '/business/rate-cut'], routes: {} } as unknown as Site;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    site.requests.push(path);
    const route = site.routes[path];
    if (route) return route(req, res);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!DOCTYPE html><html><head><title>Northgate Post</title><link rel="alternate" type="application/rss+xml" title="Europe" href="/feeds/europe.xml"></head><body>Home</body></html>');
    }
    if (path === '/feeds/europe.xml') {
      site.validators.push(req.headers['if-none-match']);
      const etag = `"v${site.items.length}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return res.end();
      }
      // Compressed, as most servers send feeds.
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', etag });
      return res.end(gzipSync(rss(site.items)));
    }
    const page = PAGES[path];
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site;
}

