/**
 * @module `storyline serve [--db FILE] [--port N] [--host H] [--poll] [--every 30m] [--reader-login
 * EMAIL:PASSWORD]`: the web interface and JSON API; with `--poll`, the subscribed feeds are
 * fetched while it runs; with a reader login, reader apps read it through the Google Reader or Fever API.
 */
import { parseArgs } from 'node:util';
import { startServer } from '../../server/start-server.js';
import { parseInterval } from '../../sources/feed-schedule.js';
import { dbOption, openStore, storeName } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...dbOption,
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      poll: { type: 'boolean', default: false },
      every: { type: 'string', default: '30m' },
      'reader-login': { type: 'string' },
    },
  });
  const readerLogin = values['reader-login'] ?? process.env.STORYLINE_READER_LOGIN;
  const port = Number(values.port);
  const every = parseInterval(values.every);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || every === null || (readerLogin !== undefined && !/^[^:]+:.+$/.test(readerLogin))) {
    console.error('Usage: storyline serve [--db FILE] [--port N] [--host H] [--poll] [--every 30m] [--reader-login EMAIL:PASSWORD]');
    return 2;
  }
  const store = openStore(values.db);
  const server = await startServer({
    store,
    dbFile: values.db,
    port,
    host: values.host,
    token: values.token ?? process.env.STORYLINE_TOKEN,
    pollFeedsEveryMs: values.poll ? every : undefined,
    readerLogin,
  });
  console.log(`Storyline is serving ${storeName(values.db)} at ${server.url}/`);
  if (values.poll) console.log(`Fetching the subscribed feeds every ${values.every} (see ${server.url}/feeds).`);
  if (readerLogin) console.log(`Reader apps: add a FreshRSS / Google Reader account at ${server.url} (or a Fever account at ${server.url}/fever/) with the reader login's e-mail and password.`);
  if (server.token) console.log(`Access token required; open ${server.url}/?token=${server.token}\n(or send "Authorization: Bearer ${server.token}")`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await store.close();
  return 0;
}
