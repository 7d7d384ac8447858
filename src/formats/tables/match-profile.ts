/**
 * Which profile a file's forms follow: the one whose columns, header fields, sets, layout and 一级
 * labels agree best with what was read, among the profiles of its kind. Ties go to the profile a
 * document of that year follows by default (河北 2020 before the 2021 framework, 财政部 2021 after).
 */
import type { FormKind, FormProfile } from '../../core/forms/profile.ts';
import { defaultProfileFor, FORM_PROFILES } from '../../core/forms/profiles.ts';
import { sameAmount } from '../../core/model/decimal.ts';
import { normalizeHeading } from '../../core/model/indicator-columns.ts';
import type { FormRead } from './form-read.ts';
import type { Points } from './level1-label.ts';

export const kindOf = (form: FormRead): FormKind =>
  form.columns.has('actual') || form.columns.has('score') || form.execution.length > 0
    ? 'selfEvaluation'
    : form.department && form.fields.name === undefined
      ? 'department'
      : 'project';

export function matchProfile(forms: readonly FormRead[], year: number | null): FormProfile {
  const kind = kindOf(forms[0]!);
  const preferred = defaultProfileFor(year);
  const ordered = [preferred, ...FORM_PROFILES.filter((p) => p !== preferred)].filter((p) => p.kind === kind);
  const read = summarise(forms);
  let best = ordered[0] ?? preferred;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const p of ordered) {
    // The year's default is what a table without a province's marks follows.
    const s = score(p, read) + (p === preferred ? 2 : 0);
    if (s > bestScore) [best, bestScore] = [p, s];
  }
  return best;
}

/** What the forms printed, taken together. */
interface Printed {
  columns: Set<string>;
  headings: Set<string>;
  fields: Set<string>;
  level1: Set<string>;
  level1Points: Map<string, Points>;
  sets: number;
  flat: boolean;
  blockTotal: string | null;
  titles: Set<string>;
}

function summarise(forms: readonly FormRead[]): Printed {
  const read: Printed = {
    columns: new Set(),
    headings: new Set(),
    fields: new Set(),
    level1: new Set(),
    level1Points: new Map(),
    sets: 0,
    flat: false,
    blockTotal: null,
    titles: new Set(),
  };
  for (const f of forms) {
    for (const c of f.columns) read.columns.add(c);
    for (const h of f.headings) read.headings.add(h);
    for (const k in f.fields) read.fields.add(k);
    for (const n of f.level1Names) read.level1.add(n);
    for (const [name, p] of f.level1Points) read.level1Points.set(name, p);
    read.sets = Math.max(read.sets, f.sets);
    read.flat ||= f.flat;
    read.blockTotal ??= f.blockTotal;
    if (f.title !== null) read.titles.add(f.title);
  }
  return read;
}

function score(profile: FormProfile, read: Printed): number {
  const profileColumns = new Set<string>(profile.columns.map((c) => c.id));
  let s = 0;
  for (const c of read.columns) s += profileColumns.has(c) ? 2 : -1;
  for (const c of profileColumns) if (!read.columns.has(c)) s -= 1;
  for (const c of profile.columns) {
    if (read.headings.has(normalizeHeading(c.heading))) s += 1;
    if (c.longTermHeading !== undefined && read.headings.has(normalizeHeading(c.longTermHeading))) s += 1;
  }
  // A header field the profile prints but the form lacks counts against it: a plain table is not
  // 重庆's 审批表 for having its four columns, without 项目分类, 建设周期, 项目负责人 ….
  for (const f of read.fields) if ((profile.header as readonly string[]).includes(f)) s += 1;
  for (const f of profile.header) if (!read.fields.has(f)) s -= 1;
  s += read.sets === profile.terms.length ? 3 : -3;
  s += read.flat === (profile.layout === 'flat') ? 3 : -5;
  const names = new Set(profile.level1.map((l) => l.name));
  // The 一级 labels tell the framework (效果 or 效益, 成本 first): they weigh as a column does.
  for (const n of read.level1) s += names.has(n) ? 2 : -2;
  // The form's own title ("…财政项目支出绩效目标批复表（2019年度）") names it, where profiles' titles differ;
  // outweighing the rest, as a form jixiao printed in a profile fills its columns with any data.
  const title = normalizeHeading(profile.title);
  if ([...read.titles].some((t) => t.includes(title))) s += 10;
  if (read.blockTotal !== null && profile.totalPoints !== null && sameAmount(read.blockTotal, profile.totalPoints)) s += 2;
  for (const [name, p] of read.level1Points) {
    const printed = profile.level1.find((l) => l.name === name)?.points;
    if (printed !== undefined && sameAmount(printed.min, p.min) && sameAmount(printed.max, p.max)) s += 2;
  }
  return s;
}
