/** --year, as the commands that read documents take it: a four-digit year in the model's range. */
import { InvalidArgumentError } from 'commander';
import { messages } from '../i18n/index.ts';

export function yearArgument(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1990 || year > 2100) throw new InvalidArgumentError(messages().cli.inputs.badYear(value));
  return year;
}
