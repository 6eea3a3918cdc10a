/**
 * @module A story's quotes grouped by who said them, most quoted speaker first; quotes without a
 * named speaker come last, under "Sources not named" (each with how its articles describe the
 * source, when they do: "a source close to the president").
 */
import type { StoryQuoteView } from '../views/story-view.js';

export interface SpeakerQuotes {
  speaker: string | null;
  quotes: StoryQuoteView[];
  /** Articles carrying any of this speaker's quotes. */
  articles: number;
}

export function groupQuotesBySpeaker(quotes: readonly StoryQuoteView[]): SpeakerQuotes[] {
  const groups = new Map<string | null, StoryQuoteView[]>();
  for (const quote of quotes) groups.set(quote.speaker, [...(groups.get(quote.speaker) ?? []), quote]);
  return [...groups]
    .map(([speaker, list]) => ({
      speaker,
      quotes: [...list].sort((a, b) => b.sources.length - a.sources.length),
      articles: new Set(list.flatMap((q) => q.sources.map((s) => s.articleId))).size,
    }))
    .sort((a, b) => Number(a.speaker === null) - Number(b.speaker === null) || b.articles - a.articles || (a.speaker ?? '').localeCompare(b.speaker ?? ''));
}
