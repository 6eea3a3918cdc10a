/** @module The types passed between stages: RawDocument -> Article -> Analysis -> Placement. */
export type * from './raw-document.js';
export { documentLabel } from './raw-document.js';
export type * from './article.js';
export type * from './analysis.js';
export type * from './grouping.js';
export { emptyAnalysis } from './analysis.js';
