/**
 * The demo's 目标调整 (demo data, made up from the generated targets): 怀来县卫生健康局's published
 * 2020 targets were adjusted from 7月1日 — its second project's first 正向 target lowered by a tenth,
 * a change the year's recorded values still meet, so the demo's monitoring and scores stay as they were.
 */
import { Decimal } from '../core/model/decimal.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { parseTargetValue } from '../core/target-value/parse.ts';
import { draftAdjustment, saveAdjustment, stepAdjustment } from '../store/adjustments/steps.ts';
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';

export const DEMO_ADJUSTMENT_REASON = '（演示数据）上半年服务对象减少，经主管部门同意，下调第二个项目的一项数量指标。';

/**
 * The targets with the first 正向 numeric target of the second project lowered by a tenth (rounded
 * down), or null when it has none. The second: the first is the one the monitoring walk-through
 * (e2e/monitoring.test.ts) records against, and its values meet every target (./demo-actuals.ts).
 */
export function demoAdjusted(content: TargetDocument): TargetDocument | null {
  const project = content.projects[1];
  const k = project?.indicators.findIndex((i) => parseTargetValue(i.target).kind === 'quantitative' && i.target.includes('≥')) ?? -1;
  if (!project || k < 0) return null;
  const indicators = project.indicators.map((i, n) =>
    n === k ? { ...i, target: i.target.replace(/\d+(\.\d+)?/, (x) => new Decimal(x).times('0.9').floor().toString()) } : i,
  );
  return { ...content, projects: content.projects.map((p, n) => (n === 1 ? { ...project, indicators } : p)) };
}

export async function seedDemoAdjustment(store: Store, actor: Actor, documentId: number): Promise<void> {
  const draft = await draftAdjustment(store.db, actor, documentId, { reason: DEMO_ADJUSTMENT_REASON, effectiveDate: '2020-07-01' });
  const content = demoAdjusted(draft.content);
  if (!content) return;
  const saved = await saveAdjustment(store.db, actor, draft.id, draft.version, { content });
  const submitted = await stepAdjustment(store.db, actor, saved.id, saved.version, 'submit');
  await stepAdjustment(store.db, actor, submitted.id, submitted.version, 'approve', '（演示数据）同意调整。');
}
