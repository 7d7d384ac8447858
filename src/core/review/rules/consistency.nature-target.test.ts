import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('consistency.nature-target', () => {
  it('is silent where 指标性质 agrees with the target, or supplies the relation of a bare number', () => {
    expect(findingsOf('consistency.nature-target', aDocument())).toEqual([]);
    for (const [nature, target] of [
      ['≥', '≥95%'],
      ['=', '100'],
      ['≥', '100'],
      ['不低于', '>95%'],
      ['定量', '≥120件'],
      ['定性', '达到预期'],
      ['正向', '≥95%'],
      ['≤', '90%-100%'],
    ])
      expect(findingsOf('consistency.nature-target', withRow({ nature, target }, 1)), `${nature} ${target}`).toEqual([]);
  });

  it('reports a relation the target contradicts', () => {
    const found = findingsOf('consistency.nature-target', withRow({ nature: '≥', target: '≤5%' }, 1));
    expect(found.map((f) => [f.field, f.message])).toEqual([
      ['indicators.nature', '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标性质为"≥"，与指标值"≤5%"的关系相反。'],
    ]);
    expect(findingsOf('consistency.nature-target', withRow({ nature: '=', target: '≥95%' }, 1))).toHaveLength(1);
  });

  it('reports a 定性 row with a number and a 定量 row with a grade', () => {
    expect(findingsOf('consistency.nature-target', withRow({ nature: '定性', target: '≥95%' }, 1)).map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标性质为"定性"，指标值"≥95%"却是数值。',
    ]);
    expect(findingsOf('consistency.nature-target', withRow({ nature: '定量', target: '好' }, 1))).toHaveLength(1);
  });
});
