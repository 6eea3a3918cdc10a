/** @module `storyline serve [--db FILE] [--port N] [--host H]`: the web interface and JSON API. */
import { parseArgs } from 'node:util';
import { startServer } from '../../server/start-server.js';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...dbOption, port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, token: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Usage: storyline serve [--db FILE] [--port N] [--host H]');
    return 2;
  }
  const store = openStore(values.db);
  const server = await startServer({ store, dbFile: values.db, port, host: values.host, token: values.token ?? process.env.STORYLINE_TOKEN });
  console.log(`Storyline is serving ${values.db} at ${server.url}/`);
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
