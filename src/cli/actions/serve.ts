/** `jixiao serve`: starts the web server and stops it cleanly on SIGINT or SIGTERM. */
import { messages } from '../../i18n/index.ts';
import { PACKAGE_ROOT } from '../../server/package-root.ts';
import { startServer } from '../../server/serve.ts';
import { DataDirBusyError } from '../../store/data-dir-lock.ts';
import { replicaUrlList } from '../../store/database.ts';

export interface ServeCommandOptions {
  port: string;
  host: string;
  data: string;
  databaseUrl?: string;
  databaseReplicaUrls?: string;
  secureCookies: boolean;
  trustProxy?: string;
  demo: boolean;
  snapshotEvery: number;
  snapshotKeep: number;
}

export async function runServe(o: ServeCommandOptions): Promise<void> {
  try {
    const server = await startServer({
      port: Number(o.port),
      host: o.host,
      dataDir: o.data,
      databaseUrl: o.databaseUrl || undefined,
      replicaUrls: replicaUrlList(o.databaseReplicaUrls),
      secureCookies: o.secureCookies,
      trustProxy: o.trustProxy || undefined,
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
}
