/** @module OPML subscription lists: every outline with an xmlUrl, nested folders included. */
import { InputError, type Subscription } from './source-item.js';
import { attributeOf, listOf, parseXml, type XmlNode } from './xml-document.js';

function collect(outlines: XmlNode[], into: Subscription[]): void {
  for (const outline of outlines) {
    const feedUrl = attributeOf(outline, 'xmlUrl');
    if (feedUrl) {
      into.push({
        title: attributeOf(outline, 'title') ?? attributeOf(outline, 'text'),
        feedUrl,
        siteUrl: attributeOf(outline, 'htmlUrl'),
      });
    }
    collect(listOf(outline.outline), into);
  }
}

export function readOpml(xml: string): Subscription[] {
  const root = parseXml(xml);
  const opml = root.opml as XmlNode | undefined;
  if (!opml) throw new InputError('not an OPML document (no <opml> root)');
  const body = opml.body as XmlNode | undefined;
  const subscriptions: Subscription[] = [];
  collect(listOf(body?.outline), subscriptions);
  return subscriptions;
}

const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

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
