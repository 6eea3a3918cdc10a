/**
 * @module The story as people read it: events in time order, each with its original articles and
 * their folded copies, then who said what, figures and entities across the story. One shape for
 * the CLI's --json and the JSON API.
 */
import { mergeStoryEntities, mergeStoryQuotes, type StoryQuote } from '../analyse/story-merge.js';
import type { ArticleRecord, StoryDetail, StorySummary } from '../store/store.js';
import type { Figure } from '../model/index.js';

export interface ArticleBrief {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
  /** Detected language ("en", "fr"), null when unknown. */
  language: string | null;
}

export interface CopyBrief extends ArticleBrief {
  similarity: number | null;
  changes: ArticleRecord['changes'];
}

/** One quote across the story: every outlet that carried it, its variants, who carried it first. */
export type StoryQuoteView = StoryQuote;

export interface StoryView extends StorySummary {
  events: Array<{
    id: number;
    title: string;
    start: string | null;
    end: string | null;
    articles: Array<ArticleBrief & { copies: CopyBrief[] }>;
  }>;
  outlets: Array<{ source: string; articles: number; first: string | null }>;
  quotes: StoryQuoteView[];
  figures: Array<Pick<Figure, 'text' | 'value' | 'unit' | 'precision' | 'low' | 'high'> & { articleId: number; source: string | null; eventId: number | null }>;
  entities: Array<{ name: string; type: string; aliases: string[]; mentions: number; articles: number }>;
}

const brief = (a: ArticleRecord): ArticleBrief => ({ id: a.id, title: a.title, source: a.source, published: a.published, url: a.url, language: a.language });


export function buildStoryView(detail: StoryDetail): StoryView {
  const byId = new Map(detail.articles.map((a) => [a.id, a]));
  const copies = new Map<number, CopyBrief[]>();
  for (const article of detail.articles) {
    if (article.duplicateOf === null) continue;
    const list = copies.get(article.duplicateOf) ?? [];
    list.push({ ...brief(article), similarity: article.similarity, changes: article.changes });
    copies.set(article.duplicateOf, list);
  }
  const byEvent = new Map<number | null, Array<ArticleBrief & { copies: CopyBrief[] }>>();
  for (const a of detail.articles) {
    if (a.duplicateOf !== null && byId.has(a.duplicateOf)) continue;
    const list = byEvent.get(a.eventId) ?? [];
    list.push({ ...brief(a), copies: copies.get(a.id) ?? [] });
    byEvent.set(a.eventId, list);
  }
  const events = detail.events.map((event) => ({
    id: event.id,
    title: event.title,
    start: event.start,
    end: event.end,
    articles: byEvent.get(event.id) ?? [],
  }));

  const outlets = new Map<string, { source: string; articles: number; first: string | null }>();
  for (const article of detail.articles) {
    const source = article.source ?? 'unknown outlet';
    const entry = outlets.get(source) ?? { source, articles: 0, first: null };
    entry.articles++;
    const when = article.published ?? article.seenAt;
    if (!entry.first || when < entry.first) entry.first = when;
    outlets.set(source, entry);
  }

  const figures: StoryView['figures'] = [];
  const mentions = new Map<string, number>();
  for (const rows of detail.analyses) {
    const article = byId.get(rows.articleId);
    if (!article) continue;
    for (const figure of rows.figures) {
      const { text, value, unit, precision, low, high } = figure;
      figures.push({ text, value, unit, precision, low, high, articleId: article.id, source: article.source, eventId: article.eventId });
    }
    for (const mention of rows.entities) mentions.set(mention.name, (mentions.get(mention.name) ?? 0) + 1);
  }

  // Aliases merged across the story ("Starmer" in one article, "Keir Starmer" in another).
  const speakers = new Set(detail.analyses.flatMap((rows) => rows.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))));
  const entities = mergeStoryEntities(detail.analyses.map((rows) => ({ articleId: rows.articleId, entities: rows.entities })), { speakers });
  const canonical = new Map<string, string>();
  for (const entity of entities) for (const alias of [entity.name, ...entity.aliases]) canonical.set(alias, entity.name);

  // When the article was first carried: its publish date where known, else when it was seen.
  const quotes = mergeStoryQuotes(
    detail.analyses.flatMap((rows) => {
      const article = byId.get(rows.articleId);
      if (!article) return [];
      const quotesOf = rows.quotes.map((q) => ({ ...q, speaker: q.speaker ? canonical.get(q.speaker) ?? q.speaker : null }));
      return [{ articleId: article.id, source: article.source, published: article.published, seenAt: article.published ?? article.seenAt, quotes: quotesOf }];
    }),
  );

  return {
    ...detail.story,
    events,
    outlets: [...outlets.values()].sort((a, b) => b.articles - a.articles || a.source.localeCompare(b.source)),
    quotes: quotes.sort((a, b) => b.sources.length - a.sources.length),
    figures,
    entities: entities
      .map((e) => ({
        name: e.name,
        type: e.type,
        aliases: e.aliases,
        mentions: [e.name, ...e.aliases].reduce((sum, alias) => sum + (mentions.get(alias) ?? 0), 0),
        articles: e.articleIds.length,
      }))
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions),
  };
}
