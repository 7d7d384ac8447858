/**
 * `jixiao suggest --name N --from FILES`: reads past targets from files, groups their indicators into
 * families, and prints those that projects like N used — with the typical target, how the targets
 * spread and who used them — as a Chinese table or as JSON. An unreadable file is reported and the
 * others are still read; exit code 2 then, else 0. Without --from, the same from the database's
 * approved and published documents (--data DIR or --database-url URL; src/store/library/suggestions.ts).
 */
import { readFile } from 'node:fs/promises';
import Table from 'cli-table3';
import { valueAsOf } from '../../core/actuals/as-of.ts';
import type { Actuals } from '../../core/actuals/actuals.ts';
import {
  type Field,
  groupFamilies,
  indexForSuggestions,
  type LibraryEntry,
  type Observation,
  observationsOf,
  type Suggestion,
  suggest,
} from '../../core/library/index.ts';
import { ImportError } from '../../formats/import-error.ts';
import { readLibrary } from '../../formats/library/read-library.ts';
import { messages } from '../../i18n/index.ts';
import { openStore } from '../../store/database.ts';
import { suggestionsFor } from '../../store/library/suggestions.ts';
import { expandInputs, readInputFile, recognisedNote } from '../inputs.ts';
import { startProgress } from '../progress.ts';
import { wrapToWidth } from '../text-width.ts';

export interface SuggestOptions {
  name: string;
  from?: string[];
  data: string;
  databaseUrl?: string;
  category?: string;
  field?: Field;
  library?: string;
  format: 'table' | 'json';
  limit: number;
}

/** Where a 自评表 was read, its year-end actual of a row: the value recorded last. */
const actualsOf =
  (actuals: Actuals | null) =>
  (projectCode: string, row: number): string | null => {
    const project = actuals?.projects.find((p) => p.projectCode === projectCode);
    return project === undefined ? null : (valueAsOf(project, row, null)?.value ?? null);
  };

export async function runSuggest(options: SuggestOptions): Promise<number> {
  const m = messages();
  const library = await readLibraryOption(options.library);
  if (library === null) return 2;
  if (options.from === undefined) return suggestFromDatabase(options, library);
  const { files, problems } = await expandInputs(options.from);
  if (files.length === 0 && problems.length === 0) problems.push(m.cli.inputs.noFiles);
  const observations: Observation[] = [];
  const progress = startProgress(files.length);
  for (const file of files) {
    const result = await readInputFile(file, {});
    progress.tick(file);
    const note = recognisedNote(result);
    if (note !== null) process.stderr.write(`${note}\n`);
    if (!result.ok) problems.push(result.message);
    else for (const document of result.documents) observations.push(...observationsOf(document, actualsOf(result.actuals)));
  }
  progress.stop();
  for (const p of problems) process.stderr.write(`${p}\n`);

  const families = groupFamilies(observations);
  const found = suggest(indexForSuggestions(families), {
    name: options.name,
    category: options.category ?? null,
    field: options.field ?? null,
    library,
    limit: options.limit,
  });
  print(options, found, families.length, observations.length);
  return problems.length > 0 ? 2 : 0;
}

/** The library file's entries ([] without one), or null after telling what is wrong with it. */
async function readLibraryOption(path: string | undefined): Promise<LibraryEntry[] | null> {
  if (path === undefined) return [];
  try {
    return await readLibrary(new Uint8Array(await readFile(path)), path);
  } catch (e) {
    if (!(e instanceof ImportError) && (e as NodeJS.ErrnoException).code === undefined) throw e;
    process.stderr.write(
      `${e instanceof ImportError ? e.message : messages().cli.inputs.unreadable(path, (e as NodeJS.ErrnoException).code!)}\n`,
    );
    return null;
  }
}

async function suggestFromDatabase(options: SuggestOptions, library: LibraryEntry[]): Promise<number> {
  const store = await openStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.data });
  try {
    const { suggestions, families, rows } = await suggestionsFor(store.db, {
      name: options.name,
      category: options.category ?? null,
      field: options.field ?? null,
      library,
      limit: options.limit,
    });
    print(options, suggestions, families, rows);
    return 0;
  } finally {
    await store.close();
  }
}

function print(options: SuggestOptions, found: readonly Suggestion[], families: number, rows: number): void {
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(found.map(asJson), null, 2)}\n`);
  else {
    const s = messages().library.suggest;
    process.stdout.write(found.length === 0 ? `${s.none(options.name)}\n` : `${asTable(found)}\n`);
    process.stdout.write(`${s.summary(found.length, families, rows)}\n`);
  }
}

function asJson(s: Suggestion) {
  const targets = s.family?.targets;
  return {
    level1: s.level1,
    level2: s.level2,
    level3: s.label,
    unit: s.unit,
    typical: s.typical,
    targets:
      targets === undefined
        ? null
        : { count: targets.count, min: targets.min, median: targets.median, max: targets.max, grades: targets.grades },
    peers: s.peers,
    fromLastYear: s.fromLastYear,
    entry: s.entry?.id ?? null,
    users: s.users.map((u) => ({
      unit: u.unit,
      year: u.year,
      projectCode: u.project?.code ?? null,
      projectName: u.project?.name ?? null,
      target: u.target,
      actual: u.actual,
    })),
  };
}

/** Users listed per suggestion in the table; JSON has them all. */
const USERS_SHOWN = 5;

function asTable(found: readonly Suggestion[]): string {
  const s = messages().library.suggest;
  const width = Math.max(100, process.stdout.columns ?? 120);
  const widths = [30, 14, 22];
  widths.push(width - widths.reduce((a, b) => a + b, 0) - 5);
  const table = new Table({
    head: [s.head.indicator, s.head.typical, s.head.spread, s.head.users],
    colWidths: widths,
    style: { head: [], border: [] },
  });
  const wrap = (text: string, column: number) => wrapToWidth(text, widths[column]! - 2);
  for (const x of found) {
    const t = x.family?.targets;
    const grades =
      t === undefined
        ? ''
        : Object.entries(t.grades)
            .map(([grade, n]) => `${grade}×${n}`)
            .join('、');
    const spread = [
      t !== undefined && t.count > 0 ? s.spread(t.count, `${t.min}${x.unit}`, `${t.max}${x.unit}`) : '',
      grades === '' ? '' : s.grades(grades),
    ].filter((line) => line !== '');
    const users = x.users
      .slice(0, USERS_SHOWN)
      .map((u) => s.user(u.unit.name, u.year === null ? s.noYear : String(u.year), u.project?.name ?? '', u.target));
    if (x.users.length > USERS_SHOWN) users.push(s.more(x.users.length - USERS_SHOWN));
    const notes = [x.fromLastYear ? s.lastYear : '', x.entry === null ? '' : s.entry(x.entry.id)].filter((n) => n !== '');
    table.push([
      wrap([`${x.level1} / ${x.level2}`, x.label, ...notes].join('\n'), 0),
      wrap(x.typical ?? '', 1),
      wrap(spread.join('\n'), 2),
      wrap(users.join('\n'), 3),
    ]);
  }
  return table.toString();
}
