/**
 * The demo county's 绩效目标批复 (demo data): one notice of 怀来县财政局 issuing 怀来县卫生健康局's
 * approved 2020 targets with the budget, before they are published — the order the rules give
 * (批复 with the budget, then 公开: docs/approval-notices.md).
 */
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { addDocuments, createNotice, issueNotice } from '../store/notices/notices.ts';

export const DEMO_NOTICE = {
  number: '怀财绩〔2020〕1号',
  title: '怀来县财政局关于批复2020年度部门预算项目支出绩效目标的通知（演示数据）',
  date: '2020-03-02',
  body: [
    '县卫生健康局：',
    '根据县人民代表大会批准的2020年预算，现将你单位2020年度项目支出绩效目标批复如下（见附件）。',
    '请严格按照批复的绩效目标组织实施，开展绩效运行监控，年度终了开展绩效自评。',
    '本通知为演示数据。',
  ].join('\n'),
};

export async function seedDemoNotice(store: Store, actor: Actor, bureauId: number, documentId: number): Promise<void> {
  const db = store.db;
  const id = await createNotice(db, actor, bureauId, 2020, DEMO_NOTICE);
  const version = await addDocuments(db, actor, id, 1, [documentId]);
  await issueNotice(db, actor, id, version);
}
