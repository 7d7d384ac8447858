#!/usr/bin/env node
/**
 * The `jixiao` command. Each subcommand lives in ./commands/ and registers itself here;
 * exit codes: 0 success (or a clean document), 1 findings of severity error, 2 unreadable input or usage error.
 */
import { Command, CommanderError } from 'commander';
import { isLocale, messages, setLocale } from '../i18n/index.ts';
import { registerCheck } from './commands/check.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerBackup } from './commands/backup.ts';
import { registerRestore } from './commands/restore.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';
import { registerMonitor } from './commands/monitor.ts';
import { registerEvaluate } from './commands/evaluate.ts';

const m = () => messages().cli;

// Pick the language before any help text is built.
const lang = process.env.JIXIAO_LANG ?? (process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : undefined);
if (lang !== undefined && isLocale(lang)) setLocale(lang);

const program = new Command('jixiao')
  .description(m().description)
  .option('--lang <locale>', m().langOption, 'zh-CN')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

// Each command module exports `register(program)`; add new ones to this list.
const commands: Array<(p: Command) => void> = [registerImport, registerCheck, registerServe, registerUser, registerBackup, registerRestore, registerExport, registerMonitor, registerEvaluate];
for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  throw e;
}
