/**
 * 事前绩效评估 (ex-ante performance assessment) of a new project, as the provincial and municipal
 * 办法 structure the report: the five points 中发〔2018〕34号 names — 立项必要性, 投入经济性,
 * 绩效目标合理性, 实施方案可行性, 筹资合规性 — each with the assessor's findings and a score out of
 * 20 (the scoring tables give each point 20 of 100), then an overall conclusion of 予以支持 / 部分支持 /
 * 不予支持, who assessed (the unit itself or a third party it engaged) and when. See docs/ex-ante.md.
 */
import Type from 'typebox';
import { Decimal, dec } from '../model/decimal.ts';
import { NonNegativeDecimalText } from '../model/document.ts';

/** The five points, in the order the report prints them. */
export const SECTION_IDS = ['necessity', 'economy', 'targets', 'feasibility', 'financing'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The most points one section scores: five sections make 100. */
export const SECTION_POINTS = '20';

export const FINDING_LIMIT = 4000;

export const ExAnteSection = Type.Object({
  finding: Type.String({ maxLength: FINDING_LIMIT, description: '评估情况（论证过程与发现）' }),
  score: Type.Union([NonNegativeDecimalText, Type.Null()], { description: '得分（满分 20 分），未评分为 null' }),
});
export type ExAnteSection = Type.Static<typeof ExAnteSection>;

export const ExAnteConclusion = Type.Union([Type.Literal('support'), Type.Literal('partial'), Type.Literal('reject')], {
  description: 'support 予以支持 / partial 部分支持 / reject 不予支持',
});
export type ExAnteConclusion = Type.Static<typeof ExAnteConclusion>;

export const AssessorKind = Type.Union([Type.Literal('unit'), Type.Literal('thirdParty')], {
  description: 'unit 单位自行评估 / thirdParty 委托第三方机构',
});
export type AssessorKind = Type.Static<typeof AssessorKind>;

export const ExAnteAssessment = Type.Object(
  {
    necessity: ExAnteSection,
    economy: ExAnteSection,
    targets: ExAnteSection,
    feasibility: ExAnteSection,
    financing: ExAnteSection,
    conclusion: Type.Union([ExAnteConclusion, Type.Null()], { description: '总体结论；未下结论为 null' }),
    suggestions: Type.String({ maxLength: FINDING_LIMIT, description: '相关建议' }),
    assessor: Type.Object({
      kind: AssessorKind,
      name: Type.String({ maxLength: 200, description: '评估机构或单位名称' }),
    }),
    date: Type.Union([Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()], { description: '评估日期' }),
  },
  { additionalProperties: false, description: '事前绩效评估' },
);
export type ExAnteAssessment = Type.Static<typeof ExAnteAssessment>;

export const blankAssessment = (assessorName = ''): ExAnteAssessment => ({
  necessity: { finding: '', score: null },
  economy: { finding: '', score: null },
  targets: { finding: '', score: null },
  feasibility: { finding: '', score: null },
  financing: { finding: '', score: null },
  conclusion: null,
  suggestions: '',
  assessor: { kind: 'unit', name: assessorName },
  date: null,
});

/** What a stored assessment amounts to for the review: complete and supported, complete but rejected, or not complete. */
export type AssessmentState = 'complete' | 'rejected' | 'incomplete';

/** Every section has findings and a score, and the assessment has a conclusion, an assessor and a date. */
export function isComplete(a: ExAnteAssessment): boolean {
  return (
    SECTION_IDS.every((id) => a[id].finding.trim() !== '' && a[id].score !== null) &&
    a.conclusion !== null &&
    a.assessor.name.trim() !== '' &&
    a.date !== null
  );
}

export const stateOf = (a: ExAnteAssessment): AssessmentState =>
  !isComplete(a) ? 'incomplete' : a.conclusion === 'reject' ? 'rejected' : 'complete';

/** The total of the sections scored so far (out of 100), exactly. */
export const totalScore = (a: ExAnteAssessment): Decimal =>
  SECTION_IDS.reduce((total, id) => (a[id].score === null ? total : total.plus(dec(a[id].score))), new Decimal(0));

/** "2019-10-15" as a day the calendar has ("2019-02-30" is not one, though Date.parse rolls it over). */
function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}

/**
 * Throws a RangeError naming the section whose score is above its 20 points (the schema checks
 * the rest: text lengths, the conclusion, the date's form).
 */
export function checkAssessment(a: ExAnteAssessment): ExAnteAssessment {
  for (const id of SECTION_IDS) {
    const score = a[id].score;
    if (score !== null && dec(score).greaterThan(SECTION_POINTS)) throw new RangeError(id);
  }
  if (a.date !== null && !isCalendarDate(a.date)) throw new RangeError('date');
  return a;
}
