/**
 * Where an administrative command runs: directly on the database, or — when a server owns the
 * embedded data directory — through that server's control socket.
 */
import { messages } from '../../i18n/index.ts';
import { askServer, runControl, type ControlProgress, type ControlRequest, type ControlResponse } from '../../server/control.ts';
import { openStore, type Store } from '../../store/database.ts';
import { DataDirBusyError, dataDirOwner, lockDataDir } from '../../store/data-dir-lock.ts';

export interface TargetOptions {
  data: string;
  databaseUrl?: string;
}

export async function runAdmin(
  o: TargetOptions,
  request: ControlRequest,
  progress?: ControlProgress,
): Promise<{ response: ControlResponse; viaServer?: number }> {
  if (!o.databaseUrl) {
    const owner = dataDirOwner(o.data);
    if (owner !== undefined) return { response: await askServer(o.data, request, progress), viaServer: owner };
  }
  const release = o.databaseUrl ? () => {} : lockDataDir(o.data);
  const store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.data });
  try {
    return { response: await runControl(store, request, progress) };
  } finally {
    await store.close();
    release();
  }
}

/**
 * Runs `work` straight on the store (a command the control socket does not carry), or says `busy`
 * and exits 2 when a server holds the embedded data directory.
 */
export async function onStore(o: TargetOptions, busy: string, work: (store: Store) => Promise<number>): Promise<number> {
  let release = () => {};
  try {
    if (!o.databaseUrl) release = lockDataDir(o.data);
  } catch (e) {
    if (!(e instanceof DataDirBusyError)) throw e;
    process.stderr.write(`${busy}\n`);
    return 2;
  }
  const store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.data });
  try {
    return await work(store);
  } finally {
    await store.close();
    release();
  }
}

/** Prints a refused command's reason and exits 2. */
export function fail(response: Extract<ControlResponse, { ok: false }>): never {
  const m = messages().server.commands;
  const text = {
    'user-not-found': m.userNotFound,
    'unit-not-found': m.unitNotFound,
    'bureau-not-found': m.bureauNotFound,
    failed: (d: string) => d,
  }[response.error](response.detail);
  console.error(text);
  process.exit(2);
}
