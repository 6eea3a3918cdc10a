/**
 * @module An original article as a reader app shows it (the Fever API's item HTML): its paragraphs,
 * then who else carried it (the copies Storyline folded under it) and the story it belongs to, with
 * links back to this server.
 */
import type { ReaderItem } from '../store/store.js';
import { escapeXml as escape } from './escape-xml.js';

/** `base` is this server's address, for the links back to it. */
export function readerItemHtml(item: ReaderItem, base: string): string {
  const { article } = item;
  const paragraphs = article.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`);
  const footer: string[] = [];
  if (item.copies.length > 0) {
    const carried = item.copies.map((c) => {
      const outlet = `<b>${escape(c.source ?? 'an unnamed outlet')}</b>`;
      const title = c.url ? `<a href="${escape(c.url)}">${escape(c.title)}</a>` : escape(c.title);
      return `${outlet} (“${title}”)`;
    });
    footer.push(`<p>Also carried by ${carried.length} ${carried.length === 1 ? 'outlet' : 'outlets'}: ${carried.join(', ')}.</p>`);
  }
  if (article.storyId !== null) {
    footer.push(`<p>Story: <a href="${escape(`${base}/stories/${article.storyId}`)}">${escape(item.storyTitle ?? `story ${article.storyId}`)}</a> · <a href="${escape(`${base}/articles/${article.id}`)}">quotes, figures and dates of this report</a></p>`);
  }
  return [...paragraphs, ...(footer.length > 0 ? ['<hr>', ...footer] : [])].join('\n');
}
