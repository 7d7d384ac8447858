/** How the conflict dialog names a merged field and shows a value: as the form reads, 项目名称 / 第5行 三级指标. */
import type { FieldRef } from '../../core/model/merge.ts';
import { PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import type { Messages } from '../../i18n/index.ts';

type Web = Messages['web'];

export function fieldName(m: Web, { field, row }: FieldRef): string {
  const c = m.editor.conflict;
  if (field === 'rowAdded') return c.rowAdded(row!);
  if (field === 'rowDeleted') return c.rowDeleted(row!);
  if (field === 'rowOrder') return c.rowOrder;
  if (field === 'row') return c.wholeRow(row!);
  const names: Record<string, string> = {
    ...c.fieldNames,
    code: m.project.code,
    name: m.project.name,
    'budget.total': m.project.total,
    'budget.fiscal': m.project.fiscal,
    'budget.other': m.project.other,
    'budget.sources': m.project.sources,
    useOfFunds: m.project.useOfFunds,
    spendingPlan: m.project.spendingPlan,
    goals: m.project.goals,
    department: m.project.department,
    departmentGoals: m.department.title,
    attribute: m.project.attributeOnly,
    period: m.project.period,
    level1: m.project.level1,
    level2: m.project.level2,
    level3: m.project.level3,
    description: m.project.description,
    target: m.project.target,
    basis: m.project.basis,
    remark: m.project.remark,
    ...Object.fromEntries(PROVINCIAL_INDICATOR_COLUMNS.map((c) => [c.id, m.project[c.id]])),
    overallGoal: m.department.overallGoal,
    subGoals: m.department.subGoals,
    safeguards: m.department.safeguards,
  };
  const name = names[field] ?? field;
  return row === null ? name : c.atRow(row, name);
}

/** A value as one line of text: a row by its description and target, lists item by item; a code such as a term is left out. */
export function valueText(m: Web, field: string, value: unknown): string {
  const c = m.editor.conflict;
  if (field === 'row') {
    if (value === null) return c.rowRemoved;
    const r = value as { description: string; target: string };
    return [r.description, r.target].filter(Boolean).join(' ') || c.empty;
  }
  const plain = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return v.map(plain).filter(Boolean).join('；');
    return Object.entries(v)
      .filter(([k]) => k !== 'term')
      .map(([, x]) => plain(x))
      .filter(Boolean)
      .join(' ');
  };
  return plain(value) || c.empty;
}
