/**
 * The demo county's 绩效评价: one 财政评价 of 怀来县卫生健康局's first project, commissioned from a
 * third-party institution (its evaluator account's password is shown to no one: an admin resets it
 * to hand it over), recorded with a score, findings and a report, submitted and accepted — so the
 * evaluations page, the unit's view and the rectification of findings have something on first start.
 * The report is the project's targets as the publication PDF writer prints them, marked demo data.
 */
import type { TargetDocument } from '../core/model/document.ts';
import { DEFAULT_EVALUATION_SETTINGS } from '../core/evaluation/settings.ts';
import { writePdf } from '../formats/pdf/write-pdf.ts';
import { createUser } from '../store/accounts.ts';
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { acceptEvaluation, addFinding, createEvaluation, recordResult, saveReport, submitEvaluation } from '../store/evaluations/write.ts';
import { generatePassword } from '../store/password.ts';

export const DEMO_EVALUATOR = 'huailai-pingjia';
export const DEMO_EVALUATION_BODY = '河北某某绩效评价咨询有限公司（演示数据）';

const FINDINGS = [
  { severity: 'moderate', concerns: '产出指标', text: '部分产出指标未细化量化，年终难以核实完成情况（演示数据）。' },
  { severity: 'minor', concerns: '资金支出计划', text: '上半年支出进度慢于计划，资金集中在四季度支出（演示数据）。' },
  { severity: 'major', concerns: '满意度指标', text: '满意度调查样本不足，结论依据不充分（演示数据）。' },
] as const;

export async function seedDemoEvaluation(
  store: Store,
  actor: Actor,
  county: { id: number },
  document: { id: number; content: TargetDocument },
): Promise<void> {
  const db = store.db;
  const project = document.content.projects[0];
  if (!project) return;
  const evaluator = await createUser(db, actor, {
    username: DEMO_EVALUATOR,
    displayName: '评价项目组',
    role: 'evaluator',
    bureauId: county.id,
    organisation: DEMO_EVALUATION_BODY,
    password: generatePassword(),
    oneTimePassword: true,
  });
  const id = await createEvaluation(db, actor, {
    bureauId: county.id,
    year: document.content.year ?? 2020,
    kind: 'finance',
    title: `${project.name}财政重点评价（演示数据）`,
    evaluatingBody: DEMO_EVALUATION_BODY,
    subject: { documentId: document.id, projectCode: project.code },
    evaluatorIds: [evaluator.id],
  });
  const third: Actor = { id: evaluator.id, name: evaluator.displayName };
  let version = await recordResult(
    db,
    third,
    id,
    1,
    {
      score: '86.5',
      summary: '项目绩效目标基本实现，资金使用规范；指标细化和满意度调查有待改进（演示数据）。',
    },
    DEFAULT_EVALUATION_SETTINGS,
  );
  for (const f of FINDINGS) version = (await addFinding(db, third, id, version, f)).version;
  const report = await writePdf([{ ...document.content, projects: [project] }]);
  version = await saveReport(db, third, id, version, {
    fileName: '评价报告（演示数据）.pdf',
    contentType: 'application/pdf',
    bytes: report,
  });
  version = await submitEvaluation(db, third, id, version);
  await acceptEvaluation(db, actor, id, version);
}
