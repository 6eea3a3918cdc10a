/**
 * @module Article metadata from an HTML page, best source first: JSON-LD (NewsArticle and kin,
 * inside @graph too), then OpenGraph / meta tags (article:*, citation_*, dc.*, parsely, sailthru),
 * then microdata, then the page itself (bylines, `<time datetime>`, the URL). Which of the
 * declared and shown dates is the publish date is `publish-date.ts`'s job; which title is the
 * headline, `page-headline.ts`'s; which name is the author, `page-author.ts`'s.
 */
import type { DomDocument, DomElement } from './html-document.js';
import { dateFromUrl, parseDate } from './parse-date.js';
import { jsonLdObjectsOf, names, str, types, type Json } from './json-ld.js';
import { bylineLines, chooseAuthor, readBylines } from './page-author.js';
import { chooseHeadline } from './page-headline.js';
import type { DateParseOptions } from './parse-date.js';
import { chooseModified, choosePublished, dateOrderFor, shownDates, type ShownDate } from './publish-date.js';
import type { DateSources } from './publish-date.js';

export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  author: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** The article body as the page's JSON-LD gives it (some sites put the whole text there). */
  articleBody: string | null;
}

const ARTICLE_TYPES = /^(?:\w+)?(?:Article|BlogPosting|Posting|Report|NewsArticle|LiveBlogPosting)$/i;
const PAGE_TYPES = /^(?:WebPage|ItemPage|AboutPage|WebSite)$/i;

/** Read every JSON-LD object on the page, flattening arrays and @graph. */
function jsonLdObjects(document: DomDocument): Json[] {
  // Some head managers write the JSON-LD into a meta tag's content instead of a script.
  const scripts = document.querySelectorAll('script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"], meta[name="script:ld+json"]');
  const objects: Json[] = [];
  for (let i = 0; i < scripts.length; i++) {
    const node = scripts[i] as DomElement;
    objects.push(...jsonLdObjectsOf((node.localName === 'meta' ? node.getAttribute('content') : node.textContent) ?? ''));
  }
  return objects;
}

/** Meta tags by lower-cased name/property/itemprop; first value wins. */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i] as DomElement;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))?.toLowerCase().trim();
    const content = meta.getAttribute('content')?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

function firstMeta(tags: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}

const PUBLISHED_META = [
  'article:published_time', 'article:published', 'og:article:published_time', 'datepublished',
  'citation_publication_date', 'citation_online_date', 'citation_date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created', 'parsely-pub-date', 'sailthru.date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'date', 'og:published_time',
  'og:pubdate', 'article.published', 'published_time', 'published-date', 'release_date', 'datecreated',
  'created', 'published', 'cxenseparse:recs:publishtime', 'rnews:datepublished', 'prism.publicationdate',
];
const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified',
  'last-modified', 'lastmod', 'article.updated', 'modified_time',
];
const AUTHOR_META = [
  'author', 'article:author', 'citation_author', 'dc.creator', 'dcterms.creator', 'parsely-author',
  'sailthru.author', 'byl', 'twitter:creator', 'og:article:author',
];
const TITLE_META = ['og:title', 'twitter:title', 'citation_title', 'dc.title', 'parsely-title', 'sailthru.title', 'headline'];
const SITE_META = ['og:site_name', 'application-name', 'publisher', 'citation_journal_title', 'dc.publisher', 'twitter:site'];

/**
 * Declared dates, best first: the article object's JSON-LD keys, then any other JSON-LD object's
 * (a WebPage beside the article), then the meta tags in `metaKeys` order, then any other meta tag
 * whose name says it is a publish date ("w-published-date").
 */
function declaredDates(objects: Json[], article: Json | null, tags: Map<string, string>, ldKeys: string[], metaKeys: string[], order: DateParseOptions): string[] {
  const dates: string[] = [];
  const add = (value: string | null): void => {
    const date = parseDate(value, order);
    if (date && !dates.includes(date)) dates.push(date);
  };
  for (const obj of article ? [article, ...objects.filter((o) => o !== article)] : objects) {
    for (const key of ldKeys) add(str(obj[key]));
  }
  for (const key of metaKeys) add(tags.get(key) ?? null);
  if (ldKeys.includes('datePublished')) {
    for (const [key, value] of tags) if (/publish|pubdate/.test(key) && /date|time/.test(key) && !/modif|updat/.test(key)) add(value);
  }
  return dates;
}

/** The page's declared locale with its region ("en-US"), for reading numeric dates. */
function pageLocale(document: DomDocument, tags: Map<string, string>, ld: Json | null): string | null {
  return str(ld?.['inLanguage']) ?? document.documentElement?.getAttribute('lang') ?? firstMeta(tags, ['og:locale', 'content-language']);
}

function language(document: DomDocument, tags: Map<string, string>, ld: Json | null): string | null {
  const raw =
    str(ld?.['inLanguage']) ??
    document.documentElement?.getAttribute('lang') ??
    document.documentElement?.getAttribute('xml:lang') ??
    firstMeta(tags, ['content-language', 'og:locale', 'dc.language', 'language']);
  const code = raw?.trim().toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2}$/.test(code) ? code : null;
}

function articleObject(objects: Json[]): Json | null {
  return (
    objects.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t))) ??
    objects.find((o) => types(o).some((t) => PAGE_TYPES.test(t)) && (o['datePublished'] || o['headline'])) ??
    null
  );
}

/** Every date the page declares or shows, before choosing (what `choosePublished` weighs). */
export function readDateSources(document: DomDocument, url: string | null, pageText: string | null = null): DateSources {
  const objects = jsonLdObjects(document);
  return dateSources(document, url, pageText, objects, articleObject(objects), metaTags(document));
}

function dateSources(document: DomDocument, url: string | null, pageText: string | null, objects: Json[], article: Json | null, tags: Map<string, string>): DateSources {
  const order = dateOrderFor(pageLocale(document, tags, article), pageText);
  let shown: ShownDate[] | undefined;
  let fromScripts: string | null | undefined;
  return {
    declaredPublished: declaredDates(objects, article, tags, ['datePublished', 'dateCreated', 'uploadDate'], PUBLISHED_META, order),
    declaredModified: declaredDates(objects, article, tags, ['dateModified'], MODIFIED_META, order),
    // Reading the dates a page shows walks the whole page: done only when the choice needs them
    // (most pages declare one publish date and settle it without).
    get shown() {
      return (shown ??= shownDates(document, pageText, order));
    },
    fromUrl: dateFromUrl(url) ?? dateFromUrl(canonical(document, tags)),
    // Read only for pages that neither declare nor show a date.
    get fromScripts() {
      return fromScripts === undefined ? (fromScripts = scriptPublished(document)) : fromScripts;
    },
  };
}

/**
 * The keys under which scripts carry a page's publish date (a single-page app's state, an
 * analytics call): `"publishedAt": "2025-03-06T10:15:00Z"`, `publish_date: 1741256100`.
 */
const SCRIPT_PUBLISHED =
  /["']?\b(?:datePublished|publishedDate|publishDate|published_at|publishedAt|publish_date|date_published|pubDate|firstPublished(?:Date|At)?|first_published_at)\b["']?\s*:\s*(?:"([^"]{8,40})"|'([^']{8,40})'|(\d{10}|\d{13})(?!\d))/;
/** Script text read at most (a page's app state can be megabytes). */
const SCRIPT_CHARS = 2_000_000;

/** The first publish date the page's scripts (other than JSON-LD) carry, as ISO. */
function scriptPublished(document: DomDocument): string | null {
  const scripts = document.querySelectorAll('script');
  let budget = SCRIPT_CHARS;
  for (let i = 0; i < scripts.length && budget > 0; i++) {
    const node = scripts[i] as DomElement;
    if (/ld\+json/i.test(node.getAttribute('type') ?? '')) continue;
    const text = (node.textContent ?? '').slice(0, budget);
    budget -= text.length;
    const m = text.match(SCRIPT_PUBLISHED);
    if (!m) continue;
    const written = m[1] ?? m[2];
    if (written) {
      const date = parseDate(written);
      if (date) return date;
      continue;
    }
    // Seconds or milliseconds since 1970, read as UTC.
    const epoch = Number(m[3]);
    const instant = new Date(m[3]!.length === 10 ? epoch * 1000 : epoch);
    const date = parseDate(instant.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    if (date) return date;
  }
  return null;
}

export function readPageMetadata(document: DomDocument, url: string | null, pageText: string | null = null): PageMetadata {
  const objects = jsonLdObjects(document);
  const article = articleObject(objects);
  const organisation = objects.find((o) => types(o).some((t) => /^(?:NewsMediaOrganization|Organization|WebSite)$/i.test(t)));
  const tags = metaTags(document);

  const declaredAuthors = article?.['author'] ?? article?.['creator'];
  const author = chooseAuthor({
    declaredPeople: names(declaredAuthors, 'people'),
    declaredOrganisations: names(declaredAuthors, 'organisations'),
    metaAuthor: firstMeta(tags, AUTHOR_META),
    bylines: () => [...readBylines(document), ...(pageText ? bylineLines(pageText) : [])],
  });

  const lang = language(document, tags, article);
  const dates = dateSources(document, url, pageText, objects, article, tags);
  const published = choosePublished(dates);
  const modified = chooseModified(dates);

  const siteName =
    str((article?.['publisher'] as Json | undefined)?.['name']) ??
    firstMeta(tags, SITE_META.slice(0, 2)) ??
    str(organisation?.['name']) ??
    firstMeta(tags, SITE_META.slice(2));

  const title = chooseHeadline({
    declared: [str(article?.['headline']), ...TITLE_META.map((key) => tags.get(key) ?? null), document.title?.trim() || null]
      .filter((t): t is string => !!t)
      .map(decodeEntities),
    headings: headingTexts(document),
    outletNames: [siteName, domainLabel(url ?? canonical(document, tags))].filter((n): n is string => !!n),
  });

  const body = str(article?.['articleBody']);
  return {
    title,
    siteName: siteName && !siteName.startsWith('@') ? decodeEntities(siteName) : siteName?.replace(/^@/, '') ?? null,
    author: author ? decodeEntities(author) : null,
    published,
    modified,
    language: lang,
    canonicalUrl: canonical(document, tags),
    articleBody: body ? decodeEntities(body) : null,
  };
}

/** The texts of the page's top-level headings, the first eight. */
function headingTexts(document: DomDocument): string[] {
  const nodes = document.querySelectorAll('h1');
  const texts: string[] = [];
  for (let i = 0; i < nodes.length && texts.length < 8; i++) {
    const text = (nodes[i] as DomElement).textContent?.replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts;
}

/** The label a domain is known by: "harbourtimes" of https://www.harbourtimes.co.uk/news/1. */
/** The label of an address's domain before its public suffix: "ascom" of www.ascom.com, "bbc" of www.bbc.co.uk. */
export function domainLabel(url: string | null): string | null {
  if (!url) return null;
  try {
    const labels = new URL(url).hostname.toLowerCase().split('.');
    // The label before the public suffix, with "co.uk"-style suffixes of two short labels.
    const cut = labels.length > 2 && labels[labels.length - 2]!.length <= 3 && labels[labels.length - 1]!.length === 2 ? 3 : 2;
    return labels[labels.length - cut] ?? null;
  } catch {
    return null;
  }
}

function canonical(document: DomDocument, tags: Map<string, string>): string | null {
  const link = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  const value = link || tags.get('og:url') || null;
  return value && /^https?:\/\//i.test(value) ? value : null;
}

/** JSON-LD and meta values (and feed titles) are sometimes HTML-escaped twice ("&amp;#8217;"). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value.trim();
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .trim();
}
