/**
 * @module The export format: the whole analysis as one JSON document (see README "Export format").
 * Written as a stream so that a large store never has to fit in memory.
 */
import type { Store } from '../store/store.js';
import type { ArticleRecord } from '../store/store.js';

export const exportedArticle = (a: ArticleRecord) => ({
  id: a.id,
  externalId: a.externalId,
  path: a.path,
  url: a.url,
  source: a.source,
  author: a.author,
  title: a.title,
  published: a.published,
  language: a.language,
  text: a.text,
  revision: a.revision,
  seenAt: a.seenAt,
  duplicateOf: a.duplicateOf,
  similarity: a.similarity,
  changes: a.changes,
  eventId: a.eventId,
  storyId: a.storyId,
});

/** Writes the export document chunk by chunk through `write`. */
export async function writeExport(store: Store, write: (chunk: string) => void | Promise<void>): Promise<void> {
  const storyArticles = new Map<number, number[]>();
  const eventArticles = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number | null, id: number): void => {
    if (key === null) return;
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };

  await write('{\n"articles": [');
  let first = true;
  for await (const article of store.articles()) {
    push(storyArticles, article.storyId, article.id);
    push(eventArticles, article.eventId, article.id);
    await write(`${first ? '\n' : ',\n'}${JSON.stringify(exportedArticle(article))}`);
    first = false;
  }

  const events = await store.events();
  await write('\n],\n"events": [');
  await write(events.map((e) => `\n${JSON.stringify({ ...e, articleIds: eventArticles.get(e.id) ?? [] })}`).join(','));
  const stories = await store.stories();
  await write('\n],\n"stories": [');
  await write(
    stories
      .map((s) => {
        const eventIds = events.filter((e) => e.storyId === s.id).map((e) => e.id);
        return `\n${JSON.stringify({ ...s, eventIds, articleIds: storyArticles.get(s.id) ?? [] })}`;
      })
      .join(','),
  );

  const entities = new Map<string, { name: string; type: string; aliases: Set<string>; articleIds: Set<number> }>();
  const sections = { quotes: [] as string[], dates: [] as string[], figures: [] as string[] };
  for await (const rows of store.analyses()) {
    const articleId = rows.articleId;
    for (const q of rows.quotes) sections.quotes.push(JSON.stringify({ articleId, ...q }));
    for (const d of rows.dates) sections.dates.push(JSON.stringify({ articleId, ...d }));
    for (const f of rows.figures) sections.figures.push(JSON.stringify({ articleId, ...f }));
    for (const mention of rows.entities) {
      const key = `${mention.type}\u0000${mention.name}`;
      const entity = entities.get(key) ?? { name: mention.name, type: mention.type, aliases: new Set(), articleIds: new Set() };
      if (mention.text !== mention.name) entity.aliases.add(mention.text);
      entity.articleIds.add(articleId);
      entities.set(key, entity);
    }
  }
  for (const [name, lines] of Object.entries(sections)) {
    await write(`\n],\n"${name}": [`);
    await write(lines.map((line) => `\n${line}`).join(','));
  }
  await write('\n],\n"entities": [');
  await write(
    [...entities.values()]
      .map((e, index) =>
        `\n${JSON.stringify({ id: index + 1, name: e.name, type: e.type, aliases: [...e.aliases].sort(), articleIds: [...e.articleIds] })}`,
      )
      .join(','),
  );
  await write('\n]\n}\n');
}
