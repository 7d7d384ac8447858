/**
 * What changed between two versions of a document, field by field, as a reviewer reads a
 * resubmission: the department goals, each project's header fields, its lists (fund sources,
 * spending plan, goals) and its indicator rows, each change with where it is in words, the before
 * and the after.
 *
 * Lists are aligned before they are compared, so inserting, deleting or moving one row is that one
 * change and not "every later row changed": items are paired by what identifies them (first the
 * whole item, then its key — an indicator row's 一级/二级/三级) and the items left over between two
 * pairs are paired by position there. Amounts compare as exact decimals ("5" is "5.00") and show as
 * written.
 */
import { messagesFor, type Locale, type Messages } from '../../i18n/index.ts';
import { sameAmount } from './decimal.ts';
import type { DecimalText, DepartmentGoals, DutyTarget, Indicator, NumberedItem, Project, TargetDocument } from './document.ts';
import { INDICATOR_COLUMNS } from './indicator-columns.ts';
import { PROVINCIAL_PROJECT_FIELDS } from './project-fields.ts';

export type ChangeKind = 'changed' | 'added' | 'removed' | 'moved';

export interface FieldChange {
  kind: ChangeKind;
  /** Where within its part, in words: "第 4 行「结案率」 / 指标值". */
  place: string;
  /** The part and the place: "法律援助 / 第 4 行「结案率」 / 指标值". */
  location: string;
  /** The field as the form and comments name it ("indicators.target", "budget.total"), to find it on the form. */
  field: string;
  /** The 1-based indicator row in the later version (in the earlier one for a deleted row); null off the indicator table. */
  row: number | null;
  before: string | null;
  after: string | null;
}

export interface PartChanges {
  /** null for the department goals; else the project's code (the later version's, the earlier one's for a deleted project). */
  projectCode: string | null;
  title: string;
  /** A project added or deleted as a whole, or changed within. */
  kind: 'changed' | 'added' | 'removed';
  changes: FieldChange[];
}

/** The parts that changed, department first, then the projects in the later version's order (deleted ones where they were). */
export function diffDocuments(before: TargetDocument, after: TargetDocument, locale: Locale = 'zh-CN'): PartChanges[] {
  const m = messagesFor(locale).diff;
  const parts: PartChanges[] = [];
  const department = diffDepartment(m, before.department ?? NO_DEPARTMENT, after.department ?? NO_DEPARTMENT);
  if (department.length > 0)
    parts.push({ projectCode: null, title: m.department, kind: 'changed', changes: department.map((c) => located(m, m.department, c)) });
  for (const pair of align(before.projects, after.projects, [(p) => p.code, (p) => p.name])) {
    const project = pair.after ?? pair.before;
    const name = project.name === '' ? m.untitledProject : project.name;
    const changes = diffProject(m, pair.before ?? BLANK_PROJECT, pair.after ?? BLANK_PROJECT);
    if (changes.length === 0) continue;
    const kind = pair.before === undefined ? 'added' : pair.after === undefined ? 'removed' : 'changed';
    parts.push({ projectCode: project.code, title: m.projectTitle(name), kind, changes: changes.map((c) => located(m, name, c)) });
  }
  return parts;
}

type Diff = Messages['diff'];
type Place = Omit<FieldChange, 'location'>;

const located = (m: Diff, part: string, c: Place): FieldChange => ({ ...c, location: m.location(part, c.place) });

const NO_DEPARTMENT: DepartmentGoals = { overallGoal: '', subGoals: [], safeguards: [] };
/** What an added project is compared against (and a deleted one with): every field empty. */
const BLANK_PROJECT: Project = {
  code: '',
  name: '',
  unit: { code: null, name: '' },
  amountUnit: '万元',
  budget: { total: null, fiscal: null, other: null, sources: [] },
  useOfFunds: '',
  spendingPlan: [],
  goals: [],
  indicators: [],
  department: null,
  attribute: null,
  period: null,
};

// ── Alignment ───────────────────────────────────────────────────────────────────────────────

/** A pair of items, one of each version (`from`/`to` 0-based), or an item only one of them has. */
export type Aligned<T> =
  | { before: T; from: number; after: T; to: number; moved: boolean }
  | { before: T; from: number; after?: undefined; to?: undefined; moved?: undefined }
  | { before?: undefined; from?: undefined; after: T; to: number; moved?: undefined };

/**
 * Pairs the items of two versions of a list, in the later version's order with deleted items where
 * they stood. Items are matched by each key in turn (an empty key identifies nothing); the longest
 * run of matches in the same order in both stays in place and any other match is `moved`; the
 * unmatched items between two of those are paired by position, the rest are added or deleted.
 */
export function align<T>(before: readonly T[], after: readonly T[], keys: ReadonlyArray<(t: T) => string>): Aligned<T>[] {
  const partner = after.map(() => -1);
  const taken = before.map(() => false);
  for (const key of keys) {
    const free = new Map<string, number[]>();
    before.forEach((b, i) => {
      const k = key(b);
      if (taken[i] || k === '') return;
      const list = free.get(k);
      if (list) list.push(i);
      else free.set(k, [i]);
    });
    after.forEach((a, j) => {
      if (partner[j] !== -1) return;
      const i = free.get(key(a))?.shift();
      if (i === undefined) return;
      partner[j] = i;
      taken[i] = true;
    });
  }
  const anchors = increasingRun(partner);
  const out: Aligned<T>[] = [];
  let lastBefore = -1;
  let lastAfter = -1;
  for (const [endAfter, endBefore] of [...anchors.map((j) => [j, partner[j]!] as const), [after.length, before.length] as const]) {
    const unpaired: number[] = [];
    for (let i = lastBefore + 1; i < endBefore; i++) if (!taken[i]) unpaired.push(i);
    for (let j = lastAfter + 1; j < endAfter; j++) {
      const i = partner[j]! !== -1 ? partner[j]! : unpaired.shift();
      if (i === undefined) out.push({ after: after[j]!, to: j });
      else out.push({ before: before[i]!, from: i, after: after[j]!, to: j, moved: partner[j] === i });
    }
    for (const i of unpaired) out.push({ before: before[i]!, from: i });
    if (endAfter < after.length)
      out.push({ before: before[endBefore]!, from: endBefore, after: after[endAfter]!, to: endAfter, moved: false });
    lastBefore = endBefore;
    lastAfter = endAfter;
  }
  return out;
}

/**
 * The indices j (ascending) of a longest strictly increasing run of `seq[j]`, skipping the -1s:
 * the matches that kept their order.
 */
function increasingRun(seq: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = seq.map(() => -1);
  seq.forEach((v, j) => {
    if (v === -1) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    previous[j] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = j;
  });
  const run: number[] = [];
  for (let j = tails.at(-1) ?? -1; j !== -1; j = previous[j]!) run.push(j);
  return run.reverse();
}

// ── Comparing ───────────────────────────────────────────────────────────────────────────────

/** One compared field of an item: its label, its form field name, and its value as shown. */
interface FieldSpec<T> {
  label: string;
  field: string;
  value: (t: T) => string | null;
  /** Equal although the text differs (amounts: "5" and "5.00"). */
  same?: (a: string, b: string) => boolean;
}

const empty = (v: string | null) => v === null || v === '';

function compare<T>(
  before: T,
  after: T,
  fields: readonly FieldSpec<T>[],
  placeOf: (f: FieldSpec<T>) => string,
  row: number | null,
): Place[] {
  const out: Place[] = [];
  for (const f of fields) {
    const b = f.value(before);
    const a = f.value(after);
    // An empty cell and a column the form does not print are the same nothing.
    if (b === a || (empty(b) && empty(a)) || (b !== null && a !== null && f.same?.(b, a))) continue;
    out.push({
      kind: empty(b) ? 'added' : empty(a) ? 'removed' : 'changed',
      place: placeOf(f),
      field: f.field,
      row,
      before: empty(b) ? null : b,
      after: empty(a) ? null : a,
    });
  }
  return out;
}

/** How a list's items are identified, named and compared. */
interface ListSpec<T> {
  keys: ReadonlyArray<(t: T) => string>;
  /** "第 4 行「结案率」": the item at a 1-based position. */
  label: (t: T, n: number) => string;
  /** The position alone, for where a moved item was. */
  position: (n: number) => string;
  /** The whole item in a line, for one added or deleted. */
  summary: (t: T) => string;
  fields: readonly FieldSpec<T>[];
  /** The form field an added, deleted or moved item is reported at. */
  field: string;
  /** Whether positions are indicator rows (reported in `row`). */
  rows?: boolean;
}

function diffList<T>(m: Diff, before: readonly T[], after: readonly T[], spec: ListSpec<T>): Place[] {
  const out: Place[] = [];
  const row = (n: number) => (spec.rows ? n : null);
  for (const p of align(before, after, spec.keys)) {
    if (p.from === undefined) {
      out.push({
        kind: 'added',
        place: spec.label(p.after, p.to + 1),
        field: spec.field,
        row: row(p.to + 1),
        before: null,
        after: spec.summary(p.after),
      });
    } else if (p.to === undefined) {
      const place = m.removed(spec.label(p.before, p.from + 1));
      out.push({ kind: 'removed', place, field: spec.field, row: row(p.from + 1), before: spec.summary(p.before), after: null });
    } else {
      const label = spec.label(p.after, p.to + 1);
      const item = p.moved ? m.moved(label, spec.position(p.from + 1)) : label;
      const changed = compare(p.before, p.after, spec.fields, (f) => m.within(item, f.label), row(p.to + 1));
      if (p.moved && changed.length === 0)
        changed.push({
          kind: 'moved',
          place: label,
          field: spec.field,
          row: row(p.to + 1),
          before: spec.position(p.from + 1),
          after: spec.position(p.to + 1),
        });
      out.push(...changed);
    }
  }
  return out;
}

const amount = (label: string, field: string, value: (t: Project) => DecimalText | null): FieldSpec<Project> => ({
  label,
  field,
  value,
  same: sameAmount,
});

function diffProject(m: Diff, before: Project, after: Project): Place[] {
  const f = m.fields;
  const header: FieldSpec<Project>[] = [
    { label: f.code, field: 'code', value: (p) => p.code },
    { label: f.name, field: 'name', value: (p) => p.name },
    { label: f.unitCode, field: 'unit', value: (p) => p.unit.code },
    { label: f.unitName, field: 'unit', value: (p) => p.unit.name },
    { label: f.department, field: 'department', value: (p) => p.department },
    { label: f.attribute, field: 'attribute', value: (p) => p.attribute },
    { label: f.period, field: 'period', value: (p) => p.period },
    ...PROVINCIAL_PROJECT_FIELDS.map((k) => ({ label: f[k], field: k, value: (p: Project) => p[k] ?? null })),
    { label: f.amountUnit, field: 'amountUnit', value: (p) => p.amountUnit },
    amount(f.budgetTotal, 'budget.total', (p) => p.budget.total),
    amount(f.budgetFiscal, 'budget.fiscal', (p) => p.budget.fiscal),
    amount(f.budgetOther, 'budget.other', (p) => p.budget.other),
    amount(f.budgetMediumTerm, 'budget.mediumTerm', (p) => p.budget.mediumTerm ?? null),
    { label: f.useOfFunds, field: 'useOfFunds', value: (p) => p.useOfFunds },
  ];
  // An added project's amount unit is no change of its own; a project is compared with a blank one only when added or deleted.
  const fields = before === BLANK_PROJECT || after === BLANK_PROJECT ? header.filter((h) => h.field !== 'amountUnit') : header;
  const named = (list: string) => (name: string, n: number) => m.named(`${list} ${m.item(n)}`, name);
  return [
    ...compare(before, after, fields, (h) => h.label, null),
    ...diffList(m, before.budget.sources, after.budget.sources, {
      keys: [(s) => s.name],
      label: (s, n) => named(f.sources)(s.name, n),
      position: m.item,
      summary: (s) => `${s.name} ${s.amount ?? ''}`.trim(),
      fields: [
        { label: f.sourceName, field: 'budget.sources', value: (s) => s.name },
        { label: f.sourceAmount, field: 'budget.sources', value: (s) => s.amount, same: sameAmount },
      ],
      field: 'budget.sources',
    }),
    ...diffList(m, before.spendingPlan, after.spendingPlan, {
      keys: [(c) => c.checkpoint],
      label: (c, n) => named(f.spendingPlan)(c.checkpoint, n),
      position: m.item,
      summary: (c) => `${c.checkpoint} ${c.percent ?? ''}%`,
      fields: [
        { label: f.checkpoint, field: 'spendingPlan', value: (c) => c.checkpoint },
        { label: f.percent, field: 'spendingPlan', value: (c) => c.percent, same: sameAmount },
      ],
      field: 'spendingPlan',
    }),
    ...diffList(m, before.goals, after.goals, {
      keys: [(g) => `${g.term}|${g.text}`],
      label: (_, n) => `${f.goals} ${m.item(n)}`,
      position: m.item,
      summary: (g) => `（${m.terms[g.term]}）${g.text}`,
      fields: [
        { label: f.term, field: 'goals', value: (g) => m.terms[g.term] },
        { label: f.goalText, field: 'goals', value: (g) => g.text },
      ],
      field: 'goals',
    }),
    ...diffList(m, before.indicators, after.indicators, indicatorList(m)),
  ];
}

/** An indicator table's rows, a project's (`indicators`) or the department's (`department.indicators`). */
function indicatorList(m: Diff, field = 'indicators'): ListSpec<Indicator> {
  const f = m.fields;
  // The 2020 form has no 三级指标 column: there the description names the row.
  const name = (r: Indicator) => (r.level3 === '' ? r.description : r.level3);
  return {
    keys: [(r) => JSON.stringify(r), (r) => [r.term, r.level1, r.level2, name(r)].join('|')],
    label: (r, n) => m.named(field === 'indicators' ? m.row(n) : `${f.departmentIndicators} ${m.row(n)}`, name(r)),
    position: m.row,
    summary: (r) => m.rowSummary([r.level1, r.level2, r.level3].filter((l) => l !== '').join(m.levelsJoin), r.description, r.target),
    fields: [
      { label: f.term, field: `${field}.term`, value: (r) => m.terms[r.term] },
      ...INDICATOR_COLUMNS.map(({ id, type }) => ({
        label: f[id],
        field: `${field}.${id}`,
        value: (r: Indicator) => r[id] ?? null,
        ...(type === 'decimal' ? { same: sameAmount } : {}),
      })),
    ],
    field,
    rows: field === 'indicators',
  };
}

/** A numbered item with the numbering of the items it is under: "一、（一）". */
interface FlatItem {
  path: string;
  label: string;
  text: string;
}

function flatten(items: readonly NumberedItem[], under = ''): FlatItem[] {
  return items.flatMap((i) => [{ path: under + i.label, label: i.label, text: i.text }, ...flatten(i.children, under + i.label)]);
}

function diffDepartment(m: Diff, before: DepartmentGoals, after: DepartmentGoals): Place[] {
  const f = m.fields;
  const section = (key: 'subGoals' | 'safeguards') =>
    diffList(m, flatten(before[key]), flatten(after[key]), {
      keys: [(i) => `${i.path}|${i.text}`, (i) => i.text, (i) => i.path],
      label: (i, n) => `${f[key]} ${i.path === '' ? m.item(n) : i.path}`,
      position: m.item,
      summary: (i) => `${i.label}${i.text}`,
      // The numbering follows the position: an item inserted above renumbers the ones below without changing them.
      fields: [{ label: f.text, field: `department.${key}`, value: (i) => i.text }],
      field: `department.${key}`,
    });
  const funds = (label: string, key: 'total' | 'project' | 'basic'): FieldSpec<DepartmentGoals> => ({
    label,
    field: `department.funds.${key}`,
    value: (d) => d.funds?.[key] ?? null,
    same: sameAmount,
  });
  return [
    ...compare(
      before,
      after,
      [
        { label: f.overallGoal, field: 'department.overallGoal', value: (d) => d.overallGoal },
        { label: f.amountUnit, field: 'department.funds.amountUnit', value: (d) => d.funds?.amountUnit ?? null },
        funds(f.fundsTotal, 'total'),
        funds(f.fundsProject, 'project'),
        funds(f.fundsBasic, 'basic'),
      ],
      (o) => o.label,
      null,
    ),
    ...section('subGoals'),
    ...section('safeguards'),
    ...diffList<DutyTarget>(m, before.duties ?? [], after.duties ?? [], {
      keys: [(d) => JSON.stringify(d), (d) => d.duty + d.task],
      label: (d, n) => m.named(`${f.duties} ${m.item(n)}`, d.task),
      position: m.item,
      summary: (d) => [d.duty, d.task, d.projectName, d.amount ?? ''].filter((x) => x !== '').join(' '),
      fields: [
        { label: f.duty, field: 'department.duties', value: (d) => d.duty },
        { label: f.dutyTask, field: 'department.duties', value: (d) => d.task },
        { label: f.dutyProject, field: 'department.duties', value: (d) => d.projectName },
        { label: f.dutyAmount, field: 'department.duties', value: (d) => d.amount, same: sameAmount },
      ],
      field: 'department.duties',
    }),
    ...diffList(m, before.indicators ?? [], after.indicators ?? [], indicatorList(m, 'department.indicators')),
  ];
}
