/**
 * Small documents for rule tests: a clean document (no findings at all) and ways to change
 * one thing in it, so that each test shows exactly what makes its rule speak.
 */
import type { FormProfile } from '../forms/profile.ts';
import { hebei2020 } from '../forms/profiles/hebei-2020.ts';
import type { Indicator, Project, TargetDocument } from '../model/document.ts';
import { annualRow } from '../model/indicator.testing.ts';
import { reviewDocument, type ReviewOptions } from './engine.ts';
import type { Finding } from './finding.ts';
import type { RuleId } from './rule.ts';

/** The rows of a clean 2020 (older form) table: 数量, 质量, 时效, 社会效益, 满意度. */
export const CLEAN_ROWS: readonly Indicator[] = [
  ['产出指标', '数量指标', '办理法律援助案件数量', '≥120件', '2019年实际办理116件（历史标准）'],
  ['产出指标', '质量指标', '法律援助案件结案率', '≥95%', '《法律援助案件质量标准》（行业标准）'],
  ['产出指标', '时效指标', '法律援助申请审查时限', '≤7个工作日', '《法律援助条例》规定'],
  ['效果指标', '社会效益指标', '受援困难群众人数', '≥150人', '2020年法律援助工作计划'],
  ['满意度指标', '服务对象满意度指标', '受援群众满意度', '≥90%', '上年满意度调查结果（历史标准）'],
].map(([level1, level2, description, target, basis]) => annualRow(level1!, level2!, description!, target!, basis!));

export function aProject(changes: Partial<Project> = {}): Project {
  return {
    code: '315-0105-JBN-2D9U',
    name: '法律援助',
    unit: { code: '315002', name: '怀来县司法局' },
    amountUnit: '万元',
    budget: { total: '5.00', fiscal: '5.00', other: null, sources: [] },
    useOfFunds: '组织律师为经济困难群众和特殊案件当事人无偿提供法律服务，办理法律援助案件。',
    spendingPlan: [
      { checkpoint: '3月底', percent: '20.00' },
      { checkpoint: '6月底', percent: '50.00' },
      { checkpoint: '10月底', percent: '75.00' },
      { checkpoint: '12月底', percent: '100.00' },
    ],
    goals: [{ term: 'annual', text: '全年办理法律援助案件不少于120件，结案率不低于95%。' }],
    indicators: CLEAN_ROWS.map((r) => ({ ...r })),
    department: null,
    attribute: null,
    period: null,
    ...changes,
  };
}

export function aDocument(changes: Partial<TargetDocument> = {}): TargetDocument {
  return {
    unit: { code: '315002', name: '怀来县司法局' },
    year: 2020,
    department: {
      overallGoal: '围绕年初制定的各项目标任务，发挥法律宣传、法律保障、法律服务职能。',
      subGoals: [{ label: '一、', text: '扩大法律援助覆盖面，全年办理法律援助案件不少于120件。', children: [] }],
      safeguards: [{ label: '一、', text: '健全法律援助案件质量评估制度。', children: [] }],
    },
    projects: [aProject()],
    ...changes,
  };
}

/** The clean document with one indicator row of its project changed (0-based `at`). */
export function withRow(changes: Partial<Indicator>, at = 0): TargetDocument {
  const project = aProject();
  project.indicators[at] = { ...project.indicators[at]!, ...changes };
  return aDocument({ projects: [project] });
}

/** The clean document with its project changed. */
export const withProject = (changes: Partial<Project>): TargetDocument => aDocument({ projects: [aProject(changes)] });

/** The findings one rule makes on a document. */
export const findingsOf = (ruleId: RuleId, document: TargetDocument, options?: ReviewOptions): Finding[] =>
  reviewDocument(document, options).filter((f) => f.ruleId === ruleId);

/** Where one rule's findings point: "projectCode#row" (row omitted for a project, "document" for none). */
export const placesOf = (ruleId: RuleId, document: TargetDocument, options?: ReviewOptions): string[] =>
  findingsOf(ruleId, document, options).map((f) =>
    f.projectCode === null ? 'document' : f.indicatorIndex === null ? f.projectCode : `${f.projectCode}#${f.indicatorIndex}`,
  );

/**
 * The sample's form as a province that weights each row would print it (乌海: 绩效指标 90分, 产出
 * 50, 效果 30, 满意度 10) — a test's profile, not a shipped one.
 */
export const WEIGHTED_PROFILE: FormProfile = {
  ...hebei2020,
  id: 'test-weighted',
  title: '项目绩效目标表（含分值）',
  columns: [...hebei2020.columns, { id: 'weight', heading: '分值' }],
  level1: [
    { kind: 'output', name: '产出指标', points: { min: '50', max: '50' } },
    { kind: 'outcome', name: '效果指标', points: { min: '20', max: '30' } },
    { kind: 'satisfaction', name: '满意度指标' },
  ],
  weights: 'column',
  totalPoints: '90',
};

/** The clean document's rows weighted to the weighted profile's 90: 产出 20+20+10, 效果 30, 满意度 10. */
export function weighted(weights: readonly (string | null)[] = ['20', '20', '10', '30', '10']): TargetDocument {
  const project = aProject();
  project.indicators = project.indicators.map((row, i) => ({ ...row, weight: weights[i] ?? null }));
  return aDocument({ projects: [project] });
}
