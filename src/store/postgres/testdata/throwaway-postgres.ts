/**
 * @module A PostgreSQL server of its own, for tests and benchmarks: a new cluster in a temporary
 * folder, reached only through a Unix socket there, removed when stopped. It needs the server's
 * programs (Debian: `apt-get install postgresql`); as root it runs them as the `postgres` user,
 * since PostgreSQL refuses to run as root. With `STORYLINE_TEST_POSTGRES` set (a postgres:// URL
 * of a role that may create databases), new databases are made on that server instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
  /** A postgres:// URL of an empty database. */
  url: string;
  /** A URL of another new, empty database on the same server. */
  newDatabase(): Promise<string>;
  /** The server's main process (its backends are its children), or null for a server not its own. */
  pid(): number | null;
  stop(): Promise<void>;
}

/** The folder holding initdb and postgres (the newest installed version), or null. */
export function postgresPrograms(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? found.slice(0, found.lastIndexOf('/')) : null;
}

/** Why no throwaway server can be had here, or null when one can. */
export function postgresMissing(): string | null {
  if (process.env.STORYLINE_TEST_POSTGRES) return null;
  if (postgresPrograms() === null) return 'PostgreSQL is not installed (Debian: apt-get install postgresql), and STORYLINE_TEST_POSTGRES is not set';
  if (process.getuid?.() === 0 && userId('postgres') === null) return "running as root, and there is no 'postgres' user to run PostgreSQL as";
  return null;
}

function userId(name: string): number | null {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  return out.status === 0 ? Number(out.stdout.trim()) : null;
}

let databases = 0;

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts a server of its own (or uses STORYLINE_TEST_POSTGRES). `durable: false` turns fsync off,
 * for tests; benchmarks keep it on. Commits are not waited for on disk either way
 * (synchronous_commit off), as the SQLite store's WAL with synchronous=NORMAL does not wait.
 */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const given = process.env.STORYLINE_TEST_POSTGRES;
  if (given) return onServer(given, () => null, async () => {});
  const missing = postgresMissing();
  if (missing) throw new Error(missing);
  const bin = postgresPrograms()!;
  const folder = mkdtempSync(join(tmpdir(), 'storyline-pg-'));
  const asUser: string[] = [];
  if (process.getuid?.() === 0) {
    const uid = userId('postgres')!;
    chownSync(folder, uid, uid);
    asUser.push('runuser', '-u', 'postgres', '--');
  }
  const run = (program: string, args: string[]): string[] => [...asUser, join(bin, program), ...args];
  const data = join(folder, 'data');
  const [initProgram, ...initArgs] = run('initdb', ['-D', data, '-A', 'trust', '-U', 'storyline', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initProgram!, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const settings = ['listen_addresses=', `unix_socket_directories=${folder}`, 'synchronous_commit=off', `fsync=${options.durable === false ? 'off' : 'on'}`, 'max_connections=40'];
  if (process.env.STORYLINE_PG_EXTRA) settings.push(process.env.STORYLINE_PG_EXTRA);
  const [program, ...args] = run('postgres', ['-D', data, '-p', '5432', ...settings.flatMap((s) => ['-c', s])]);
  const server: ChildProcess = spawn(program!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const adminUrl = `postgresql://storyline@${encodeURIComponent(folder)}:5432/postgres`;
  // The postmaster is stopped through its pid file (runuser does not pass signals on), also when
  // this process ends without stopping it.
  const postmaster = (): number | null => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  };
  const kill = (): void => {
    const pid = postmaster();
    if (pid) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
  };
  const cleanUp = (): void => {
    kill();
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', cleanUp);
    if (server.exitCode === null) {
      kill();
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const probe = new pg.Client({ connectionString: adminUrl });
      await probe.connect();
      await probe.end();
      break;
    } catch (error) {
      if (server.exitCode !== null || attempt > 200) {
        await stop();
        throw new Error(`PostgreSQL did not start: ${log || (error as Error).message}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return onServer(adminUrl, postmaster, stop);
}

/** New databases on the server `adminUrl` reaches. */
async function onServer(adminUrl: string, pid: () => number | null, stop: () => Promise<void>): Promise<ThrowawayPostgres> {
  const newDatabase = async (): Promise<string> => {
    const name = `storyline_${process.pid}_${++databases}`;
    await createDatabase(adminUrl, name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return { url: await newDatabase(), newDatabase, pid, stop };
}
