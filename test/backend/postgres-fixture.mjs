/**
 * A throwaway PostgreSQL cluster for a test: initdb in a temp folder, a free port on 127.0.0.1,
 * trust auth, stopped and removed afterwards. As root (Postgres refuses to run as root) it runs as
 * the `postgres` user. With DATABASE_URL, the server it names instead. Answers `skip`, with the
 * reason, when there is neither.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function which(command) {
  try {
    return (await run('sh', ['-c', `command -v ${command}`])).stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * A server CI started (`.ci/run` sets DATABASE_URL): each suite gets databases of its own on it,
 * made afresh, so a second run starts clean too.
 */
async function onServer(databaseUrl) {
  const { default: postgres } = await import('postgres');
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const urlOf = (name) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    return url.href;
  };
  const fresh = async (name) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    return urlOf(name);
  };
  return {
    databaseUrl: await fresh(`backend_suite_${process.pid}`),
    createDatabase: (name) => fresh(`${name}_${process.pid}`),
    stop: () => admin.end(),
  };
}

export async function startPostgres() {
  if (process.env.DATABASE_URL) return onServer(process.env.DATABASE_URL);
  const initdb = await which('initdb');
  const pgCtl = await which('pg_ctl');
  if (!initdb || !pgCtl) return { skip: 'initdb/pg_ctl not found: install PostgreSQL (Debian: apt-get install postgresql) to run the backend suite on a server' };
  const asRoot = process.getuid?.() === 0;
  const as = (command, args) => (asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));
  const dir = await mkdtemp(join(tmpdir(), 'backend-pg-'));
  if (asRoot) {
    await chmod(dir, 0o777);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await as(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  await as(pgCtl, ['-D', data, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Another empty database on the same server: its URL. */
    createDatabase: async (name) => {
      await run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop: async () => {
      await as(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
