/** `jixiao serve [--port N] [--host H] [--data DIR]`: the web server (npm start runs it). */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import { PACKAGE_ROOT } from '../../server/package-root.ts';
import { startServer } from '../../server/serve.ts';
import { DEFAULT_SNAPSHOTS } from '../../server/snapshots.ts';
import { DataDirBusyError } from '../../store/data-dir-lock.ts';

interface ServeCommandOptions {
  port: string;
  host: string;
  data: string;
  databaseUrl?: string;
  demo: boolean;
  snapshotEvery: number;
  snapshotKeep: number;
}

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
    .option('--no-demo', m.noDemoOption)
    .option('--snapshot-every <minutes>', m.snapshotEveryOption, wholeNumber, DEFAULT_SNAPSHOTS.everyMinutes)
    .option('--snapshot-keep <n>', m.snapshotKeepOption, wholeNumber, DEFAULT_SNAPSHOTS.keep)
    .action(async (o: ServeCommandOptions) => {
      try {
        const server = await startServer({
          port: Number(o.port),
          host: o.host,
          dataDir: o.data,
          databaseUrl: o.databaseUrl || undefined,
          demo: o.demo,
          snapshots: { everyMinutes: o.snapshotEvery, keep: o.snapshotKeep },
          rootDir: PACKAGE_ROOT,
          print: (line) => console.log(line),
        });
        const stop = async () => {
          console.log(messages().server.startup.stopping);
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        if (e instanceof DataDirBusyError) {
          console.error(messages().server.startup.dataDirBusy(e.dataDir, e.pid));
          process.exit(2);
        }
        throw e;
      }
    });
}
