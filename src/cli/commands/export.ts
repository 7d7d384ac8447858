/**
 * `jixiao export`: documents out as Word, PDF, Excel, exchange JSON or open data, from a file or from
 * the database (../actions/export.ts does the work).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { FORM_PROFILES } from '../../core/forms/profiles.ts';
import type { FileFormat } from '../../formats/publication/export.ts';
import { messages } from '../../i18n/index.ts';
import type { ExportOptions } from '../actions/export.ts';
import { yearArgument } from '../year-option.ts';

/** The formats as the command names them: `csv` is the open-data package. */
const FORMATS = { docx: 'docx', pdf: 'pdf', xlsx: 'xlsx', json: 'json', csv: 'opendata' } as const satisfies Record<string, FileFormat>;
type Format = keyof typeof FORMATS;

const c = () => messages().publication.command;

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(c().description)
    .argument('[file]', c().fileArgument)
    .requiredOption('--to <format>', c().toOption, formatArgument)
    .option('-o, --output <file>', c().outOption)
    .option('--unit <code>', c().unitOption)
    .option('--bureau <code>', c().bureauOption)
    .option('--year <year>', c().yearOption, yearArgument)
    .option('--data <dir>', c().dataOption, './data')
    .option('--database-url <url>', c().databaseUrlOption, process.env.DATABASE_URL)
    .option('--combined', c().combinedOption)
    .option('--template', c().templateOption)
    .option('--profile <id>', c().profileOption(PROFILE_IDS()), profileArgument)
    .action(async (file: string | undefined, options: ExportOptions & { to: Format }) => {
      process.exitCode = await (await import('../actions/export.ts')).runExport(file, options, FORMATS[options.to]);
    });
}

const PROFILE_IDS = () => FORM_PROFILES.map((p) => p.id).join(', ');

function profileArgument(value: string): string {
  if (!FORM_PROFILES.some((p) => p.id === value)) throw new InvalidArgumentError(c().badProfile(value, PROFILE_IDS()));
  return value;
}

function formatArgument(value: string): Format {
  if (!Object.hasOwn(FORMATS, value)) throw new InvalidArgumentError(c().badFormat(value));
  return value as Format;
}
