/**
 * @module The story as people read it: events in time order, each with its original articles and
 * their folded copies, then who said what, figures and entities across the story. One shape for
 * the CLI's --json and the JSON API.
 */
import type { Quote } from '../model/index.js';
import type { ArticleRecord, StoryDetail, StorySummary } from '../store/store.js';

export interface ArticleBrief {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
}

export interface CopyBrief extends ArticleBrief {
  similarity: number | null;
  changes: ArticleRecord['changes'];
}

export interface StoryQuoteView {
  text: string;
  speaker: string | null;
  direct: boolean;
  sources: Array<{ articleId: number; source: string | null; published: string | null }>;
  variants: string[];
}

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
  figures: Array<{ text: string; value: number; unit: string; articleId: number; source: string | null }>;
  entities: Array<{ name: string; type: string; mentions: number; articles: number }>;
}

const brief = (a: ArticleRecord): ArticleBrief => ({ id: a.id, title: a.title, source: a.source, published: a.published, url: a.url });

const quoteKey = (quote: Quote): string => `${quote.speaker ?? ''}\u0000${quote.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;

export function buildStoryView(detail: StoryDetail): StoryView {
  const byId = new Map(detail.articles.map((a) => [a.id, a]));
  const copies = new Map<number, CopyBrief[]>();
  for (const article of detail.articles) {
    if (article.duplicateOf === null) continue;
    const list = copies.get(article.duplicateOf) ?? [];
    list.push({ ...brief(article), similarity: article.similarity, changes: article.changes });
    copies.set(article.duplicateOf, list);
  }
  const events = detail.events.map((event) => ({
    id: event.id,
    title: event.title,
    start: event.start,
    end: event.end,
    articles: detail.articles
      .filter((a) => a.eventId === event.id && (a.duplicateOf === null || !byId.has(a.duplicateOf)))
      .map((a) => ({ ...brief(a), copies: copies.get(a.id) ?? [] })),
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

  const quotes = new Map<string, StoryQuoteView>();
  const figures: StoryView['figures'] = [];
  const entities = new Map<string, { name: string; type: string; mentions: number; articles: Set<number> }>();
  for (const rows of detail.analyses) {
    const article = byId.get(rows.articleId);
    if (!article) continue;
    for (const quote of rows.quotes) {
      const key = quoteKey(quote);
      const entry = quotes.get(key) ?? { text: quote.text, speaker: quote.speaker, direct: quote.direct, sources: [], variants: [] };
      entry.sources.push({ articleId: article.id, source: article.source, published: article.published });
      if (!entry.variants.includes(quote.text)) entry.variants.push(quote.text);
      quotes.set(key, entry);
    }
    for (const figure of rows.figures) {
      figures.push({ text: figure.text, value: figure.value, unit: figure.unit, articleId: article.id, source: article.source });
    }
    for (const mention of rows.entities) {
      const key = `${mention.type}\u0000${mention.name}`;
      const entry = entities.get(key) ?? { name: mention.name, type: mention.type, mentions: 0, articles: new Set<number>() };
      entry.mentions++;
      entry.articles.add(article.id);
      entities.set(key, entry);
    }
  }

  return {
    ...detail.story,
    events,
    outlets: [...outlets.values()].sort((a, b) => b.articles - a.articles || a.source.localeCompare(b.source)),
    quotes: [...quotes.values()].sort((a, b) => b.sources.length - a.sources.length),
    figures,
    entities: [...entities.values()]
      .map((e) => ({ name: e.name, type: e.type, mentions: e.mentions, articles: e.articles.size }))
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions),
  };
}
