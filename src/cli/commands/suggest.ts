/**
 * `jixiao suggest --name N (--from FILES | --data DIR | --database-url URL)`: the indicators projects
 * like N used, from files or from the database's approved and published documents (../actions/suggest.ts does the work).
 */
import { InvalidArgumentError, type Command } from 'commander';
// The fields alone, not the library's public face: declaring a command loads no schema library (typebox).
import { FIELD_NAMES, FIELDS, fieldNamed, type Field } from '../../core/library/fields.ts';
import { messages } from '../../i18n/index.ts';
import type { SuggestOptions } from '../actions/suggest.ts';
import { withTargetOptions } from './target-options.ts';

const m = () => messages().library.suggest;
const fieldList = () => FIELDS.map((f) => FIELD_NAMES[f]).join('、');

export function registerSuggest(program: Command): void {
  withTargetOptions(program.command('suggest').description(m().description))
    .requiredOption('--name <name>', m().nameOption)
    .option('--from <paths...>', m().fromOption)
    .option('--category <category>', m().categoryOption)
    .option('--field <field>', m().fieldOption(fieldList()), fieldArgument)
    .option('--library <file>', m().libraryOption)
    .option('--format <format>', m().formatOption, formatArgument, 'table')
    .option('--limit <n>', m().limitOption, limitArgument, 20)
    .action(async (options: SuggestOptions) => {
      process.exitCode = await (await import('../actions/suggest.ts')).runSuggest(options);
    });
}

function fieldArgument(value: string): Field {
  const field = fieldNamed(value);
  if (field === undefined) throw new InvalidArgumentError(m().badField(value, fieldList()));
  return field;
}

function formatArgument(value: string): SuggestOptions['format'] {
  if (value !== 'table' && value !== 'json') throw new InvalidArgumentError(m().badFormat(value));
  return value;
}

function limitArgument(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new InvalidArgumentError(m().badLimit(value));
  return Number(value);
}
