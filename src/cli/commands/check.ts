/** `jixiao check FILE...`: reviews performance targets and prints the findings (../actions/check.ts does the work). */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { CheckOptions } from '../actions/check.ts';
import { yearArgument } from '../year-option.ts';

export function registerCheck(program: Command): void {
  const m = messages().cli;
  program
    .command('check')
    .description(m.check.description)
    .argument('<files...>', m.inputs.filesArgument)
    .option('--year <year>', m.inputs.yearOption, yearArgument)
    .option('--format <format>', m.check.formatOption, formatArgument, 'table')
    .action(async (paths: string[], options: CheckOptions) => {
      process.exitCode = await (await import('../actions/check.ts')).runCheck(paths, options);
    });
}

function formatArgument(value: string): CheckOptions['format'] {
  if (value !== 'table' && value !== 'json') throw new InvalidArgumentError(messages().cli.check.badFormat(value));
  return value;
}
