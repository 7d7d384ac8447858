/**
 * `jixiao import FILE...`: reads performance-target files (and folders of them) and prints the
 * exchange JSON (../actions/import.ts does the work).
 */
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { ImportOptions } from '../actions/import.ts';
import { yearArgument } from '../year-option.ts';

export function registerImport(program: Command): void {
  const m = messages().cli;
  program
    .command('import')
    .description(m.import.description)
    .argument('<files...>', m.inputs.filesArgument)
    .option('--year <year>', m.inputs.yearOption, yearArgument)
    .option('-o, --output <file>', m.import.outputOption)
    .action(async (paths: string[], options: ImportOptions) => {
      process.exitCode = await (await import('../actions/import.ts')).runImport(paths, options);
    });
}
