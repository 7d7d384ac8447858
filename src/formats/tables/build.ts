/**
 * Forms read from tables to the model: amounts read exactly in the unit the form declares (or its
 * cells print, or its profile has), code-name cells split, projects grouped into one document per
 * unit, a 部门整体 table as its document's department part, and a 自评表's results as actuals
 * (完成值 at the year end, 预算执行数 as the year's spending, the scores and closing paragraphs).
 */
import type { Actuals, EvaluationNote, ProjectActuals } from '../../core/actuals/actuals.ts';
import { isTemplateInstruction } from '../../core/text/template-instruction.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import { Decimal, readDecimal } from '../../core/model/decimal.ts';
import type { AmountUnit, Budget, DecimalText, DepartmentGoals, Project, TargetDocument, Unit } from '../../core/model/document.ts';
import { named } from '../../i18n/message-ref.ts';
import { readAmountCell } from './amount.ts';
import { splitCodeName } from './code-name.ts';
import type { FormRead } from './form-read.ts';
import { kindOf } from './match-profile.ts';
import { failAt, type PlacedText } from './place.ts';

const TOTAL_ROW = /总额|合计|总计/u;
const FISCAL_ROW = /^(?:其中[:：])?(?:财政资金|财政拨款)/u;
const OTHER_ROW = /^其他资金/u;
const PREFIX = /^其中[:：]\s*/u;

interface Built {
  documents: TargetDocument[];
  actuals: Actuals | null;
}

export function buildDocuments(file: string, forms: readonly FormRead[], profile: FormProfile, yearOption: number | undefined): Built {
  const fileYear = forms.find((f) => f.year !== null)?.year ?? null;
  const documents = new Map<string, TargetDocument>();
  const actuals: ProjectActuals[] = [];
  // One document per unit and year; a form that prints no unit code (a project's 实施单位) joins the
  // document of the same name that does (its 部门整体 table's 部门预算编码).
  const documentOf = (unit: Unit, year: number | null): TargetDocument => {
    const byName = `${unit.name}\u0000${year ?? ''}`;
    const named = documents.get(byName);
    if (named !== undefined && (named.unit.code === null || unit.code === null || named.unit.code === unit.code)) {
      if (named.unit.code === null && unit.code !== null) named.unit = { ...named.unit, code: unit.code };
      return named;
    }
    const key = named === undefined ? byName : `${byName}\u0000${unit.code}`;
    let d = documents.get(key);
    if (d === undefined) documents.set(key, (d = { unit, year, department: null, projects: [] }));
    return d;
  };
  for (const form of forms) {
    const unread = form.unread[0];
    if (unread !== undefined) failAt(file, unread.at, named.formats.tables.unread(unread.text));
    const year = yearOption ?? form.year ?? fileYear;
    const unit = amountUnitOf(form, profile);
    const amount = (p: PlacedText | null | undefined) => readAmount(file, p, unit);
    // Its actual values have no place in the model yet: refused rather than read without them.
    if (form.department && form.fields.name === undefined && kindOf(form) === 'selfEvaluation')
      failAt(file, form.at, named.formats.tables.departmentSelfEvaluation);
    if (kindOf(form) === 'department') {
      const d = documentOf(unitOf(form), year);
      d.department = departmentOf(form, unit, amount);
      continue;
    }
    const project = projectOf(file, form, unit, amount);
    documentOf(unitOf(form), year).projects.push(project);
    if (kindOf(form) === 'selfEvaluation') actuals.push(actualsOf(file, form, project, unit, year));
  }
  return { documents: [...documents.values()], actuals: actuals.length === 0 ? null : { projects: actuals } };
}

function amountUnitOf(form: FormRead, profile: FormProfile): AmountUnit {
  if (form.declaredUnit !== null) return form.declaredUnit;
  const cells = [
    ...Object.values(form.fields),
    ...form.sources.map((s) => s.amount),
    ...form.execution.flatMap((row) => Object.values(row.cells)),
    form.funds.total,
    form.funds.project,
    form.funds.basic,
    ...form.duties.map((d) => d.amount),
  ];
  for (const c of cells) {
    const unit = c === null || c === undefined ? null : (readAmountCell(c.text)?.unit ?? null);
    if (unit !== null) return unit;
  }
  return profile.amountUnit;
}

function readAmount(file: string, p: PlacedText | null | undefined, unit: AmountUnit): DecimalText | null {
  if (p === null || p === undefined) return null;
  const reading = readAmountCell(p.text);
  if (reading === undefined || (reading.unit !== null && reading.unit !== unit))
    failAt(file, p.at, named.formats.tables.notAnAmount(p.text, unit));
  return reading!.value;
}

const PERCENT_SIGN = /[%％]$/u;

function readPercent(file: string, p: PlacedText): DecimalText | null {
  const value = readDecimal(p.text.replace(PERCENT_SIGN, ''));
  if (value === undefined) failAt(file, p.at, named.formats.tables.notANumber(p.text));
  return value ?? null;
}

function unitOf(form: FormRead): Unit {
  const printed = form.fields.unit ?? form.fields.department;
  const split = printed === undefined ? { code: null, name: '' } : splitCodeName(printed.text);
  return { code: form.unitCode?.text ?? split.code, name: split.name };
}

type Amount = (p: PlacedText | null | undefined) => DecimalText | null;

function budgetOf(form: FormRead, amount: Amount): Budget {
  const f = form.fields;
  const budget: Budget = {
    total: amount(f.total),
    fiscal: amount(f.fiscal),
    other: amount(f.other),
    sources: form.sources.map((s) => ({ name: s.name, amount: amount(s.amount) })),
  };
  if (form.execution.length > 0) {
    for (const row of form.execution) {
      const value = amount(row.cells.initial);
      if (TOTAL_ROW.test(row.label)) budget.total = value;
      else if (FISCAL_ROW.test(row.label)) budget.fiscal = value;
      else if (OTHER_ROW.test(row.label)) budget.other = value;
      else budget.sources.push({ name: row.label.replace(PREFIX, ''), amount: value });
    }
  }
  if (f.mediumTerm !== undefined) budget.mediumTerm = amount(f.mediumTerm);
  return budget;
}

function projectOf(file: string, form: FormRead, amountUnit: AmountUnit, amount: Amount): Project {
  const f = form.fields;
  const printedName = f.name?.text ?? '';
  const split = splitCodeName(printedName);
  const attribute = f.attribute?.text;
  const project: Project = {
    code: f.code?.text ?? split.code ?? '',
    name: split.code === null ? printedName : split.name,
    unit: unitOf(form),
    amountUnit,
    budget: budgetOf(form, amount),
    useOfFunds: f.useOfFunds?.text ?? '',
    spendingPlan: form.spendingPlan.map((c) => ({ checkpoint: c.checkpoint, percent: readPercent(file, c.percent) })),
    goals: form.goals,
    indicators: form.indicators.map((i) => i.indicator),
    // Kept as printed: the model has no place for a department's code ("(433)乌海市供销合作社联合社(部门)").
    department: f.department?.text ?? null,
    attribute: attribute?.includes('新增') ? '新增' : attribute?.includes('延续') ? '延续' : null,
    period: f.period?.text ?? null,
  };
  for (const id of ['category', 'constructionPeriod', 'manager', 'approvalNumber', 'subjectCode'] as const) {
    const v = f[id];
    if (v !== undefined) project[id] = v.text;
  }
  return project;
}

function departmentOf(form: FormRead, amountUnit: AmountUnit, amount: Amount): DepartmentGoals {
  return {
    overallGoal: form.overallGoal ?? form.goals.map((g) => g.text).join('\n'),
    subGoals: [],
    safeguards: [],
    funds: {
      amountUnit,
      total: amount(form.fields.total ?? form.funds.total),
      project: amount(form.funds.project),
      basic: amount(form.funds.basic),
    },
    duties: form.duties.map((d) => ({
      duty: d.duty?.text ?? '',
      task: d.task?.text ?? '',
      projectName: d.projectName?.text ?? '',
      amount: amount(d.amount),
    })),
    indicators: form.indicators.map((i) => i.indicator),
  };
}

/** 万元, as actuals keep every amount, exactly. */
const inWan = (value: DecimalText | null, unit: AmountUnit): DecimalText | null =>
  value === null || unit === '万元' ? value : new Decimal(value).div(10000).toFixed();

function actualsOf(file: string, form: FormRead, project: Project, unit: AmountUnit, year: number | null): ProjectActuals {
  const total = form.execution.find((row) => TOTAL_ROW.test(row.label));
  const amount = (p: PlacedText | undefined) => inWan(readAmount(file, p, unit), unit);
  const executed = amount(total?.cells.executed);
  const needsDate = executed !== null || form.indicators.some((i) => i.actual !== null);
  if (needsDate && year === null) failAt(file, form.at, named.formats.tables.noYear);
  const date = `${year}-12-31`;
  const reason = total?.cells.reason?.text ?? '';
  const statements = [...form.statements];
  if (reason !== '') statements.push({ kind: 'budgetAnalysis', text: reason, instruction: isTemplateInstruction(reason) });
  const evaluation: EvaluationNote[] = [];
  const note = (index: number | null, analysis: string, score: DecimalText | null): EvaluationNote => ({
    index,
    notApplicable: false,
    notApplicableReason: '',
    analysis,
    points: null,
    gradePercent: null,
    score,
  });
  const scoreCell = total?.cells.score;
  const budgetScore = scoreCell === undefined ? null : readDecimal(scoreCell.text);
  if (budgetScore === undefined) failAt(file, scoreCell!.at, named.formats.tables.notANumber(scoreCell!.text));
  const budgetAnalysis = statements.find((s) => s.kind === 'budgetAnalysis' && !s.instruction)?.text ?? '';
  if (budgetScore !== null || budgetAnalysis !== '') evaluation.push(note(null, budgetAnalysis, budgetScore ?? null));
  for (const [i, r] of form.indicators.entries()) {
    if (r.score !== null || r.shortfallReason !== null) evaluation.push(note(i + 1, r.shortfallReason ?? '', r.score));
  }
  return {
    projectCode: project.code,
    adjustedBudget: amount(total?.cells.adjusted),
    results: statements.find((s) => s.kind === 'results' && !s.instruction)?.text ?? '',
    spending: executed === null ? [] : [{ date, cumulative: executed, note: '' }],
    values: form.indicators.flatMap((r, i) => (r.actual === null ? [] : [{ index: i + 1, date, value: r.actual, note: '' }])),
    monitoring: [],
    evaluation,
    statements,
  };
}
