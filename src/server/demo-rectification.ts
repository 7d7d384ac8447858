/**
 * 整改 and 结果应用 in the demo county (demo data): 农业农村局's 2020 self-evaluation has two
 * rectification items opened from its checks — one answered and closed, one still open past its
 * deadline (so the dashboards show an overdue item) — and its 2021 draft, copied from 2020, carries
 * the open item and last year's results, and gives the results report a next-year request to set
 * beside each project.
 */
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { copyToNextYear } from '../store/documents/create.ts';
import { openRectification, stepRectification } from '../store/rectification/items.ts';

export async function seedDemoRectification(store: Store, reviewer: Actor, unit: Actor, documentId: number): Promise<void> {
  const db = store.db;
  const projects = await db
    .selectFrom('projects')
    .select(['code', 'name'])
    .where('document_id', '=', documentId)
    .orderBy('position')
    .limit(2)
    .execute();
  const [first, second] = projects;
  if (!first || !second) return;
  const closed = await openRectification(db, reviewer, {
    documentId,
    projectCode: first.code,
    indicatorIndex: null,
    field: 'budget',
    severity: 'warning',
    finding: `${first.name}：上半年预算执行进度滞后于支出计划（演示数据）`,
    suggestion: '分析滞后原因，按月跟踪执行',
    requirement: '说明原因并提交加快执行的措施（演示数据）',
    source: { kind: 'selfEvaluation', ruleId: 'monitoring.explanation' },
    deadline: '2021-03-31',
  });
  const answered = await stepRectification(
    db,
    unit,
    closed.id,
    closed.version,
    'respond',
    '已建立按月调度制度，下半年执行进度恢复（演示数据）',
  );
  await stepRectification(db, reviewer, closed.id, answered.version, 'close', '整改到位，同意销号（演示数据）');
  await openRectification(db, reviewer, {
    documentId,
    projectCode: second.code,
    indicatorIndex: 1,
    field: 'indicators.target',
    severity: 'warning',
    finding: `${second.name}：第 1 行指标全年实际值未达到年度指标值，偏差原因分析不充分（演示数据）`,
    suggestion: '补充偏差原因分析和改进措施',
    requirement: '补充偏差原因分析，提交改进措施和相关佐证材料（演示数据）',
    source: { kind: 'selfEvaluation', ruleId: 'evaluation.analysis' },
    deadline: '2021-04-30',
  });
  await copyToNextYear(db, unit, documentId);
}
