/**
 * A monitored year for the demo county, so a fresh `npm start` has something on its monitoring
 * pages and dashboards: two of the demo units' 2020 documents are approved and carry a year of
 * actuals — spending at each checkpoint of the plan, the year-end value of every indicator, the
 * explanations monitoring asks for, and the self-evaluation notes — made up repeatably from the
 * targets, with every kind of project: on plan, behind (yellow), far behind (red) and with an
 * indicator that will not be met. Nothing more is published (the public lists still hold only
 * what the demo's visitor publishes), and the seed (怀来县司法局's 2020 draft) is left as it is.
 */
import type { Actuals, MonitoringNote, ProjectActuals } from '../core/actuals/actuals.ts';
import { Decimal, fixed } from '../core/model/decimal.ts';
import type { Project } from '../core/model/document.ts';
import { datedPlan } from '../core/monitoring/checkpoint.ts';
import { parseTargetValue } from '../core/target-value/parse.ts';
import { commitImport } from '../store/actuals/import.ts';
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import { modelOf, readDocument } from '../store/documents/read.ts';
import { transition } from '../store/workflow.ts';

/** Spending as a share of the plan at each checkpoint, by project pattern: on plan, yellow, red, red by an indicator. */
const PACE: readonly (readonly number[])[] = [
  [1, 1, 1, 1],
  [0.95, 0.8, 0.92, 0.96],
  [0.5, 0.6, 0.7, 0.88],
  [1, 1, 0.98, 1],
];

/** What a unit would have recorded for a project over its year. */
export function demoProjectActuals(project: Project, year: number, pattern: number): ProjectActuals {
  const pace = PACE[pattern % PACE.length]!;
  const budget = new Decimal(project.budget.total ?? 0);
  const plan = datedPlan(project.spendingPlan, year).filter((c) => c.date !== null && c.percent !== null);
  const spending: ProjectActuals['spending'] = [];
  const monitoring: MonitoringNote[] = [];
  let previous = new Decimal(0);
  plan.forEach((c, i) => {
    const share = pace[Math.min(i, pace.length - 1)]!;
    const spent = Decimal.max(previous, budget.times(c.percent!).div(100).times(share));
    previous = new Decimal(fixed(spent));
    spending.push({ date: c.date!, cumulative: fixed(spent), note: i === plan.length - 1 ? '全年支出' : '' });
    // Behind the plan by 10 points or more: the cause and the measure, as the monitoring form asks.
    if (c.percent!.times(1 - share).gte(10))
      monitoring.push({
        index: null,
        date: c.date!,
        cause:
          share < 0.7
            ? { category: 'funding', text: '上级补助资金下达较晚，部分采购尚未支付' }
            : { category: 'institutional', text: '政府采购流程较长，合同款按进度支付' },
        likelihood: 'possible',
        measure: '加快采购和支付进度，按月跟踪执行',
        expectedYearEnd: '',
      });
  });

  // Year-end values: every target met, except the first quantitative row of the last pattern.
  const unmetRow =
    pattern % PACE.length === 3 ? project.indicators.findIndex((i) => parseTargetValue(i.target).kind === 'quantitative') + 1 : 0;
  const yearEnd = `${year}-12-31`;
  const values: ProjectActuals['values'] = [];
  const evaluation: ProjectActuals['evaluation'] = [];
  project.indicators.forEach((indicator, i) => {
    const index = i + 1;
    const target = parseTargetValue(indicator.target);
    let value = indicator.target;
    if (target.kind === 'quantitative') {
      const reached = index === unmetRow ? new Decimal(target.value).times(0.8) : new Decimal(target.value);
      value = `${reached.toDecimalPlaces(target.unit === '%' ? 2 : 0, Decimal.ROUND_DOWN)}${target.unit}`;
    } else if (target.kind === 'qualitative') value = '达成';
    values.push({ index, date: yearEnd, value, note: '' });
  });
  if (unmetRow > 0) {
    const october = plan.find((c) => c.date!.slice(5, 7) === '10')?.date ?? `${year}-10-31`;
    monitoring.push({
      index: unmetRow,
      date: october,
      cause: { category: 'staffing', text: '承担单位人员调整，任务推迟' },
      likelihood: 'impossible',
      measure: '调整工作安排，年底前完成主要任务，未完成部分结转下年',
      expectedYearEnd: '',
    });
    evaluation.push({
      index: unmetRow,
      notApplicable: false,
      notApplicableReason: '',
      analysis: '人员调整致任务推迟，已调整工作安排，下年度优先完成',
      points: null,
      gradePercent: null,
    });
  }
  if (!previous.equals(budget))
    evaluation.push({
      index: null,
      notApplicable: false,
      notApplicableReason: '',
      analysis: '结余资金为采购节约，已按规定收回',
      points: null,
      gradePercent: null,
    });

  return {
    projectCode: project.code,
    adjustedBudget: null,
    results: '年度绩效目标基本完成',
    spending,
    values,
    monitoring,
    evaluation,
  };
}

/** Submits and approves the (new, clean) documents and records a year of actuals in each. */
export async function seedMonitoredYear(store: Store, actor: Actor, documentIds: readonly number[]): Promise<void> {
  let pattern = 0;
  for (const id of documentIds) {
    const { version } = await transition(store.db, actor, id, 1, 'submit');
    await transition(store.db, actor, id, version, 'approve');
    const model = modelOf((await readDocument(store.db, id))!);
    const actuals: Actuals = { projects: model.projects.map((p) => demoProjectActuals(p, model.year!, pattern++)) };
    await commitImport(store.db, actor, id, actuals);
  }
}
