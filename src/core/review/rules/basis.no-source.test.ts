import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('basis.no-source', () => {
  it('is silent for a named source, and for restatements (their own rule)', () => {
    expect(findingsOf('basis.no-source', aDocument())).toEqual([]);
    expect(findingsOf('basis.no-source', withRow({ basis: '结案率' }, 1))).toEqual([]);
  });

  it('hints at a basis that names no source', () => {
    const found = findingsOf('basis.no-source', withRow({ basis: '领导安排' }, 1));
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ['info', '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标值确定依据"领导安排"没有说明出自哪一计划、标准或文件。'],
    ]);
  });
});
