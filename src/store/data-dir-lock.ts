/**
 * One process at a time owns an embedded data directory (PGlite cannot share it). The owner
 * writes its pid to `jixiao.pid`, with the process's identity where the system gives one: on Linux
 * the boot and the start time of the process (/proc/<pid>/stat), which no later process with the
 * same pid shares. A pid file whose process is gone (a crash, SIGKILL), is a zombie, or whose pid
 * now names another process is stale and taken over; a live owner always keeps the directory.
 * Node has no flock, and a native module for it would have to be built on every machine, so the
 * pid file with its identity is the lock. Other commands that find the directory owned ask the
 * owner over its control socket.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pidFile = (dataDir: string) => join(dataDir, 'jixiao.pid');
export const controlSocket = (dataDir: string) => join(dataDir, 'control.sock');

type Liveness = { alive: false } | { alive: true; identity: string | undefined };

const readOptional = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Whether the pid names a running process and, on Linux, who it is: the boot and its start time in
 * clock ticks since boot. A zombie has exited and owns nothing, though the pid still answers a signal.
 */
function liveness(pid: number): Liveness {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    // No entry where /proc lists processes: gone. No /proc (not Linux), or one hiding other users' processes: only a signal can tell.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self/stat') ? { alive: false } : signalled(pid);
  }
  // The command name (field 2) may hold spaces and parentheses: the fields after it follow its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  if (state === 'Z' || state === 'X' || state === 'x') return { alive: false };
  const boot = readOptional('/proc/sys/kernel/random/boot_id')?.trim() ?? '';
  return { alive: true, identity: `${boot}/${fields[19]}` };
}

function signalled(pid: number): Liveness {
  try {
    process.kill(pid, 0);
    return { alive: true, identity: undefined };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? { alive: true, identity: undefined } : { alive: false };
  }
}

function readPidFile(dataDir: string): { pid: number; identity: string | undefined; text: string } | undefined {
  const text = readOptional(pidFile(dataDir));
  if (text === undefined) return undefined;
  const [pid, identity] = text.trim().split('\n');
  return { pid: Number(pid), identity: identity?.trim() || undefined, text };
}

/** The pid of the live process owning the directory, if any. */
export function dataDirOwner(dataDir: string): number | undefined {
  const file = readPidFile(dataDir);
  if (file === undefined) return undefined;
  const { pid, identity } = file;
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  const now = liveness(pid);
  if (!now.alive) return undefined;
  // A file written without an identity (another system, an older jixiao) can only be judged by the pid.
  return identity === undefined || now.identity === undefined || identity === now.identity ? pid : undefined;
}

export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`data directory ${dataDir} is in use by pid ${pid}`);
  }
}

/** Takes the directory for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const self = liveness(process.pid);
  const content = self.alive && self.identity !== undefined ? `${process.pid}\n${self.identity}\n` : `${process.pid}\n`;
  // Created exclusively, so that of two processes starting together only one takes a free directory.
  for (;;) {
    try {
      writeFileSync(pidFile(dataDir), content, { mode: 0o600, flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const stale = readPidFile(dataDir);
    const owner = dataDirOwner(dataDir);
    if (owner !== undefined) throw new DataDirBusyError(dataDir, owner);
    // Removed only while it still holds what was judged stale: another process may have just taken over.
    if (stale !== undefined && readOptional(pidFile(dataDir)) === stale.text) rmSync(pidFile(dataDir), { force: true });
  }
  return () => {
    if (readOptional(pidFile(dataDir)) === content) rmSync(pidFile(dataDir), { force: true });
  };
}
