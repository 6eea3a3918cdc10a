/** @module The analysis the pipeline runs by default, built once per thread. */
import { emptyAnalysis } from '../model/index.js';
import type { Analyse } from './process-document.js';

export function createDefaultAnalyse(): Analyse {
  return () => emptyAnalysis();
}
