/**
 * @module The developments of followed stories as an Atom feed, so that any feed reader (or the
 * reader's phone) tells of them: one entry per new original report, titled by its story, linking
 * to the report on this server.
 */
import { escapeXml } from './escape-xml.js';
import type { Development } from './story-news.js';

const isoOf = (value: string): string => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
};

/** An Atom 1.0 document; `base` is this server's address (links and ids are absolute). */
export function developmentsAtom(developments: readonly Development[], options: { base: string; self: string; now: Date }): string {
  const updated = developments[0] ? isoOf(developments[0].seenAt) : options.now.toISOString();
  const entries = developments.map((d) => {
    const link = `${options.base}/articles/${d.id}`;
    const what = [d.source ?? 'unknown outlet', d.published ? `published ${d.published.slice(0, 10)}` : null, d.eventTitle ? `${d.newEvent ? 'a new event' : 'in the event'} “${d.eventTitle}”` : null, d.newOutlet && d.source ? 'the first report from this outlet in the story' : null]
      .filter(Boolean)
      .join(' · ');
    return `  <entry>
    <id>${escapeXml(link)}</id>
    <title>${escapeXml(`${d.storyTitle}: ${d.title}`)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <link rel="related" type="text/html" href="${escapeXml(`${options.base}/stories/${d.storyId}`)}" title="${escapeXml(d.storyTitle)}"/>
    <updated>${escapeXml(isoOf(d.seenAt))}</updated>${d.published ? `\n    <published>${escapeXml(isoOf(d.published))}</published>` : ''}
    <author><name>${escapeXml(d.source ?? 'unknown outlet')}</name></author>
    <summary>${escapeXml(what)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(options.self)}</id>
  <title>Storyline: developments of followed stories</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(options.self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${options.base}/following`)}"/>
  <updated>${escapeXml(updated)}</updated>
  <generator>Storyline</generator>
${entries.join('\n')}
</feed>
`;
}
