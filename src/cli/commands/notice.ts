/**
 * `jixiao notice export --bureau CODE --year YEAR --number 文号 [--format docx|pdf] [--whole] --out FILE`:
 * an approval notice's 批复表 (one per document, a ZIP when several) or the whole notice, from the
 * database (../actions/notice.ts does the work).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { NoticeExportOptions } from '../actions/notice.ts';
import { yearArgument } from '../year-option.ts';
import { withTargetOptions } from './target-options.ts';

const m = () => messages().notices.cli;

function formatArgument(value: string): NoticeExportOptions['format'] {
  if (value !== 'docx' && value !== 'pdf') throw new InvalidArgumentError(m().badFormat(value));
  return value;
}

export function registerNotice(program: Command): void {
  const notice = program.command('notice').description(m().description);
  withTargetOptions(notice.command('export').description(m().export))
    .requiredOption('--bureau <code>', m().bureauOption)
    .requiredOption('--year <year>', m().yearOption, yearArgument)
    .requiredOption('--number <文号>', m().numberOption)
    .option('--format <format>', m().formatOption, formatArgument, 'pdf')
    .option('--whole', m().wholeOption, false)
    .requiredOption('--out <file>', m().outOption)
    .action(async (options: NoticeExportOptions) => {
      process.exitCode = await (await import('../actions/notice.ts')).runNoticeExport(options);
    });
}
