/**
 * The demo county's 自评任务 (docs/self-evaluation-tasks.md), so a fresh start shows the stage with
 * data: the county bureau's 2020 task to all its units, 怀来县卫生健康局's self-evaluation submitted
 * and accepted, and the 抽评 sample drawn from it with a recorded seed and re-checked. The other
 * units have not started (their reminders say the deadline has passed).
 */
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { reviewAssignment, submitAssignment } from '../store/evaluation-tasks/review.ts';
import { drawTaskSample, listRechecks, saveRecheck } from '../store/evaluation-tasks/samples.ts';
import { createTask } from '../store/evaluation-tasks/tasks.ts';

export const DEMO_TASK_TITLE = '2020年度项目支出绩效自评';
export const DEMO_SAMPLE_SEED = 'huailai-2020-demo';

export async function seedDemoEvaluationTasks(store: Store, actor: Actor, countyId: number, submittingUnitId: number): Promise<void> {
  const db = store.db;
  const task = await createTask(db, actor, countyId, {
    year: 2020,
    title: DEMO_TASK_TITLE,
    deadline: '2021-03-31',
    scope: { kind: 'all' },
  });
  const assignment = await db
    .selectFrom('evaluation_assignments')
    .select(['id', 'version'])
    .where('task_id', '=', task.id)
    .where('unit_id', '=', submittingUnitId)
    .executeTakeFirstOrThrow();
  const submitted = await submitAssignment(db, actor, assignment.id, assignment.version);
  await reviewAssignment(db, actor, assignment.id, submitted.version, 'accept', '演示数据：自评资料完整，予以通过');
  await drawTaskSample(db, actor, task.id, task.version, { percent: 20 }, DEMO_SAMPLE_SEED);
  const [drawn] = (await listRechecks(db, task.id, {})).items;
  if (drawn)
    await saveRecheck(db, actor, drawn.id, drawn.version, {
      score: '88.50',
      findings: '演示数据：个别效益指标实际值缺少佐证材料，复核扣分',
    });
}
