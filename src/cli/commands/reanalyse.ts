/** @module `storyline reanalyse [--db FILE]`: every stored article analysed again with this version's analysis. */
import { parseArgs } from 'node:util';
import { createDefaultAnalyse } from '../../pipeline/default-analyse.js';
import { reanalyseStore } from '../../pipeline/reanalyse.js';
import { dbOption, openStore } from '../options.js';
import { createProgress } from '../progress.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...dbOption } });
  const store = openStore(values.db, 'existing');
  try {
    const { articles: total } = await store.counts();
    const progress = createProgress({ total, unit: 'articles re-analysed' });
    const summary = await reanalyseStore(store, createDefaultAnalyse(), { onProgress: (done) => progress.update(done, done) });
    progress.finish();
    console.log(
      `re-analysed ${summary.articles} articles: ${summary.quotes} quotes (${summary.namedSpeakers} with a named speaker), ` +
        `${summary.entities} entity mentions, ${summary.figures} figures, ${summary.dates} dates; folding, events and stories unchanged`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
