/**
 * `jixiao load FILE...`: performance-target files (and folders of them) straight into the store.
 * A units file, when given, is applied first in one transaction (an error in it loads nothing).
 * Then each file is one transaction: all its documents or none, a bad file reported with its file,
 * line and field while the others go on; the exit code is 2 when any file was not loaded.
 */
import { readFile } from 'node:fs/promises';
import { ImportError } from '../../formats/import-error.ts';
import { readUnitsFile } from '../../formats/units-file.ts';
import { messages } from '../../i18n/index.ts';
import { systemActor } from '../../store/audit.ts';
import { loadDocuments, type LoadStatus } from '../../store/bulk/documents.ts';
import { applyOrganisation } from '../../store/bulk/organisation.ts';
import { openStore, type Store } from '../../store/database.ts';
import { DataDirBusyError, lockDataDir } from '../../store/data-dir-lock.ts';
import { expandInputs, readInputFile, type FileResult } from '../inputs.ts';
import { startProgress } from '../progress.ts';
import type { TargetOptions } from './admin-target.ts';

export interface LoadCommandOptions extends TargetOptions {
  units?: string;
  bureau?: string;
  year?: number;
  status: LoadStatus;
}

const say = (s: string) => process.stderr.write(`${s}\n`);

/**
 * Files in flight at once: while the database writes one, the next is read, reviewed and turned
 * into rows (on two cores, this process and the database each keep one busy).
 */
const FILES_AT_ONCE = 2;
/** PostgreSQL's deadlock, serialization failure and unique violation: a file that met another's new rows is tried again. */
const RETRIED = ['40P01', '40001', '23505'];
const ATTEMPTS = 3;

export async function runLoad(paths: string[], o: LoadCommandOptions): Promise<number> {
  const m = messages().bulk.command;
  let release = () => {};
  try {
    if (!o.databaseUrl) release = lockDataDir(o.data);
  } catch (e) {
    if (!(e instanceof DataDirBusyError)) throw e;
    say(m.whileServing);
    return 2;
  }
  const store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.data });
  try {
    return await load(store, paths, o);
  } finally {
    await store.close();
    release();
  }
}

async function load(store: Store, paths: string[], o: LoadCommandOptions): Promise<number> {
  const m = messages().bulk.command;
  const actor = systemActor('cli');
  if (o.units !== undefined) {
    try {
      const rows = await readUnitsFile(new Uint8Array(await readFile(o.units)), o.units);
      const r = await store.db.transaction().execute((trx) => applyOrganisation(trx, actor, rows));
      say(m.units(r.bureausCreated, r.unitsCreated, r.existing));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!(e instanceof ImportError) && code === undefined) throw e;
      say(e instanceof ImportError ? e.message : messages().cli.inputs.unreadable(o.units, code!));
      say(m.unitsFailed);
      return 2;
    }
  }
  let newUnitsBureauId: number | undefined;
  if (o.bureau !== undefined) {
    const bureau = await store.db.selectFrom('bureaus').select('id').where('code', '=', o.bureau).executeTakeFirst();
    if (!bureau) {
      say(m.unknownBureau(o.bureau));
      return 2;
    }
    newUnitsBureauId = bureau.id;
  }

  const { files, problems } = await expandInputs(paths);
  if (files.length === 0 && problems.length === 0) problems.push(messages().cli.inputs.noFiles);
  const read = (file: string) => readInputFile(file, o.year === undefined ? {} : { year: o.year });
  const progress = startProgress(files.length);
  const started = performance.now();
  const refused: Array<string | undefined> = [];
  let loaded = 0;
  let documents = 0;
  let projects = 0;
  const loadFile = async (file: string, result: Extract<FileResult, { ok: true }>) => {
    const items = result.documents.map((content) => ({ content, status: o.status }));
    for (let attempt = 1; ; attempt++)
      try {
        return await store.db.transaction().execute((trx) => loadDocuments(trx, actor, items, { file, newUnitsBureauId }));
      } catch (e) {
        // Two files creating the same new unit (or year) at once: the one that waited sees it exist when tried again.
        if (!RETRIED.includes((e as { code?: string }).code ?? '') || attempt === ATTEMPTS) throw e;
      }
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const result = await read(file);
      if (!result.ok) refused[i] = result.message;
      else
        try {
          const r = await loadFile(file, result);
          loaded++;
          documents += r.documentIds.length;
          projects += r.projects;
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          refused[i] = e.message;
        }
      progress.tick(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, files.length) }, worker));
  problems.push(...refused.filter((p) => p !== undefined));
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  for (const p of problems) say(p);
  say(m.done(loaded, documents, projects, seconds.toFixed(1), Math.round(projects / Math.max(seconds, 0.001))));
  if (problems.length === 0) return 0;
  say(m.failed(problems.length));
  return 2;
}
