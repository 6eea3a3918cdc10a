/** Types for the npm `minhash` package (0.0.9), which ships none; only what the benchmark calls. */
declare module 'minhash' {
  export class Minhash {
    constructor(config?: { numPerm?: number; seed?: number });
    update(value: string): void;
    jaccard(other: Minhash): number;
  }
}
