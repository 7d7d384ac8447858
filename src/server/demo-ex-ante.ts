/**
 * The demo's 事前绩效评估: the seed's 普法宣传 project, marked 新增, with a completed assessment written
 * from the project's own figures (budget, use of funds, goals, indicators) — demo data, said so in
 * its suggestions, for a newcomer to see what the stage asks for. The bureau's amount stays at its
 * default (0: no assessment required) so that the seed's own findings are unchanged; a bureau that
 * sets one sees the rule at work (docs/ex-ante.md).
 */
import type { ExAnteAssessment } from '../core/ex-ante/assessment.ts';
import type { Project, TargetDocument } from '../core/model/document.ts';

export const DEMO_NEW_PROJECT = '普法宣传';

/** The seed with its 普法宣传 project marked 新增 (the seed's form leaves 项目属性 out). */
export const withDemoNewProject = (seed: TargetDocument): TargetDocument => ({
  ...seed,
  projects: seed.projects.map((p) => (p.name.trim() === DEMO_NEW_PROJECT ? { ...p, attribute: '新增' } : p)),
});

/** The use of funds' first sentence, without its full stop. */
const firstSentence = (text: string): string => text.trim().split(/[。；;]/, 1)[0]!;

export function demoAssessment(project: Project, unitName: string, year: number): ExAnteAssessment {
  const budget = `${project.budget.total ?? '—'}${project.amountUnit}`;
  const outputs = project.indicators.filter((i) => i.level1.includes('产出')).length;
  return {
    necessity: {
      finding: `${project.name}的资金用于“${firstSentence(project.useOfFunds)}”，属于${unitName}的法定职责，与普法规划相衔接，与单位其他项目无重复交叉。`,
      score: '18',
    },
    economy: { finding: `申请预算${budget}，支出内容与职责匹配，测算依据为上年同类活动的实际支出。`, score: '17' },
    targets: {
      finding: `项目设定绩效目标${project.goals.length}条、绩效指标${project.indicators.length}个（其中产出指标${outputs}个），目标与资金量基本匹配，部分指标可进一步量化。`,
      score: '16',
    },
    feasibility: { finding: '实施方案明确了活动安排、责任分工和时间进度，组织保障到位。', score: '18' },
    financing: { finding: '资金全部来源于本级财政预算，筹资方式符合规定。', score: '19' },
    conclusion: 'support',
    suggestions: '进一步细化质量指标的取值依据。（演示数据：由系统按样例项目的数据生成，不是真实评估。）',
    assessor: { kind: 'unit', name: unitName },
    date: `${year - 1}-10-15`,
  };
}
