/** @module `storyline eval quotes`: runs eval/quotes/polnear.ts (tables, worst cases, floors). */

/** eval/ lies outside src/ (the build's rootDir), so the harness is loaded at run time (tsx maps .js to .ts). */
export async function run(argv: string[]): Promise<number> {
  const harness = (await import(new URL('../../../eval/quotes/polnear.js', import.meta.url).href)) as { run: (args: string[]) => Promise<number> };
  return harness.run(argv);
}
