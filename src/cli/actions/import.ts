/**
 * `jixiao import FILE...`: reads performance-target files (and folders of them) and prints the
 * exchange JSON. All or nothing: if any file cannot be read, each problem is reported and no JSON
 * is written, so a partial county never passes for a whole one.
 */
import { rename, writeFile } from 'node:fs/promises';
import type { TargetDocument } from '../../core/model/document.ts';
import { writeExchangeJson } from '../../formats/json/exchange.ts';
import { messages } from '../../i18n/index.ts';
import { expandInputs, readInputFile, recognisedNote } from '../inputs.ts';
import { startProgress } from '../progress.ts';

export interface ImportOptions {
  year?: number;
  output?: string;
}

export async function runImport(paths: string[], options: ImportOptions): Promise<number> {
  const m = messages().cli;
  const { files, problems } = await expandInputs(paths);
  if (files.length === 0 && problems.length === 0) problems.push(m.inputs.noFiles);
  const documents: TargetDocument[] = [];
  const notes: string[] = [];
  const progress = startProgress(files.length);
  for (const file of files) {
    const result = await readInputFile(file, options.year === undefined ? {} : { year: options.year });
    progress.tick(file);
    if (result.ok) documents.push(...result.documents);
    else problems.push(result.message);
    const note = recognisedNote(result);
    if (note !== null) notes.push(note);
    if (result.ok && result.actuals !== null && result.actuals.projects.length > 0) notes.push(m.import.actualsNotExported(file));
  }
  progress.stop();
  for (const note of notes) process.stderr.write(`${note}\n`);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    process.stderr.write(`${m.import.failed(problems.length)}\n`);
    return 2;
  }
  const json = writeExchangeJson(documents);
  if (options.output === undefined) {
    process.stdout.write(json);
    return 0;
  }
  // Written beside the target, then renamed over it: an interrupted run leaves the old file whole.
  const temporary = `${options.output}.${process.pid}.tmp`;
  await writeFile(temporary, json);
  await rename(temporary, options.output);
  const projects = documents.reduce((n, d) => n + d.projects.length, 0);
  process.stderr.write(`${m.import.wrote(options.output, documents.length, projects)}\n`);
  return 0;
}
