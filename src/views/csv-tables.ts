/**
 * @module The analysis as CSV tables for a spreadsheet: articles, quotes (who said what, where and
 * when), figures, dates, and entities, one row per item with the article it came from (its
 * outlet, date, story, event, and the original it copies). RFC 4180 quoting; text cells that a
 * spreadsheet would run as a formula (=, +, -, @) are written with a leading apostrophe, since
 * article text is whatever the web served. Written row by row, so a whole store streams.
 */
import { emptyAnalysis, type Analysis, type EntityType } from '../model/index.js';
import type { ArticleRecord, Store, StoryDetail } from '../store/store.js';

export const CSV_TABLES = ['articles', 'quotes', 'figures', 'dates', 'entities'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const isCsvTable = (name: string): name is CsvTable => (CSV_TABLES as readonly string[]).includes(name);

type Cell = string | number | boolean | null | undefined;

/** One CSV line (CRLF-ended, as RFC 4180 has it). */
export function csvLine(cells: readonly Cell[]): string {
  return (
    cells
      .map((cell) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell !== 'string') return String(cell);
        const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}

/** An article (its text is not needed) with its analysis. */
export interface AnalysedArticle {
  article: Omit<ArticleRecord, 'text'>;
  analysis: Analysis;
}

const HEADERS: Record<CsvTable, string[]> = {
  articles: ['article_id', 'story_id', 'event_id', 'published', 'seen_at', 'outlet', 'author', 'title', 'url', 'language', 'copy_of', 'similarity'],
  quotes: ['story_id', 'event_id', 'article_id', 'published', 'outlet', 'speaker', 'attribution', 'kind', 'quote', 'copy_of', 'article_title', 'url'],
  figures: ['story_id', 'event_id', 'article_id', 'published', 'outlet', 'as_written', 'value', 'unit', 'precision', 'low', 'high', 'copy_of', 'url'],
  dates: ['story_id', 'event_id', 'article_id', 'published', 'outlet', 'as_written', 'value', 'copy_of', 'url'],
  entities: ['name', 'type', 'aliases', 'mentions', 'articles'],
};

/** The rows one article gives a table (entities are counted across articles instead). */
function rowsOf(table: Exclude<CsvTable, 'entities'>, { article: a, analysis }: AnalysedArticle): Cell[][] {
  const where = [a.storyId, a.eventId, a.id, a.published, a.source];
  switch (table) {
    case 'articles':
      return [[a.id, a.storyId, a.eventId, a.published, a.seenAt, a.source, a.author, a.title, a.url, a.language, a.duplicateOf, a.similarity]];
    case 'quotes':
      return analysis.quotes.map((q) => [...where, q.speaker, q.attribution, q.direct ? 'direct' : 'reported', q.text, a.duplicateOf, a.title, a.url]);
    case 'figures':
      return analysis.figures.map((f) => [...where, f.text, f.value, f.unit, f.precision, f.low, f.high, a.duplicateOf, a.url]);
    case 'dates':
      return analysis.dates.map((d) => [...where, d.text, d.value, a.duplicateOf, a.url]);
  }
}

export interface EntityRow {
  name: string;
  type: EntityType | string;
  aliases: string[];
  mentions: number;
  articles: number;
}

/** Entities counted over the articles as each article names them (a story's view merges aliases further). */
export function entityRows(items: Iterable<AnalysedArticle>): EntityRow[] {
  const entities = new Map<string, { name: string; type: string; aliases: Set<string>; mentions: number; articles: Set<number> }>();
  for (const { article, analysis } of items) {
    for (const m of analysis.entities) {
      const key = `${m.type}\u0000${m.name}`;
      const entity = entities.get(key) ?? { name: m.name, type: m.type, aliases: new Set<string>(), mentions: 0, articles: new Set<number>() };
      if (m.text !== m.name) entity.aliases.add(m.text);
      entity.mentions++;
      entity.articles.add(article.id);
      entities.set(key, entity);
    }
  }
  return [...entities.values()]
    .map((e) => ({ name: e.name, type: e.type, aliases: [...e.aliases], mentions: e.mentions, articles: e.articles.size }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * Writes `table` for the articles given, in their order; `entities` (when given) replaces the
 * entity count over the articles (a story's merged entities).
 */
export async function writeCsv(
  table: CsvTable,
  items: AsyncIterable<AnalysedArticle> | Iterable<AnalysedArticle>,
  write: (chunk: string) => void | Promise<void>,
  entities?: readonly EntityRow[],
): Promise<void> {
  // A byte-order mark, so that spreadsheets read the file as UTF-8.
  await write(`\uFEFF${csvLine(HEADERS[table])}`);
  if (table === 'entities') {
    let rows = entities;
    if (!rows) {
      const all: AnalysedArticle[] = [];
      for await (const item of items) all.push({ article: item.article, analysis: { quotes: [], figures: [], dates: [], entities: item.analysis.entities } });
      rows = entityRows(all);
    }
    for (const e of rows) await write(csvLine([e.name, e.type, e.aliases.join('; '), e.mentions, e.articles]));
    return;
  }
  let chunk = '';
  for await (const item of items) {
    for (const row of rowsOf(table, item)) chunk += csvLine(row);
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
}

/**
 * Every stored article with its analysis, in id order: the analyses are streamed, the articles read
 * beside them a page at a time (a store streams one query at a time).
 */
export async function* storedArticles(store: Store, pageSize = 500): AsyncGenerator<AnalysedArticle> {
  let page: Array<Omit<ArticleRecord, 'text'>> = [];
  let at = 0;
  let lastId = 0;
  for await (const rows of store.analyses()) {
    while (at < page.length && page[at]!.id < rows.articleId) at++;
    if (at >= page.length) {
      page = (await store.articlesAfter(rows.articleId - 1, pageSize)).map(({ text: _text, ...article }) => article);
      at = 0;
    }
    const article = page[at];
    if (!article || article.id !== rows.articleId || article.id <= lastId) continue;
    lastId = article.id;
    yield { article, analysis: rows };
  }
}

/** A story's articles with their analyses, in the order the story lists them. */
export function storyArticles(detail: StoryDetail): AnalysedArticle[] {
  const analyses = new Map(detail.analyses.map((rows) => [rows.articleId, rows]));
  return detail.articles.map((article) => ({ article, analysis: analyses.get(article.id) ?? emptyAnalysis() }));
}
