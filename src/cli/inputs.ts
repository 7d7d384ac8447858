/**
 * The files a batch command works on: files as given, folders expanded to every file in them (and
 * their sub-folders) that some reader is for, in a stable order so that output is repeatable.
 * A path that does not exist is reported, not fatal: the others are still worked on.
 */
import type { Actuals } from '../core/actuals/actuals.ts';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FormProfile } from '../core/forms/profile.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { messages } from '../i18n/index.ts';
import { ImportError } from '../formats/import-error.ts';
import { readableExtensions, readDocuments, type ReadDocumentOptions } from '../formats/read-document.ts';

export interface ExpandedInputs {
  files: string[];
  /** Paths given that do not exist, with their message. */
  problems: string[];
}

export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const extensions = readableExtensions();
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) problems.push(messages().cli.inputs.notFound(path));
    else if (info.isDirectory()) {
      const found = (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && extensions.some((x) => e.name.toLowerCase().endsWith(x)) && !inSavedPageAssets(path, e.parentPath))
        .map((e) => join(e.parentPath, e.name));
      // Code-point order of the path under the folder: the same on every machine and locale.
      files.push(...found.sort((a, b) => (relative(path, a) < relative(path, b) ? -1 : 1)));
    } else files.push(path);
  }
  return { files, problems };
}

/**
 * A web page saved "complete" (by a browser, or by Word as a web page) brings a folder of its parts
 * beside it — page_files/, page.files/ — which may hold .htm frames and headers: parts, not forms.
 */
const SAVED_PAGE_ASSETS = /(?:_files|\.files)$/i;

const inSavedPageAssets = (root: string, dir: string): boolean =>
  relative(root, dir)
    .split(sep)
    .some((part) => SAVED_PAGE_ASSETS.test(part));

export type FileResult =
  | {
      file: string;
      ok: true;
      documents: TargetDocument[];
      /** The form profile another province's form was recognised as; null for jixiao's own formats. */
      profile: FormProfile | null;
      /** What a 自评表 reports beside its targets (actuals, 评价结论 …); null for a target form. */
      actuals: Actuals | null;
    }
  | { file: string; ok: false; message: string };

/** "x.docx: read as 四川「项目支出绩效目标申报表」(sichuan-…)", for a file read from another province's form. */
export const recognisedNote = (result: FileResult): string | null =>
  result.ok && result.profile !== null
    ? messages().cli.inputs.recognised(result.file, result.profile.region, result.profile.title, result.profile.id)
    : null;

/** Reads one file; an unreadable file becomes a message naming it (and its line and field where known). */
export async function readInputFile(file: string, options: ReadDocumentOptions): Promise<FileResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const { documents, profile, actuals } = await readDocuments(bytes, file, options);
    return { file, ok: true, documents, profile, actuals };
  } catch (e) {
    if (e instanceof ImportError) return { file, ok: false, message: e.message };
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined) return { file, ok: false, message: messages().cli.inputs.unreadable(file, code) };
    throw e;
  }
}
