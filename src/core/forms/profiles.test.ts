import { describe, expect, it } from 'vitest';
import { frameworkOf } from '../framework/framework.ts';
import { dec } from '../model/decimal.ts';
import { columnOfHeading, INDICATOR_COLUMNS, RESULT_COLUMNS } from '../model/indicator-columns.ts';
import { PROJECT_FIELDS } from '../model/project-fields.ts';
import { FORM_PROFILES } from './profiles.ts';

const COLUMNS = [...INDICATOR_COLUMNS, ...RESULT_COLUMNS];
const KNOWN_IDS = new Set<string>(COLUMNS.map((c) => c.id));

describe.each(FORM_PROFILES.map((p) => [p.id, p] as const))('profile %s', (_, profile) => {
  it('prints only columns the descriptor knows, each once, under headings a reader maps back to a column', () => {
    const ids = profile.columns.map((c) => c.id);
    expect(ids.filter((id) => !KNOWN_IDS.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of profile.columns) {
      for (const heading of [c.heading, c.longTermHeading].filter((h) => h !== undefined)) {
        expect(columnOfHeading(COLUMNS, heading), `${c.id}: ${heading}`).toBeDefined();
      }
    }
    expect(ids.slice(0, 3)).toEqual(['level1', 'level2', 'level3']);
    expect(ids).toContain('target');
  });

  it('gives a project-code rule that compiles, where it gives one', () => {
    if (typeof profile.projectCodePattern === 'string') expect(() => new RegExp(profile.projectCodePattern!)).not.toThrow();
  });

  it('lists only 一级 of its framework, each once', () => {
    const kinds = new Set(frameworkOf(profile.framework).map((l1) => l1.kind));
    expect(profile.level1.filter((l) => !kinds.has(l.kind))).toEqual([]);
    expect(new Set(profile.level1.map((l) => l.kind)).size).toBe(profile.level1.length);
  });

  it('gives points that fit its total', () => {
    for (const l of profile.level1) {
      if (l.points === undefined) continue;
      expect(dec(l.points.min).lte(l.points.max)).toBe(true);
      if (profile.totalPoints !== null) expect(dec(l.points.max).lte(profile.totalPoints)).toBe(true);
    }
    const fixedSum = profile.level1.reduce(
      (s, l) => (l.points !== undefined && l.points.min === l.points.max ? s.plus(l.points.min) : s),
      dec(0),
    );
    if (profile.totalPoints !== null) expect(fixedSum.lte(profile.totalPoints)).toBe(true);
    // Per-row weights are what a 'column' profile adds up; without them a total has nothing to sum.
    if (profile.weights === 'column') expect(profile.columns.map((c) => c.id)).toContain('weight');
  });

  it('has a header of known fields, terms that match its sets, and a source', () => {
    const fields = new Set(PROJECT_FIELDS.map((f) => f.id));
    expect(profile.header.filter((f) => !fields.has(f))).toEqual([]);
    expect([['annual'], ['longTerm', 'annual']]).toContainEqual([...profile.terms]);
    if (profile.columns.some((c) => c.longTermHeading !== undefined)) expect(profile.terms).toEqual(['longTerm', 'annual']);
    expect(profile.source).toMatch(/^(docs\/forms\/|samples\/)/);
  });
});

it('profiles have distinct ids', () => {
  expect(new Set(FORM_PROFILES.map((p) => p.id)).size).toBe(FORM_PROFILES.length);
});
