/** `jixiao serve [--port N] [--host H] [--data DIR | --database-url URL [--database-replica-urls URL,…]]`: the web server (npm start runs it; ../actions/serve.ts starts it). */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import { DEFAULT_SNAPSHOTS } from '../../server/snapshot-schedule.ts';
import type { ServeCommandOptions } from '../actions/serve.ts';

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(messages().server.commands.notWholeNumber(value));
  return Number(value);
}

export function registerServe(program: Command): void {
  const m = messages().server.commands;
  program
    .command('serve')
    .description(m.serve)
    .option('--port <n>', m.portOption, process.env.PORT ?? '3000')
    .option('--host <address>', m.hostOption, '127.0.0.1')
    .option('--data <dir>', m.dataOption, './data')
    .option('--database-url <url>', m.databaseUrlOption, process.env.DATABASE_URL)
    .option('--database-replica-urls <urls>', m.databaseReplicaUrlsOption, process.env.DATABASE_REPLICA_URLS)
    .option('--secure-cookies', m.secureCookiesOption, process.env.SECURE_COOKIES === 'true')
    .option('--trust-proxy <addresses>', m.trustProxyOption, process.env.TRUST_PROXY)
    .option('--no-demo', m.noDemoOption)
    .option('--snapshot-every <minutes>', m.snapshotEveryOption, wholeNumber, DEFAULT_SNAPSHOTS.everyMinutes)
    .option('--snapshot-keep <n>', m.snapshotKeepOption, wholeNumber, DEFAULT_SNAPSHOTS.keep)
    .action(async (o: ServeCommandOptions) => (await import('../actions/serve.ts')).runServe(o));
}
