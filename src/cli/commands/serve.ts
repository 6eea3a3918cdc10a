/**
 * @module `storyline serve [--db FILE] [--port N] [--host H] [--poll] [--every 30m] [--reader-login
 * EMAIL:PASSWORD]`: the web interface and JSON API; with `--poll`, the subscribed feeds are
 * fetched while it runs; with a reader login, reader apps read it through the Google Reader or Fever API;
 * behind a reverse proxy, `--public-url` is the address readers reach it at.
 */
import { parseArgs } from 'node:util';
import { publicOrigin } from '../../server/public-origin.js';
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
      'public-url': { type: 'string' },
    },
  });
  const readerLogin = values['reader-login'] ?? process.env.STORYLINE_READER_LOGIN;
  const port = Number(values.port);
  const every = parseInterval(values.every);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || every === null || (readerLogin !== undefined && !/^[^:]+:.+$/.test(readerLogin))) {
    console.error('Usage: storyline serve [--db FILE] [--port N] [--host H] [--poll] [--every 30m] [--reader-login EMAIL:PASSWORD] [--public-url URL]');
    return 2;
  }
  const publicUrl = values['public-url'] ?? process.env.STORYLINE_PUBLIC_URL;
  const reached = publicUrl === undefined ? null : publicOrigin(publicUrl);
  if (reached !== null && 'error' in reached) {
    console.error(`error: --public-url: ${reached.error}`);
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
    publicOrigin: reached?.origin,
  });
  // Where readers open it: the public address behind a proxy, else where it listens.
  const url = reached?.origin ?? server.url;
  console.log(`Storyline is serving ${storeName(values.db)} at ${server.url}/${reached ? `, reached at ${url}/` : ''}`);
  if (values.poll) console.log(`Fetching the subscribed feeds every ${values.every} (see ${url}/feeds).`);
  if (readerLogin) console.log(`Reader apps: add a FreshRSS / Google Reader account at ${url} (or a Fever account at ${url}/fever/) with the reader login's e-mail and password.`);
  if (server.token) console.log(`Access token required; open ${url}/?token=${server.token}\n(or send "Authorization: Bearer ${server.token}")`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await store.close();
  return 0;
}
