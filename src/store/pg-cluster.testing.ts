/**
 * A throw-away PostgreSQL cluster from Debian's binaries, as scripts/ci-postgres.sh makes one, for
 * the province benchmark and for the suites about servers when no server is given: initdb in a
 * temporary folder (as the postgres user when run as root, since initdb refuses root), started on a
 * free loopback port, with a streaming replica of it when asked; `stop` removes both.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  url: string;
  /** The streaming replica's URL, when one was asked for. */
  replicaUrl?: string;
  /** Where the cluster's folder is (its data, log and socket), for the benchmark's other files too. */
  dir: string;
  stop(): void;
}

const PG_ROOT = '/usr/lib/postgresql';

function pgBin(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL under ${PG_ROOT}: install Debian's postgresql (apt-get install postgresql)`);
  return join(PG_ROOT, versions.at(-1)!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function startCluster(settings: Record<string, string> = {}, options: { replica?: boolean } = {}): Promise<Cluster> {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pg-'));
  const root = process.getuid?.() === 0;
  // initdb refuses root: the postgres user Debian's package creates runs the cluster then.
  const run = (program: string, args: string[]) =>
    root
      ? execFileSync('su', ['postgres', '-c', [join(bin, program), ...args].map(quote).join(' ')], { stdio: 'pipe' })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' });
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const replica = join(dir, 'replica');
  const stop = () => {
    for (const folder of [replica, data]) {
      try {
        run('pg_ctl', ['-D', folder, '-m', 'immediate', 'stop']);
      } catch {
        // Not made, not started, or already stopped: the folder goes anyway.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const start = async (folder: string, log: string) => {
    const port = await freePort();
    const o = Object.entries({
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      max_connections: '200',
      ...settings,
    })
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    run('pg_ctl', ['-D', folder, '-l', join(dir, log), '-w', '-o', o, 'start']);
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const url = await start(data, 'log');
    if (!options.replica) return { url, dir, stop };
    // initdb's pg_hba.conf lets loopback connect for replication too; -R makes the copy a hot standby streaming from it.
    const { port } = new URL(url);
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-D', replica, '-R', '-X', 'stream', '-c', 'fast']);
    return { url, replicaUrl: await start(replica, 'replica.log'), dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
