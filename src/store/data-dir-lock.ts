/**
 * One process at a time owns an embedded data directory (PGlite cannot share it). The owner
 * writes its pid to `jixiao.pid`; a pid file whose process is gone (a crash, SIGKILL) is stale and
 * taken over. Other commands that find the directory owned ask the owner over its control socket.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const pidFile = (dataDir: string) => join(dataDir, 'jixiao.pid');
export const controlSocket = (dataDir: string) => join(dataDir, 'control.sock');

/** The pid of the live process owning the directory, if any. */
export function dataDirOwner(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
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
  const owner = dataDirOwner(dataDir);
  if (owner !== undefined) throw new DataDirBusyError(dataDir, owner);
  writeFileSync(pidFile(dataDir), String(process.pid), { mode: 0o600 });
  return () => {
    if (dataDirOwner(dataDir) === undefined) rmSync(pidFile(dataDir), { force: true });
  };
}
