/**
 * `jixiao load FILE... (--data DIR | --database-url URL) [--units FILE] [--year N] [--status S]`:
 * documents straight into the database (../actions/load.ts does the work).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { LoadStatus } from '../../store/bulk/documents.ts';
import type { LoadCommandOptions } from '../actions/load.ts';
import { yearArgument } from '../year-option.ts';
import { withTargetOptions } from './target-options.ts';

const STATUSES: readonly LoadStatus[] = ['draft', 'submitted', 'approved', 'published'];

function statusArgument(value: string): LoadStatus {
  const status = STATUSES.find((s) => s === value);
  if (status === undefined) throw new InvalidArgumentError(messages().bulk.command.badStatus(value));
  return status;
}

export function registerLoad(program: Command): void {
  const m = messages().bulk.command;
  withTargetOptions(program.command('load').description(m.description).argument('<files...>', messages().cli.inputs.filesArgument))
    .option('--database <url>', m.databaseOption)
    .option('--units <file>', m.unitsOption)
    .option('--bureau <code>', m.bureauOption)
    .option('--year <year>', messages().cli.inputs.yearOption, yearArgument)
    .option('--status <status>', m.statusOption, statusArgument, 'draft')
    .action(async (paths: string[], options: LoadCommandOptions & { database?: string }) => {
      const { database, ...rest } = options;
      process.exitCode = await (await import('../actions/load.ts')).runLoad(paths, { ...rest, databaseUrl: database ?? rest.databaseUrl });
    });
}
