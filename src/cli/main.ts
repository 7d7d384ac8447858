#!/usr/bin/env node
/**
 * The `jixiao` command. Each subcommand lives in ./commands/ and registers itself here;
 * exit codes: 0 success (or a clean document), 1 findings of severity error, 2 unreadable input or usage error.
 */
import { Command, CommanderError } from 'commander';
import { isLocale, messages, setLocale } from '../i18n/index.ts';
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

// Each command module exports `register…(program)`. Only the command being run is loaded (the
// server, database and document libraries take seconds to load); help and unknown commands load all.
const COMMANDS: Record<string, () => Promise<(p: Command) => void>> = {
  import: async () => (await import('./commands/import.ts')).registerImport,
  check: async () => (await import('./commands/check.ts')).registerCheck,
  export: async () => (await import('./commands/export.ts')).registerExport,
  monitor: async () => (await import('./commands/monitor.ts')).registerMonitor,
  evaluate: async () => (await import('./commands/evaluate.ts')).registerEvaluate,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
  user: async () => (await import('./commands/user.ts')).registerUser,
  backup: async () => (await import('./commands/backup.ts')).registerBackup,
  restore: async () => (await import('./commands/restore.ts')).registerRestore,
};
const args = process.argv.slice(2);
const requested = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
const names = requested !== undefined && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
for (const name of names) (await COMMANDS[name]!())(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  throw e;
}
