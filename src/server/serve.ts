/**
 * Starting the server: take the data directory (embedded database) or connect to PostgreSQL,
 * apply migrations, seed the demo county into an empty database (printing its one-time
 * passwords), listen, and stop cleanly on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { messages } from '../i18n/index.ts';
import { openStore, type Store } from '../store/database.ts';
import { lockDataDir } from '../store/data-dir-lock.ts';
import { buildApp } from './app.ts';
import { listenControl } from './control.ts';
import { seedDemoIfEmpty } from './demo.ts';
import { DEFAULT_WEB_ROOT, webIsBuilt } from './web.ts';
import { DEFAULT_SNAPSHOTS, type SnapshotSchedule } from './snapshot-schedule.ts';
import { snapshotDir, startSnapshots } from './snapshots.ts';

export interface ServeOptions {
  port: number;
  host: string;
  /** Embedded database directory, unless databaseUrl is given. */
  dataDir: string;
  databaseUrl?: string;
  /** Streaming replicas of databaseUrl for read-only requests. */
  replicaUrls?: readonly string[];
  /** Behind a TLS proxy: cookies only over https, and the proxies whose X-Forwarded-For is believed. */
  secureCookies?: boolean;
  trustProxy?: string;
  demo: boolean;
  /** Automatic snapshots of the embedded database (ignored on PostgreSQL, which has its own backups). */
  snapshots?: SnapshotSchedule;
  /** The checkout's root (for the seed sample and the UI build). */
  rootDir: string;
  print: (line: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const m = messages().server.startup;
  const release = o.databaseUrl ? () => {} : lockDataDir(o.dataDir);
  let store: Store | undefined;
  try {
    store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl, replicaUrls: o.replicaUrls } : { dataDir: o.dataDir }, {
      onReplicaDown: (e) => o.print(m.replicaDown(e instanceof Error ? e.message : String(e))),
    });
    const accounts = o.demo ? await seedDemoIfEmpty(store, o.rootDir) : null;
    const { app, ctx } = await buildApp({ store, secureCookies: o.secureCookies, trustProxy: o.trustProxy });
    const control = o.databaseUrl ? undefined : await listenControl(store, o.dataDir, () => ctx.cache.bump());
    const schedule = o.snapshots ?? DEFAULT_SNAPSHOTS;
    const snapshots = o.databaseUrl
      ? undefined
      : startSnapshots({
          db: store.db,
          dataDir: o.dataDir,
          schedule,
          generation: () => ctx.cache.generation,
          onError: (e) => o.print(m.snapshotFailed(e instanceof Error ? e.message : String(e))),
        });
    await app.listen({ port: o.port, host: o.host });
    const url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${(app.server.address() as { port: number }).port}`;
    o.print(m.listening(url));
    o.print(m.apiDocs(`${url}/api/docs`));
    if (!webIsBuilt(DEFAULT_WEB_ROOT)) o.print(m.noWebUi(DEFAULT_WEB_ROOT));
    if (accounts) {
      o.print(m.demoCreated);
      o.print(m.demoAccounts);
      for (const a of accounts) o.print(m.account(m.roleNames[a.role] ?? a.role, a.username, a.password));
    }
    // Printed last: whoever watches the output knows the server is fully up when this line appears.
    if (snapshots && schedule.everyMinutes > 0) o.print(m.snapshots(resolve(snapshotDir(o.dataDir)), schedule.everyMinutes, schedule.keep));
    const replicas = store.replicas.count;
    o.print(m.database(!o.databaseUrl ? `PGlite ${resolve(o.dataDir)}` : replicas > 0 ? m.withReplicas(replicas) : 'PostgreSQL'));
    const opened = store;
    return {
      url,
      app,
      store: opened,
      close: async () => {
        control?.close();
        await app.close();
        await snapshots?.stop().catch((e: unknown) => o.print(m.snapshotFailed(e instanceof Error ? e.message : String(e))));
        await opened.close();
        release();
      },
    };
  } catch (e) {
    await store?.close();
    release();
    throw e;
  }
}
