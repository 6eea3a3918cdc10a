/**
 * @module analyseArticle: tokens -> entities -> quotes (which need entities for speakers: the rules'
 * mentions; the article's entity list comes from the tagger over them);
 * dates before figures (numbers inside dates are not figures).
 * Analysis.dates holds points and periods in time (dates, times, sets); durations such as
 * "three days" are reported as figures (3 "days") instead.
 */
import { isOtherLanguage } from '../language/codes.js';
import type { Analysis, DateMention, EntityMention, Quote } from '../model/analysis.js';
import type { AnalysisContext } from './analysis-context.js';
import { findTimeExpressions } from './dates.js';
import { findEntityMentions } from './entities.js';
import { findFigures } from './figures.js';
import { analyseOtherLanguage, readsLanguage } from './other-languages.js';
import { findQuotes } from './quotes.js';
import { tokenize } from './text-tokens.js';

export interface ArticleInput {
  text: string;
  /** Publish date (ISO); relative dates resolve against it, and stay null without it. */
  published: string | null;
  language?: string | null;
}

/** Analyses one article: quotes with speakers, entities, figures and dates, with offsets into text. */
export function analyseArticle(input: ArticleInput, context: AnalysisContext): Analysis {
  const { text } = input;
  if (isOtherLanguage(input.language)) {
    // Another language: who said what, people and places, some figures and dates, where it is one of the languages read.
    return readsLanguage(input.language) ? analyseOtherLanguage(text, input.language, input.published, context.gazetteer) : { quotes: [], entities: [], figures: [], dates: [] };
  }
  const doc = tokenize(text);
  // Entities from the tagger; the quote finder keeps the rules' spans, which its speaker cues are tuned to.
  const { mentions, rules } = findEntityMentions(doc, context.gazetteer, context.entityTagger);
  const entities: EntityMention[] = mentions.map(({ text: t, start, end, type, name }) => ({ text: t, start, end, type, name }));
  const quotes: Quote[] = findQuotes(doc, rules).map(({ text: t, start, end, direct, speaker, speakerStart, speakerEnd, attribution }) => ({
    text: t, start, end, direct, speaker, speakerStart, speakerEnd, ...(attribution ? { attribution } : {}),
  }));
  const times = findTimeExpressions(text, input.published, { chrono: context.chrono });
  const dates: DateMention[] = times
    .filter((t) => t.kind !== 'duration')
    .map(({ text: t, start, end, value }) => ({ text: t, start, end, value }));
  const figures = findFigures(text, dates);
  return { quotes, entities, figures, dates };
}

export { createAnalysisContext, type AnalysisContext } from './analysis-context.js';
export { mergeStoryEntities, mergeStoryQuotes, type StoryQuote, type StoryEntity, type StoryQuoteInput } from './story-merge.js';
