/** @module Placeholder until the extraction evaluation lands: says so and fails. */
export async function run(): Promise<number> {
  console.error('storyline eval extraction: not available in this build');
  return 1;
}
