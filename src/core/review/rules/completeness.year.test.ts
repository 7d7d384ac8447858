import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf } from '../testing.ts';

describe('completeness.year', () => {
  it('is silent when the year is stated', () => {
    expect(findingsOf('completeness.year', aDocument())).toEqual([]);
  });

  it('reports a document without a year and the form it is then reviewed against', () => {
    const found = findingsOf('completeness.year', aDocument({ year: null }));
    expect(found.map((f) => [f.field, f.projectCode, f.message])).toEqual([['year', null, '本文件没有注明预算年度，按2021年版表样审核。']]);
  });
});
