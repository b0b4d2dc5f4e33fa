// Starts a throwaway PostgreSQL server on loopback: a temporary data folder, a free port, its socket in
// the data folder. Plain JavaScript so that the benchmark (bench/server.mjs) runs the same code as the tests.
//
// PostgreSQL refuses to run as root, so as root every command runs as the `postgres` user. The binaries
// are found in $PG_BIN, on PATH, or where Debian's `postgresql` package puts them (/usr/lib/postgresql/<v>/bin,
// not on PATH): scripts/bootstrap.sh installs that package when initdb is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL's server binaries are not installed. */
export function findPostgresBin() {
  const has = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (process.env.PG_BIN && has(process.env.PG_BIN)) return process.env.PG_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && has(dir)) return dir;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  return undefined;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL server. `durable: false` (the tests' default) turns fsync off, which a test that kills
 * the application (never the database) does not notice; the benchmark keeps PostgreSQL's durable defaults.
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = findPostgresBin();
  if (bin === undefined) {
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin: run scripts/bootstrap.sh, or install Debian\'s postgresql package, or set PG_BIN.');
  }
  const asRoot = process.getuid?.() === 0;
  const run = (command, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    const done = spawnSync(file, argv, { encoding: 'utf8', timeout: 120_000 });
    if (done.status !== 0) throw new Error(`${command} failed (${done.status ?? done.signal}): ${done.stderr || done.stdout}`);
    return done.stdout;
  };
  const dir = mkdtempSync(join(tmpdir(), 'mk-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200'];
    if (!durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    run('pg_ctl', ['-D', data, '-o', settings.join(' '), '-l', log, '-w', '-t', '60', 'start']);
    started = true;
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    let databases = 0;
    return {
      port,
      dataDir: data,
      url,
      async createDatabase(name = `mk_${process.pid}_${++databases}`) {
        const client = new pg.Client({ connectionString: url() });
        await client.connect();
        try {
          await client.query(`create database "${name}"`);
        } finally {
          await client.end();
        }
        return url(name);
      },
      log: () => (existsSync(log) ? readFileSync(log, 'utf8') : ''),
      async stop() {
        process.removeListener('exit', stop);
        stop();
      },
    };
  } catch (error) {
    process.removeListener('exit', stop);
    stop();
    throw error;
  }
}
