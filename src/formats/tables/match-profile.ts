/**
 * Which profile a file's forms follow: the one whose columns, header fields, sets, layout and 一级
 * labels agree best with what was read, among the profiles of its kind. Ties go to the profile a
 * document of that year follows by default (河北 2020 before the 2021 framework, 财政部 2021 after).
 */
import type { FormKind, FormProfile } from '../../core/forms/profile.ts';
import { defaultProfileFor, FORM_PROFILES } from '../../core/forms/profiles.ts';
import { sameAmount } from '../../core/model/decimal.ts';
import type { FormRead } from './form-read.ts';

export const kindOf = (form: FormRead): FormKind =>
  form.columns.has('actual') || form.columns.has('score') || form.execution.length > 0
    ? 'selfEvaluation'
    : form.department && form.fields.name === undefined
      ? 'department'
      : 'project';

export function matchProfile(forms: readonly FormRead[], year: number | null): FormProfile {
  const form = forms[0]!;
  const kind = kindOf(form);
  const preferred = defaultProfileFor(year);
  const candidates = FORM_PROFILES.filter((p) => p.kind === kind);
  const ordered = [preferred, ...candidates.filter((p) => p !== preferred)].filter((p) => p.kind === kind);
  let best = ordered[0] ?? preferred;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const p of ordered) {
    const s = score(p, forms);
    if (s > bestScore) [best, bestScore] = [p, s];
  }
  return best;
}

function score(profile: FormProfile, forms: readonly FormRead[]): number {
  const columns = new Set<string>();
  const fields = new Set<string>();
  const level1 = new Set<string>();
  let sets = 0;
  let flat = false;
  let blockTotal: string | null = null;
  let pointsAgree = 0;
  for (const f of forms) {
    for (const c of f.columns) columns.add(c);
    for (const k of Object.keys(f.fields)) fields.add(k);
    for (const n of f.level1Names) level1.add(n);
    sets = Math.max(sets, f.sets);
    flat ||= f.flat;
    blockTotal ??= f.blockTotal;
    for (const [name, p] of f.level1Points) {
      const printed = profile.level1.find((l) => l.name === name);
      if (printed?.points !== undefined && sameAmount(printed.points.min, p.min) && sameAmount(printed.points.max, p.max)) pointsAgree++;
    }
  }
  const profileColumns = new Set<string>(profile.columns.map((c) => c.id));
  let s = 0;
  for (const c of columns) s += profileColumns.has(c) ? 2 : -1;
  for (const c of profileColumns) if (!columns.has(c)) s -= 1;
  for (const f of fields) if ((profile.header as readonly string[]).includes(f)) s += 1;
  s += sets === profile.terms.length ? 3 : -3;
  s += flat === (profile.layout === 'flat') ? 3 : -5;
  const names = new Set(profile.level1.map((l) => l.name));
  for (const n of level1) s += names.has(n) ? 1 : -1;
  if (blockTotal !== null && profile.totalPoints !== null && sameAmount(blockTotal, profile.totalPoints)) s += 2;
  return s + 2 * pointsAgree;
}
