/**
 * `jixiao monitor TARGETS... --actuals A --at DATE`: in-year monitoring of target documents against an
 * actuals file (../actions/monitor.ts does the work), and the arguments and options it shares with evaluate.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import { readDate } from '../../formats/actuals/read-date.ts';
import { messages } from '../../i18n/index.ts';
import type { MonitorOptions } from '../actions/monitor.ts';
import { yearArgument } from '../year-option.ts';

const text = () => messages().monitoring.cli;

export function registerMonitor(program: Command): void {
  const m = text();
  yearCommand(program, 'monitor', { description: m.description, at: m.atOption, atRequired: true, to: m.toOption }).action(
    async (paths: string[], options: MonitorOptions) => {
      process.exitCode = await (await import('../actions/monitor.ts')).runMonitor(paths, options);
    },
  );
}

/**
 * `NAME TARGETS... --actuals A --at DATE` with the rest of YearOptions (monitor, evaluate): the
 * arguments and options both take, in the order their help lists them.
 */
export function yearCommand(
  program: Command,
  name: string,
  texts: { description: string; at: string; atRequired: boolean; to: string },
): Command {
  const m = text();
  return program
    .command(name)
    .description(texts.description)
    .argument('<targets...>', m.targetsArgument)
    .option('--actuals <file>', m.actualsOption)
    .addOption(new Option('--at <date>', texts.at).argParser(dateArgument).makeOptionMandatory(texts.atRequired))
    .option('--year <year>', messages().cli.inputs.yearOption, yearArgument)
    .option('--format <format>', m.formatOption, choice(['table', 'json'] as const), 'table')
    .option('--to <format>', texts.to, choice(['xlsx', 'docx'] as const))
    .option('-o, --output <file>', m.outputOption);
}

function dateArgument(value: string): IsoDate {
  const date = readDate(value);
  if (date === null) throw new InvalidArgumentError(text().badDate(value));
  return date;
}

const choice =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(text().badChoice(value, values));
    return value as T;
  };
