/**
 * @module The analysis context: everything expensive to build (gazetteer, chrono-node, the
 * wink-nlp pipeline) made once and passed to every analyseArticle call.
 */
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { defaultTagger } from './entities.js';
import type { EntityTagger } from './entity-tagger.js';

export interface AnalysisContext {
  gazetteer: Gazetteer;
  /** chrono-node narrowed to its calendar parsers (month names, ISO, numeric dates): 7x faster
   * on candidate spans than the casual parser; weekdays and relative words are resolved by tense here. */
  chrono: chrono.Chrono;
  /** The entity tagger (src/analyse/entity-model.json), or null for the rules alone. */
  entityTagger: EntityTagger | null;
  /** wink-nlp with sentence boundaries only; used by evaluation baselines and benchmarks. */
  nlp: ReturnType<typeof winkNLP>;
}

export interface AnalysisContextOptions {
  /** Cities at least this populous count as places (default 100,000). */
  minCityPopulation?: number;
  /** Entity mentions from the trained tagger over the rules (default true), or the rules alone. */
  entityTagger?: boolean;
}

/** Builds the context once (about half a second, mostly decoding the city list). */
export function createAnalysisContext(options: AnalysisContextOptions = {}): AnalysisContext {
  return {
    gazetteer: loadGazetteer({ minCityPopulation: options.minCityPopulation ?? 100_000 }),
    chrono: calendarChrono(),
    entityTagger: options.entityTagger === false ? null : defaultTagger(),
    nlp: sentenceNlp(),
  };
}

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * wink-nlp with sentence boundaries, one per thread: the English model re-encodes its entity
 * machine on every load (its loader JSON-stringifies the string it stringified before), so a
 * process that loads it a few dozen times fails with "Invalid string length".
 */
function sentenceNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

const CALENDAR_PARSERS = /^(?:ENYearMonthDayParser|ISOFormatParser|SlashDateFormatParser|ENMonthNameLittleEndianParser|ENMonthNameMiddleEndianParser|ENYearMonthNameParser|ENMonthNameParser)$/;
const CALENDAR_REFINERS = /OverlapRemoval|ENExtractYearSuffix|UnlikelyFormat/;

/** A chrono-node instance with only the calendar-date parsers and the refiners they need. */
export function calendarChrono(): chrono.Chrono {
  const c = chrono.en.casual.clone();
  c.parsers = c.parsers.filter((p) => CALENDAR_PARSERS.test(p.constructor.name));
  c.refiners = c.refiners.filter((r) => CALENDAR_REFINERS.test(r.constructor.name));
  return c;
}
