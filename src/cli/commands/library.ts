/**
 * `jixiao library export|import (--data DIR | --database-url URL) [--bureau CODE]`: a bureau's
 * indicator library (or, without --bureau, the national one) as a library file, or a library file
 * into it (../actions/library.ts does the work).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { LibraryExportOptions, LibraryImportOptions } from '../actions/library.ts';
import { withTargetOptions } from './target-options.ts';

const m = () => messages().library.command;

function formatArgument(value: string): LibraryExportOptions['format'] {
  if (value !== 'json' && value !== 'xlsx') throw new InvalidArgumentError(m().badFormat(value));
  return value;
}

export function registerLibrary(program: Command): void {
  const library = program.command('library').description(m().description);
  withTargetOptions(library.command('export').description(m().export))
    .option('--bureau <code>', m().bureauOption)
    .option('--format <format>', m().formatOption, formatArgument, 'json')
    .option('--out <file>', m().outOption)
    .action(async (options: LibraryExportOptions) => {
      process.exitCode = await (await import('../actions/library.ts')).runLibraryExport(options);
    });
  withTargetOptions(library.command('import').description(m().import).argument('<file>', m().fileArgument))
    .option('--bureau <code>', m().bureauOption)
    .action(async (file: string, options: LibraryImportOptions) => {
      process.exitCode = await (await import('../actions/library.ts')).runLibraryImport(file, options);
    });
}
