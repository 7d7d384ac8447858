/**
 * `jixiao library export` and `import`, straight on the database (not while a server owns the
 * embedded data directory). Export writes the library a bureau sees — its own entries in every
 * state, and those inherited from above and the national ones that are approved or retired — or,
 * without a bureau, the national library. Import reads the file all or nothing, then writes it in
 * one transaction, with a progress bar on a terminal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ImportError } from '../../formats/import-error.ts';
import { writeLibraryJson } from '../../formats/library/json.ts';
import { readLibrary } from '../../formats/library/read-library.ts';
import { writeLibraryXlsx } from '../../formats/library/xlsx.ts';
import { messages } from '../../i18n/index.ts';
import { systemActor } from '../../store/audit.ts';
import type { Store } from '../../store/database.ts';
import { exportableEntries } from '../../store/library/entries.ts';
import { importLibrary } from '../../store/library/import.ts';
import { startProgress } from '../progress.ts';
import { onStore, type TargetOptions } from './admin-target.ts';

export interface LibraryExportOptions extends TargetOptions {
  bureau?: string;
  format: 'json' | 'xlsx';
  out?: string;
}

export interface LibraryImportOptions extends TargetOptions {
  bureau?: string;
}

const say = (s: string) => process.stderr.write(`${s}\n`);

/** The bureau a code names (undefined: the national library), or null after saying there is none. */
async function bureauOf(store: Store, code: string | undefined): Promise<number | undefined | null> {
  if (code === undefined) return undefined;
  const b = await store.db.selectFrom('bureaus').select('id').where('code', '=', code).executeTakeFirst();
  if (b) return b.id;
  say(messages().library.command.unknownBureau(code));
  return null;
}

export async function runLibraryExport(o: LibraryExportOptions): Promise<number> {
  const m = messages().library.command;
  if (o.format === 'xlsx' && o.out === undefined) {
    say(m.xlsxNeedsOut);
    return 2;
  }
  return onStore(o, messages().library.command.whileServing, async (store) => {
    const bureauId = await bureauOf(store, o.bureau);
    if (bureauId === null) return 2;
    const entries =
      bureauId === undefined
        ? await exportableEntries(store.db, { all: true }, { owner: 'national' })
        : await exportableEntries(store.db, { reviewerBureauId: bureauId });
    const bytes = o.format === 'xlsx' ? await writeLibraryXlsx(entries) : writeLibraryJson(entries);
    if (o.out === undefined) process.stdout.write(bytes);
    else {
      await writeFile(o.out, bytes);
      say(m.exported(entries.length, o.out));
    }
    return 0;
  });
}

export async function runLibraryImport(file: string, o: LibraryImportOptions): Promise<number> {
  const m = messages().library.command;
  let entries: Awaited<ReturnType<typeof readLibrary>>;
  try {
    entries = await readLibrary(new Uint8Array(await readFile(file)), file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!(e instanceof ImportError) && code === undefined) throw e;
    say(e instanceof ImportError ? e.message : messages().cli.inputs.unreadable(file, code!));
    say(m.importFailed);
    return 2;
  }
  return onStore(o, messages().library.command.whileServing, async (store) => {
    const bureauId = await bureauOf(store, o.bureau);
    if (bureauId === null) return 2;
    const progress = startProgress(entries.length);
    let shown = 0;
    const r = await importLibrary(store.db, systemActor('cli'), bureauId ?? null, entries, (done) => {
      for (; shown < done; shown++) progress.tick(file);
    });
    progress.stop();
    say(m.imported(r.created, r.updated));
    return 0;
  });
}
