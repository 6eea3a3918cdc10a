/**
 * @module The analysis context: everything expensive to build (gazetteer, chrono-node, the
 * wink-nlp pipeline) made once and passed to every analyseArticle call.
 */
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';

export interface AnalysisContext {
  gazetteer: Gazetteer;
  chrono: typeof chrono;
  /** wink-nlp with sentence boundaries only; used by evaluation baselines and benchmarks. */
  nlp: ReturnType<typeof winkNLP>;
}

export interface AnalysisContextOptions {
  /** Cities at least this populous count as places (default 100,000). */
  minCityPopulation?: number;
}

/** Builds the context once (about half a second, mostly decoding the city list). */
export function createAnalysisContext(options: AnalysisContextOptions = {}): AnalysisContext {
  return {
    gazetteer: loadGazetteer({ minCityPopulation: options.minCityPopulation ?? 100_000 }),
    chrono,
    nlp: winkNLP(model, ['sbd']),
  };
}
