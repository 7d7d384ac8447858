/**
 * The demo county an empty database starts with: 河北省财政厅 → 张家口市财政局 → 怀来县财政局,
 * 怀来县司法局 (315002) with the seed document as its 2020 draft (its 普法宣传 a 新增 project with a
 * demo 事前绩效评估: ./demo-ex-ante.ts), a few more units with generated
 * documents (two of them approved and monitored through the year: ./demo-actuals.ts, one of those
 * published, its targets adjusted from 7月1日: ./demo-adjustment.ts; 卫生健康局's also issued in an
 * approval notice, ./demo-notice.ts; 农业农村局's with two 整改 items and a 2021 draft copied on:
 * ./demo-rectification.ts), its indicator library (./demo-library.ts), its 自评任务 with an accepted
 * self-evaluation and a drawn 抽评 sample (./demo-evaluation-tasks.ts), two transfer-payment funds the
 * province issued to it (./demo-transfer.ts), an accepted 财政评价 by a third party of 卫生健康局's
 * first project (./demo-evaluations.ts), and three
 * accounts (unit, reviewer, admin) whose random passwords are returned to be printed once — no
 * default password exists anywhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TargetDocument } from '../core/model/document.ts';
import { generateDocuments } from '../core/model/generate.ts';
import { readDocumentFile } from '../formats/read-document.ts';
import { createUser } from '../store/accounts.ts';
import { systemActor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { createDocument } from '../store/documents/create.ts';
import { documentMeta } from '../store/documents/read.ts';
import { createBureau, createUnit } from '../store/organisation.ts';
import { generatePassword } from '../store/password.ts';
import type { Role } from '../store/schema.ts';
import { transition } from '../store/workflow.ts';
import { saveAssessment } from '../store/ex-ante/assessments.ts';
import { seedMonitoredYear } from './demo-actuals.ts';
import { seedDemoAdjustment } from './demo-adjustment.ts';
import { seedDemoEvaluation } from './demo-evaluations.ts';
import { seedDemoLibrary } from './demo-library.ts';
import { seedDemoEvaluationTasks } from './demo-evaluation-tasks.ts';
import { seedDemoTransfers } from './demo-transfer.ts';
import { DEMO_NEW_PROJECT, demoAssessment, withDemoNewProject } from './demo-ex-ante.ts';
import { seedDemoNotice } from './demo-notice.ts';
import { seedDemoRectification } from './demo-rectification.ts';

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
}

const OTHER_UNITS = [
  { code: '315003', name: '怀来县教育局' },
  { code: '315004', name: '怀来县卫生健康局' },
  { code: '315005', name: '怀来县农业农村局' },
];

export const SEED_FILE = 'samples/huailai-sifaju-2020.txt';

/** Seeds the demo when the database has no bureau yet; returns the accounts, or null when it was not empty. */
export async function seedDemoIfEmpty(store: Store, rootDir: string): Promise<DemoAccount[] | null> {
  const any = await store.db.selectFrom('bureaus').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const actor = systemActor('demo');
  const db = store.db;
  const province = await createBureau(db, actor, { code: '13', name: '河北省财政厅', parentId: null });
  const city = await createBureau(db, actor, { code: '1307', name: '张家口市财政局', parentId: province.id });
  const county = await createBureau(db, actor, { code: '130730', name: '怀来县财政局', parentId: city.id });

  const sifaju = await createUnit(db, actor, { code: '315002', name: '怀来县司法局', bureauId: county.id });
  const seedPath = join(rootDir, SEED_FILE);
  const [seed] = await readDocumentFile(await readFile(seedPath), seedPath);
  let draftId: number | null = null;
  if (seed) {
    const year = seed.year ?? 2020;
    const draft = await createDocument(db, actor, { unitId: sifaju.id, year, content: withDemoNewProject(seed), action: 'import' });
    draftId = draft.id;
    const project = await db
      .selectFrom('projects')
      .select('id')
      .where('document_id', '=', draft.id)
      .where('name', '=', DEMO_NEW_PROJECT)
      .executeTakeFirst();
    const model = withDemoNewProject(seed).projects.find((p) => p.name.trim() === DEMO_NEW_PROJECT);
    if (project && model) await saveAssessment(db, actor, project.id, 0, demoAssessment(model, sifaju.name, year));
  }

  const generated = generateDocuments({ seed: 315, units: OTHER_UNITS.length, projectsPerUnit: [3, 6], year: 2020 });
  const others: number[] = [];
  const otherUnits: number[] = [];
  const contents: TargetDocument[] = [];
  for (const [i, u] of OTHER_UNITS.entries()) {
    const unit = await createUnit(db, actor, { ...u, bureauId: county.id });
    otherUnits.push(unit.id);
    const doc = generated[i]!;
    const content = {
      ...doc,
      unit: { code: u.code, name: u.name },
      projects: doc.projects.map((p) => ({ ...p, unit: { code: u.code, name: u.name } })),
    };
    others.push((await createDocument(db, actor, { unitId: unit.id, year: 2020, content, action: 'import' })).id);
    contents.push(content);
  }
  // 卫生健康局 and 农业农村局 approved, each with a year of actuals, for the monitoring pages and dashboards;
  // 卫生健康局's published, so that a newcomer's first look at /public finds something to read.
  const monitored = others.slice(1);
  await seedMonitoredYear(store, actor, monitored);
  // Its approved targets are issued with the budget (批复), then published: ./demo-notice.ts.
  await seedDemoNotice(store, actor, county.id, monitored[0]!);
  const published = (await documentMeta(db, monitored[0]!))!;
  await transition(db, actor, published.id, published.version, 'publish');
  await seedDemoAdjustment(store, actor, published.id);
  // 卫生健康局's self-evaluation submitted, accepted and drawn for 抽评.
  await seedDemoEvaluationTasks(store, actor, county.id, otherUnits[1]!);
  await seedDemoRectification(store, systemActor('怀来县财政局审核员'), systemActor('怀来县农业农村局填报员'), monitored[1]!);

  const accounts: DemoAccount[] = [
    { role: 'unit', username: 'sifaju', password: generatePassword() },
    { role: 'reviewer', username: 'huailai-czj', password: generatePassword() },
    { role: 'admin', username: 'admin', password: generatePassword() },
  ];
  await createUser(db, actor, { ...accounts[0]!, oneTimePassword: true, displayName: '怀来县司法局填报员', unitId: sifaju.id });
  await createUser(db, actor, { ...accounts[1]!, oneTimePassword: true, displayName: '怀来县财政局审核员', bureauId: county.id });
  await createUser(db, actor, { ...accounts[2]!, oneTimePassword: true, displayName: '系统管理员' });
  await seedDemoLibrary(store, actor, county, sifaju, seed);
  await seedDemoTransfers(store, actor, province, county, draftId);
  await seedDemoEvaluation(store, actor, county, { id: monitored[0]!, content: contents[1]! });
  return accounts;
}
