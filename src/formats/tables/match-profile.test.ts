/**
 * Every profile jixiao ships is recognised from a table printed the way it describes: its headings
 * in its order (a 中期 set beside the 年度 one where it has two), its header fields under their
 * usual labels, its 一级 with their points, its title.
 */
import { describe, expect, it } from 'vitest';
import type { FormProfile } from '../../core/forms/profile.ts';
import { FORM_PROFILES } from '../../core/forms/profiles.ts';
import { PROJECT_FIELDS } from '../../core/model/project-fields.ts';
import { gridOf } from './grid.testing.ts';
import { recogniseTables } from './recognise.ts';

const VALUES: Partial<Record<string, string>> = {
  nature: '≥',
  weight: '10',
  score: '10',
  target: '95',
  measureUnit: '%',
  direction: '正向',
};

function printed(profile: FormProfile): string[][] {
  const label = (id: string) => PROJECT_FIELDS.find((f) => f.id === id)!.aliases[0]!;
  const value = (id: string) => (PROJECT_FIELDS.find((f) => f.id === id)!.type === 'amount' ? '1.00' : `${label(id)}内容`);
  const set = (term: 'longTerm' | 'annual') =>
    profile.columns
      .filter((c) => term === 'annual' || c.id !== 'level1')
      .map((c) => (term === 'longTerm' ? (c.longTermHeading ?? c.heading) : c.heading));
  const headings =
    profile.terms.length === 2 ? [...set('annual').slice(0, 1), ...set('longTerm'), ...set('annual').slice(1)] : set('annual');
  /** One set's cells after 一级. */
  const cells = () => profile.columns.slice(1).map((c) => ({ level2: '数量指标', level3: '指标' })[c.id as string] ?? VALUES[c.id] ?? '');
  const level1Cell = (l: FormProfile['level1'][number]) =>
    l.points === undefined ? l.name : `${l.name}(${l.points.min}-${l.points.max})分`;
  const rows = (level1: FormProfile['level1'][number]) => [level1Cell(level1), ...profile.terms.flatMap(cells)];
  if (profile.layout === 'flat') {
    return [
      [...profile.header.map(label), ...headings],
      ...profile.level1.map((l, i) => [...profile.header.map((id) => (i === 0 ? value(id) : '^')), ...rows(l)]),
    ];
  }
  return [...profile.header.map((id) => [label(id), value(id)]), headings, ...profile.level1.map(rows)];
}

describe.each(FORM_PROFILES.map((p) => [p.id, p] as const))('%s', (_, profile) => {
  it('is recognised from a table printed as it describes', () => {
    const grid = gridOf(printed(profile), { before: [`2023年${profile.title}`, `单位：${profile.amountUnit}`] });
    expect(recogniseTables({ file: 'f.html', tables: [grid] }, { year: profile.framework === '2015' ? 2020 : 2023 }).profile.id).toBe(
      profile.id,
    );
  });
});
