/**
 * @module `storyline eval <name|all> [options]`: the quality evaluations on ../shared/data, each
 * printing its table and worst cases and failing when a score drops under its floor.
 */
type Harness = { run(argv: string[]): Promise<number> };

const evaluations: Record<string, { summary: string; load: () => Promise<Harness> }> = {
  extraction: { summary: 'HTML and flattened-text extraction (Scrapinghub, WCXB)', load: () => import('./eval-extraction.js') },
  dedup: { summary: 'copy folding on a generated syndication corpus', load: () => import('./eval-dedup.js') },
  clustering: { summary: 'story clustering on UCI news headlines (B-cubed), and the seeds', load: () => import('./eval-clustering.js') },
  quotes: { summary: 'direct-quote spans and quote->speaker on PolNeAR dev', load: () => import('./eval-quotes.js') },
  entities: { summary: 'people, organisations, places on MEANTIME', load: () => import('./eval-entities.js') },
  dates: { summary: 'time expressions on TempEval-3 (relaxed span F1, value F1)', load: () => import('./eval-dates.js') },
};

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'all') {
    let worst = 0;
    for (const [evalName, evaluation] of Object.entries(evaluations)) {
      console.log(`\n=== eval ${evalName}: ${evaluation.summary}\n`);
      worst = Math.max(worst, await (await evaluation.load()).run(rest));
    }
    return worst;
  }
  const evaluation = name ? evaluations[name] : undefined;
  if (!evaluation) {
    console.error(['Usage: storyline eval <name|all> [options]', '', ...Object.entries(evaluations).map(([n, e]) => `  ${n.padEnd(11)} ${e.summary}`)].join('\n'));
    return 2;
  }
  return (await evaluation.load()).run(rest);
}
