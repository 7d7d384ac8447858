/**
 * The API suites' world: the demo county plus a second county (怀安县) with its own unit, unit
 * account and reviewer, and a third-party evaluator account of the demo county assigned nothing, so
 * every role of the authorization rules has someone to play it.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../store/accounts.ts';
import { systemActor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { createDocument } from '../store/documents/create.ts';
import { createBureau, createUnit } from '../store/organisation.ts';
import { buildApp, type AppOptions } from './app.ts';
import type { AppContext } from './context.ts';
import { seedDemoIfEmpty, type DemoAccount } from './demo.ts';
import { TestClient, type TestDatabase } from './testing.ts';

export const ROOT = join(import.meta.dirname, '../..');

export type RoleName = 'anonymous' | 'ownUnit' | 'otherUnit' | 'reviewer' | 'otherReviewer' | 'admin' | 'evaluator';
export const ROLES: RoleName[] = ['anonymous', 'ownUnit', 'otherUnit', 'reviewer', 'otherReviewer', 'admin', 'evaluator'];

export interface World {
  store: Store;
  app: FastifyInstance;
  ctx: AppContext;
  clients: Record<RoleName, TestClient>;
  /** 怀来县司法局's 2020 draft (the seed). */
  draftId: number;
  otherUnitId: number;
  countyId: number;
  close(): Promise<void>;
}

/** The demo county alone on a fresh database, with its app: what a newcomer starts from. */
export async function openDemo(
  database: TestDatabase,
): Promise<{ store: Store; app: FastifyInstance; accounts: DemoAccount[]; close(): Promise<void> }> {
  const store = await database.open();
  const accounts = (await seedDemoIfEmpty(store, ROOT))!;
  const { app } = await buildApp({ store, webRoot: null });
  return {
    store,
    app,
    accounts,
    close: async () => {
      await app.close();
      await store.close();
      await database.dispose();
    },
  };
}

export async function openWorld(database: TestDatabase, options: Pick<AppOptions, 'parsePool'> = {}): Promise<World> {
  const store = await database.open();
  const accounts = (await seedDemoIfEmpty(store, ROOT))!;
  const actor = systemActor('test');
  const city = (await store.db.selectFrom('bureaus').select('id').where('code', '=', '1307').executeTakeFirstOrThrow()).id;
  const county = (await store.db.selectFrom('bureaus').select('id').where('code', '=', '130730').executeTakeFirstOrThrow()).id;
  const huaian = await createBureau(store.db, actor, { code: '130728', name: '怀安县财政局', parentId: city });
  const otherUnit = await createUnit(store.db, actor, { code: '402001', name: '怀安县司法局', bureauId: huaian.id });
  await createDocument(store.db, actor, { unitId: otherUnit.id, year: 2020, content: null });
  const password = 'other-password-123';
  await createUser(store.db, actor, {
    username: 'huaian-sfj',
    displayName: '怀安县司法局填报员',
    role: 'unit',
    unitId: otherUnit.id,
    password,
  });
  await createUser(store.db, actor, {
    username: 'huaian-czj',
    displayName: '怀安县财政局审核员',
    role: 'reviewer',
    bureauId: huaian.id,
    password,
  });
  // A third-party institution the demo county commissioned, assigned nothing: it must see nothing but its own.
  await createUser(store.db, actor, {
    username: 'pinggu-jigou',
    displayName: '评估机构联系人',
    role: 'evaluator',
    bureauId: county,
    organisation: '某某绩效评价咨询有限公司',
    password,
  });
  const { app, ctx } = await buildApp({ store, webRoot: null, ...options });
  const clients = Object.fromEntries(ROLES.map((r) => [r, new TestClient(app)])) as Record<RoleName, TestClient>;
  const demo = (role: string) => accounts.find((a) => a.role === role)!;
  await clients.ownUnit.login('sifaju', demo('unit').password);
  await clients.reviewer.login('huailai-czj', demo('reviewer').password);
  await clients.admin.login('admin', demo('admin').password);
  await clients.otherUnit.login('huaian-sfj', password);
  await clients.otherReviewer.login('huaian-czj', password);
  await clients.evaluator.login('pinggu-jigou', password);
  const draft = await store.db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select('d.id')
    .where('u.code', '=', '315002')
    .executeTakeFirstOrThrow();
  return {
    store,
    app,
    ctx,
    clients,
    draftId: draft.id,
    otherUnitId: otherUnit.id,
    countyId: county,
    close: async () => {
      await app.close();
      await store.close();
      await database.dispose();
    },
  };
}
