/** @module The subscriptions as an OPML 2.0 list, for another feed reader (and for `readOpml` to read back). */
import type { Subscription } from '../sources/source-item.js';
import { escapeXml } from './escape-xml.js';

/** An OPML 2.0 subscription list that feed readers import (and `readOpml` reads back). */
export function writeOpml(subscriptions: readonly Subscription[], createdAt: Date): string {
  const outlines = subscriptions.map((s) => {
    const title = escapeXml(s.title ?? s.feedUrl);
    const site = s.siteUrl ? ` htmlUrl="${escapeXml(s.siteUrl)}"` : '';
    return `    <outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeXml(s.feedUrl)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Storyline subscriptions</title>',
    `    <dateCreated>${createdAt.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
