/** `jixiao results --bureau CODE --year Y [--out FILE] (--data DIR | --database-url URL)`: ../actions/results.ts. */
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { ResultsOptions } from '../actions/results.ts';
import { yearArgument } from '../year-option.ts';
import { withTargetOptions } from './target-options.ts';

export function registerResults(program: Command): void {
  const m = messages().rectification.command;
  withTargetOptions(program.command('results').description(m.description))
    .requiredOption('--bureau <code>', m.bureauOption)
    .requiredOption('--year <year>', m.yearOption, yearArgument)
    .option('--out <file>', m.outOption)
    .action(async (options: ResultsOptions) => {
      process.exitCode = await (await import('../actions/results.ts')).runResultsExport(options);
    });
}
