/**
 * @module B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin
 * 1998): per item, the share of its predicted cluster that shares its gold label (precision) and the
 * share of its gold cluster that shares its predicted cluster (recall), averaged over items; F1 is
 * the harmonic mean of the two averages.
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

export function bCubed(predicted: ArrayLike<string | number>, gold: ArrayLike<string | number>): BCubed {
  const n = predicted.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0 };
  const pair = new Map<string, number>();
  const predSize = new Map<string | number, number>();
  const goldSize = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${predicted[i]}\u0000${gold[i]}`;
    pair.set(key, (pair.get(key) ?? 0) + 1);
    predSize.set(predicted[i]!, (predSize.get(predicted[i]!) ?? 0) + 1);
    goldSize.set(gold[i]!, (goldSize.get(gold[i]!) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = pair.get(`${predicted[i]}\u0000${gold[i]}`)!;
    p += both / predSize.get(predicted[i]!)!;
    r += both / goldSize.get(gold[i]!)!;
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
