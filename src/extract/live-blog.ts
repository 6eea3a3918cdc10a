/**
 * @module A live blog's page as the updates it is made of. A developing story is often followed
 * in one live page whose posts arrive over hours; read as one article, every quote and figure in
 * it would be dated to the page and "first seen" before the reports it followed. Pages that
 * declare their posts (JSON-LD LiveBlogPosting with liveBlogUpdate, as news CMSs write it) are
 * split into one document per post, with the post's own time, headline, author and address, so
 * each is stored, dated and grouped as a report of its own; fetching the page again adds the new
 * posts only (the others are the same documents). Pure: a RawDocument in, RawDocuments out.
 */
import type { DocumentHints, RawDocument } from '../model/index.js';
import { jsonLdObjectsOf, names, str, types, type Json } from './json-ld.js';
import { decodeEntities } from './page-metadata.js';

const JSON_LD_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json\b[^>]*>([\s\S]*?)<\/script\s*>/gi;
const TAG = /<[a-z][^>]*>/i;

/**
 * The posts of a live blog page, oldest first, each a document of its own; the page itself when
 * it is no live blog or declares no post with text or a headline.
 */
export function splitLiveBlog(raw: RawDocument): RawDocument[] {
  if (raw.format !== 'html' || !raw.content.includes('LiveBlogPosting')) return [raw];
  const blog = liveBlogOf(raw.content);
  if (!blog) return [raw];
  const pageUrl = raw.hints.url ?? absoluteUrl(str(blog['url']) ?? str(blog['mainEntityOfPage']), null);
  const outlet = raw.hints.source ?? str((blog['publisher'] as Json | undefined)?.['name']);
  const language = raw.hints.language ?? str(blog['inLanguage']);
  const posts = updatesOf(blog)
    .map((update, order) => ({ update, order, published: str(update['datePublished']) ?? str(update['dateCreated']) ?? str(update['dateModified']) }))
    .sort((a, b) => (Date.parse(a.published ?? '') || 0) - (Date.parse(b.published ?? '') || 0) || b.order - a.order);
  const documents: RawDocument[] = [];
  const taken = new Set<string>();
  for (const { update, published } of posts) {
    const body = str(update['articleBody']) ?? str(update['text']) ?? '';
    const headline = str(update['headline']) ?? str(update['name']);
    if (!body && !headline) continue;
    // Posts are told apart by their time; a second post at the same second is numbered.
    let key = published ?? String(documents.length);
    if (taken.has(key)) key = `${key}-${documents.length}`;
    taken.add(key);
    const url = postUrl(update, pageUrl, key);
    const hints: DocumentHints = {
      url,
      title: headline ? decodeEntities(headline) : null,
      source: outlet ?? null,
      author: names(update['author'], 'people').join(', ') || null,
      published: published ?? str(blog['datePublished']),
      language: language ?? null,
      livePage: pageUrl ?? raw.path,
    };
    // A page with no address of its own (a saved file) still tells its posts apart.
    if (!hints.url) hints.externalId = `${raw.path}#${key}`;
    const isMarkup = TAG.test(body);
    documents.push({ path: raw.path, index: raw.index, format: isMarkup ? 'html' : 'text', content: isMarkup ? body : decodeEntities(body), hints });
  }
  return documents.length > 0 ? documents : [raw];
}

/** The page's LiveBlogPosting that lists posts, from its JSON-LD scripts. */
function liveBlogOf(html: string): Json | null {
  for (const match of html.matchAll(JSON_LD_SCRIPT)) {
    if (!match[1]!.includes('LiveBlogPosting')) continue;
    const blog = jsonLdObjectsOf(match[1]!).find((o) => types(o).some((t) => /^LiveBlogPosting$/i.test(t)) && updatesOf(o).length > 0);
    if (blog) return blog;
  }
  return null;
}

function updatesOf(blog: Json): Json[] {
  const value = blog['liveBlogUpdate'];
  return (Array.isArray(value) ? value : [value]).filter((u): u is Json => !!u && typeof u === 'object' && !Array.isArray(u));
}

/** The post's own address, else the page's with the post's time as its fragment. */
function postUrl(update: Json, pageUrl: string | null, key: string): string | null {
  const own = absoluteUrl(str(update['url']) ?? (typeof update['@id'] === 'string' ? update['@id'] : null), pageUrl);
  if (own && own !== pageUrl) return own;
  return pageUrl ? `${pageUrl.replace(/#.*$/, '')}#${encodeURIComponent(key)}` : null;
}

function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base ?? undefined);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
