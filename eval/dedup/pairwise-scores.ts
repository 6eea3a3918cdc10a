/**
 * @module Pairwise precision, recall and F1 of a partition against gold groups (a pair is positive
 * when both items are in one group), and the Adjusted Rand Index (Hubert & Arabie 1985).
 */

export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  ari: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

export function pairwiseScores(predicted: ArrayLike<number>, gold: ArrayLike<number>): PairwiseScores {
  const n = predicted.length;
  const both = new Map<string, number>();
  const pred = new Map<number, number>();
  const truth = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${predicted[i]}:${gold[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
    pred.set(predicted[i]!, (pred.get(predicted[i]!) ?? 0) + 1);
    truth.set(gold[i]!, (truth.get(gold[i]!) ?? 0) + 1);
  }
  let tp = 0;
  for (const c of both.values()) tp += pairs(c);
  let predPairs = 0;
  for (const c of pred.values()) predPairs += pairs(c);
  let goldPairs = 0;
  for (const c of truth.values()) goldPairs += pairs(c);
  const precision = predPairs === 0 ? 1 : tp / predPairs;
  const recall = goldPairs === 0 ? 1 : tp / goldPairs;
  const expected = (predPairs * goldPairs) / pairs(n);
  const max = (predPairs + goldPairs) / 2;
  const ari = max === expected ? 1 : (tp - expected) / (max - expected);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), ari };
}
