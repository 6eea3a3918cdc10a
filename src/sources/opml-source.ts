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
