#!/usr/bin/env node
/**
 * The `jixiao` command. Each subcommand is declared in ./commands/ and registers itself here;
 * exit codes: 0 success (or a clean document), 1 findings of severity error, 2 unreadable input or usage error.
 */
import { Command, CommanderError } from 'commander';
import { isLocale, messages, setLocale } from '../i18n/index.ts';
import { registerBackup } from './commands/backup.ts';
import { registerCheck } from './commands/check.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerLibrary } from './commands/library.ts';
import { registerNotice } from './commands/notice.ts';
import { registerLoad } from './commands/load.ts';
import { registerMonitor } from './commands/monitor.ts';
import { registerRestore } from './commands/restore.ts';
import { registerSample } from './commands/sample.ts';
import { registerResults } from './commands/results.ts';
import { registerServe } from './commands/serve.ts';
import { registerSuggest } from './commands/suggest.ts';
import { registerUser } from './commands/user.ts';
const m = () => messages().cli;

// Pick the language before any help text is built.
const lang = process.env.JIXIAO_LANG ?? (process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : undefined);
if (lang !== undefined && isLocale(lang)) setLocale(lang);

const program = new Command('jixiao')
  .description(m().description)
  .option('--lang <locale>', m().langOption, 'zh-CN')
  .helpOption('-h, --help', m().helpOption)
  .helpCommand('help [command]', m().helpCommand)
  // Commander writes "(default: …)" in English; say it in the user's language.
  .configureHelp({
    optionDescription: (o) =>
      o.defaultValue === undefined || o.negate
        ? o.description
        : `${o.description}${m().defaultValue(o.defaultValueDescription ?? JSON.stringify(o.defaultValue))}`,
  })
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

// Declaring a command loads only commander and the messages; its action imports what it works with
// (document, database and server libraries take seconds to load), so help and each command load no more.
for (const register of [
  registerImport,
  registerLoad,
  registerCheck,
  registerExport,
  registerMonitor,
  registerEvaluate,
  registerSuggest,
  registerLibrary,
  registerNotice,
  registerResults,
  registerServe,
  registerUser,
  registerBackup,
  registerRestore,
  registerSample,
])
  register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  throw e;
}
