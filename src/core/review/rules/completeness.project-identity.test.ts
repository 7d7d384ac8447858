import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('completeness.project-identity', () => {
  it('is silent when code and name are given', () => {
    expect(findingsOf('completeness.project-identity', aDocument())).toEqual([]);
  });

  it('reports an empty code and an empty name, naming the project by its place', () => {
    const found = findingsOf('completeness.project-identity', withProject({ code: '', name: ' ' }));
    expect(found.map((f) => f.field)).toEqual(['code', 'name']);
    expect(found[0]!.message).toBe('第 1 个项目「」没有项目编码。');
    expect(found[0]!.severity).toBe('error');
  });

  it('asks for no 项目编码 where the profile’s form has no such field, and still for the name', () => {
    const profile = { ...hebei2020, header: hebei2020.header.filter((f) => f !== 'code') };
    expect(findingsOf('completeness.project-identity', withProject({ code: '', name: '' }), { profile }).map((f) => f.field)).toEqual([
      'name',
    ]);
  });
});
