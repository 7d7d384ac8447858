/** `jixiao restore FILE`: a snapshot into a new or empty database (never over existing data). */
import { messages } from '../../i18n/index.ts';
import { restoreSnapshot, RestoreError } from '../../store/backup.ts';
import { openStore } from '../../store/database.ts';
import { DataDirBusyError, lockDataDir } from '../../store/data-dir-lock.ts';
import type { TargetOptions } from './admin-target.ts';

export async function runRestore(file: string, o: TargetOptions): Promise<void> {
  const m = messages().server.commands;
  let release = () => {};
  try {
    if (!o.databaseUrl) release = lockDataDir(o.data);
  } catch (e) {
    if (e instanceof DataDirBusyError) {
      console.error(m.restoreWhileServing);
      process.exit(2);
    }
    throw e;
  }
  const store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.data });
  try {
    console.log(m.restoreDone(file, await restoreSnapshot(store.db, file)));
  } catch (e) {
    if (!(e instanceof RestoreError)) throw e;
    console.error(
      e.reason === 'not-empty'
        ? m.restoreNotEmpty
        : e.reason === 'newer-schema'
          ? m.restoreNewerSchema(e.message)
          : m.restoreBadFile(file, e.message),
    );
    process.exitCode = 2;
  } finally {
    await store.close();
    release();
  }
}
