/**
 * @module The `storyline` command: one file per command in ./commands, dispatched by name.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  ingest: { summary: 'ingest <paths...> [--db FILE]       store articles from files, folders and web addresses', load: () => import('./commands/ingest.js') },
  stories: { summary: 'stories [--db FILE] [--json]        list stories, newest development first', load: () => import('./commands/stories.js') },
  story: { summary: 'story <id> [--db FILE] [--json]     one story: events, copies, quotes, figures', load: () => import('./commands/story.js') },
  follow: { summary: 'follow <story id...> [--db FILE]    follow stories; following says what is new', load: () => import('./commands/follow.js') },
  following: { summary: 'following [--peek] [--json]         what is new in the followed stories since last look', load: () => import('./commands/following.js') },
  alerts: { summary: 'alerts [add <URL> | remove | send | test] send developments of followed stories to webhooks', load: () => import('./commands/alerts.js') },
  unfollow: { summary: 'unfollow <story id...> [--db FILE]  stop following stories', load: () => import('./commands/unfollow.js') },
  merge: { summary: 'merge <story id...> --into <id>      merge stories by hand; what arrives next joins them', load: () => import('./commands/merge.js') },
  'move-event': { summary: 'move-event <event id> [--to <id>]   move an event to another story, or one of its own', load: () => import('./commands/move-event.js') },
  subscribe: { summary: 'subscribe <URL...> [--db FILE]      add a feed (or the feed a site announces)', load: () => import('./commands/subscribe.js') },
  fetch: { summary: 'fetch [--db FILE] [--all]           fetch the subscribed feeds that are due', load: () => import('./commands/fetch.js') },
  feeds: { summary: 'feeds [--db FILE] [--json]          subscribed feeds: last fetch, what it brought, next', load: () => import('./commands/feeds.js') },
  unsubscribe: { summary: 'unsubscribe <URL...> [--db FILE]    stop fetching a feed (its articles stay)', load: () => import('./commands/unsubscribe.js') },
  export: { summary: 'export [--db FILE] --format F       the whole analysis as JSON, a table as CSV, the feeds as OPML', load: () => import('./commands/export.js') },
  extract: { summary: 'extract <files...> --jsonl          extraction only, no store (files or web addresses)', load: () => import('./commands/extract.js') },
  serve: { summary: 'serve [--db FILE] [--port N]        the web interface, JSON API and reader APIs (--poll: fetch feeds too)', load: () => import('./commands/serve.js') },
  quotes: { summary: 'quotes <files...> --jsonl           who said what, entities, figures, dates; no store', load: () => import('./commands/quotes.js') },
  reanalyse: { summary: 'reanalyse [--db FILE]               analyse stored articles again with this version', load: () => import('./commands/reanalyse.js') },
  eval: { summary: 'eval <name|all>                     quality evaluations on ../shared/data', load: () => import('./commands/eval.js') },
  demo: { summary: 'demo [--db FILE]                    ingest the sample corpus and show its stories', load: () => import('./commands/demo.js') },
};

const usage = (): string =>
  [
    'Usage: storyline <command> [options]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.summary}`),
    '',
    'The store: --db FILE (a SQLite file; storyline.db, or STORYLINE_DB) or --db postgres://user@host/database.',
  ].join('\n');

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`storyline: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

/**
 * Runs the command and sets the exit code. If the event loop ever empties while the command is
 * still awaiting something, it says so and fails rather than exit 0 with half the work done.
 */
export function runCli(argv: string[]): void {
  let finished = false;
  process.on('exit', () => {
    if (!finished) {
      console.error('storyline: stopped before the command finished (internal error)');
      process.exitCode = 1;
    }
  });
  main(argv).then(
    (code) => {
      finished = true;
      process.exitCode = code;
    },
    (error: unknown) => {
      finished = true;
      console.error(`storyline: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

/** Run directly (`node --import tsx src/cli/main.ts ...`), not only through bin/storyline.js. */
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) runCli(process.argv.slice(2));
