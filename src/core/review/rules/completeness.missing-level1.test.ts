import { describe, expect, it } from 'vitest';
import { CLEAN_ROWS, aDocument, aProject, findingsOf, withProject } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('completeness.missing-level1', () => {
  it('is silent when 产出, 效果 and 满意度 are all there (older form)', () => {
    expect(findingsOf('completeness.missing-level1', aDocument())).toEqual([]);
  });

  it('reports each missing 一级 by its name in the form', () => {
    const indicators = CLEAN_ROWS.filter((r) => r.level1 === '产出指标');
    const found = findingsOf('completeness.missing-level1', withProject({ indicators }));
    expect(found.map((f) => f.message)).toEqual(['项目 315-0105-JBN-2D9U 没有效果指标。', '项目 315-0105-JBN-2D9U 没有满意度指标。']);
  });

  it('asks for 成本指标 from the 2021 form on', () => {
    const doc2021 = aDocument({ year: 2021, projects: [aProject()] });
    expect(findingsOf('completeness.missing-level1', doc2021).map((f) => f.message)).toEqual(['项目 315-0105-JBN-2D9U 没有成本指标。']);
    const withCost = aProject({
      indicators: [
        ...CLEAN_ROWS,
        { ...CLEAN_ROWS[0]!, level1: '成本指标', level2: '经济成本指标', description: '专线费用', target: '≤3万元' },
      ],
    });
    expect(findingsOf('completeness.missing-level1', aDocument({ year: 2021, projects: [withCost] }))).toEqual([]);
  });

  it('follows the bureau setting for the first year of the 2021 form', () => {
    const doc = aDocument({ year: 2021 });
    expect(findingsOf('completeness.missing-level1', doc, { settings: { form2021FromYear: 2022 } })).toEqual([]);
  });

  it('asks for the 一级 the profile’s form prints, by the names it prints', () => {
    const profile = { ...hebei2020, level1: [hebei2020.level1[0]!, { kind: 'cost' as const, name: '成本指标' }] };
    expect(findingsOf('completeness.missing-level1', aDocument(), { profile }).map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 没有成本指标。',
    ]);
  });
});
