/** The options of the commands that work on the database: the embedded data directory, or a PostgreSQL server. */
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';

export function withTargetOptions(command: Command): Command {
  const m = messages().server.commands;
  return command
    .option('--data <dir>', m.dataOption, './data')
    .option('--database-url <url>', m.databaseUrlOption, process.env.DATABASE_URL);
}
