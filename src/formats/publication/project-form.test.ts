import { describe, expect, it } from 'vitest';
import type { FormProfile } from '../../core/forms/profile.ts';
import { FORM_PROFILES } from '../../core/forms/profiles.ts';
import { hebei2020 } from '../../core/forms/profiles/hebei-2020.ts';
import { INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import type { Project } from '../../core/model/document.ts';
import { generatedDocuments, seedDocuments } from './fixtures.testing.ts';
import { formRows } from './profile-form.ts';
import { FORM_WIDTH, projectFormRows, toFormTable } from './project-form.ts';
import { valueCell } from '../tables/target-cells.ts';

const texts = (rows: ReturnType<typeof projectFormRows>) =>
  rows.map((r) => r.cells.map((c) => (c.merge === 'continue' ? '↑' : c.paragraphs.join('\n'))));

describe('the 项目绩效目标表 as rows and cells', () => {
  it("the seed's first project, row by row as the official form has it", () => {
    const project = seedDocuments()[0]!.projects[0]!;
    const rows = projectFormRows(project);
    expect(texts(rows)).toEqual([
      ['315002 怀来县司法局', '单位：万元'],
      ['项目编码', '315-0105-JBN-2D9U', '项目名称', '法律援助'],
      ['预算规模及资金用途', '预算数', '5.00', '其中：财政资金', '5.00', '其他资金', ''],
      ['↑', project.useOfFunds],
      ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
      ['↑', '20.00', '50.00', '75.00', '100.00'],
      ['绩效目标', project.goals.map((g, i) => `${i + 1}、${g.text}`).join('\n')],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      ['产出指标', '数量指标', '', '办理法律援助案件结案率', '≥95', '结案率'],
      ['↑', '↑', '', '群众收益率', '100', '受益率'],
      ['效果指标', '社会效益指标', '', '案件结案率提高，减少不安定因素，社会稳定', '≥95', '结案率'],
      ['↑', '↑', '', '为人民办实事，为贫困百姓解决实际问题，减轻经济压力', '≥10', '受益率'],
      ['满意度指标', '服务对象满意度指标', '', '服务对象满意率', '≥90', '满意率'],
      ['↑', '↑', '', '服务对象满意率', '', '满意率'],
    ]);
    expect(rows[0]!.frameless).toBe(true);
    expect(rows.filter((r) => r.header)).toHaveLength(1);
    // A merged cell starts where its value first appears.
    expect(rows[8]!.cells[0]!.merge).toBe('restart');
  });

  it('optional rows, fund sources, long-term goals and indicators in titled sections, a 备注 column', () => {
    const project: Project = generatedDocuments({
      longTerm: true,
      fundSources: true,
      optionalFields: true,
      remarks: true,
    })[0]!.projects.find((p) => p.indicators.some((i) => i.remark !== ''))!;
    const rows = texts(projectFormRows(project));
    expect(rows[2]).toEqual(['主管部门', project.department, '项目属性', project.attribute, '项目起止时间', project.period]);
    expect(rows.find((r) => r[0] === '资金来源')).toEqual(['资金来源', ...project.budget.sources.flatMap((s) => [s.name, s.amount ?? ''])]);
    expect(rows.filter((r) => r[0] === '年度目标' || r[0] === '长期目标').map((r) => r[0])).toEqual(['年度目标', '长期目标']);
    expect(rows.filter((r) => r.length === 1).map((r) => r[0])).toEqual(['年度绩效指标', '长期绩效指标']);
    expect(rows.filter((r) => r[0] === '一级指标')).toEqual([
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '备注'],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '备注'],
    ]);
  });

  it('places every row on one grid whose columns add up to the table width', () => {
    for (const project of generatedDocuments({ checkpoints: 'monthly', fundSources: true, remarks: true, level3: true }).flatMap(
      (d) => d.projects,
    )) {
      const table = toFormTable(projectFormRows(project));
      expect(table.columns.reduce((a, b) => a + b, 0)).toBe(FORM_WIDTH);
      for (const row of table.rows) {
        expect(row.cells.reduce((n, c) => n + c.span, 0)).toBe(table.columns.length);
        row.cells.forEach((c, i) => expect(c.column).toBe(i === 0 ? 0 : row.cells[i - 1]!.column + row.cells[i - 1]!.span));
      }
    }
  });

  it('prints the indicator table in a profile’s columns, under its headings, as wide as the descriptor says', () => {
    const profile: FormProfile = {
      ...hebei2020,
      columns: [
        { id: 'level1', heading: '一级指标' },
        { id: 'level2', heading: '二级指标' },
        { id: 'level3', heading: '三级指标' },
        { id: 'nature', heading: '指标性质' },
        { id: 'target', heading: '指标值' },
        { id: 'measureUnit', heading: '度量单位' },
        { id: 'weight', heading: '分值' },
        { id: 'actual', heading: '完成值' },
      ],
    };
    const project = generatedDocuments({ provincial: true, level3: true })[0]!.projects[0]!;
    const rows = formRows(project, profile);
    const header = rows.find((r) => r.header)!;
    // A result column (完成值) has no place in a target table.
    expect(header.cells.map((c) => c.paragraphs[0])).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '分值',
    ]);
    const first = texts(rows)[rows.indexOf(header) + 1]!;
    const i = project.indicators[0]!;
    // 指标值 without the sign and the unit printed beside it.
    const target = valueCell(i.target, { nature: i.nature ?? null, measureUnit: i.measureUnit ?? null });
    expect(first.slice(2)).toEqual([i.level3, i.nature ?? '', target, i.measureUnit ?? '', i.weight ?? '']);
    // Widths as the descriptor's: 三级 (8) twice as wide as 指标性质 (4).
    const width = (n: number) => header.cells[n]!.x1 - header.cells[n]!.x0;
    expect(Math.abs(width(2) - 2 * width(3))).toBeLessThanOrEqual(2);
    expect(header.cells.at(-1)!.x1).toBe(FORM_WIDTH);
    expect(toFormTable(rows).columns.reduce((a, b) => a + b, 0)).toBe(FORM_WIDTH);
  });

  it('labels the 中期 goals as the profile’s form does (东莞: 中期滚动目标), jixiao’s 长期目标 otherwise', () => {
    const project: Project = {
      ...generatedDocuments({ provincial: true })[0]!.projects[0]!,
      goals: [
        { term: 'longTerm', text: '三年完成全部改造' },
        { term: 'annual', text: '本年完成三个项目结算' },
      ],
    };
    const goalLabels = (profile: FormProfile) =>
      formRows(project, profile)
        .filter((r) => r.cells.some((c) => c.paragraphs.includes(project.goals[0]!.text) || c.paragraphs.includes(project.goals[1]!.text)))
        .map((r) => r.cells[0]!.paragraphs[0]);
    const dongguan = FORM_PROFILES.find((p) => p.id === 'guangdong-dongguan-approval')!;
    expect(goalLabels(dongguan)).toEqual(['中期滚动目标', '年度目标']);
    const chongqing = FORM_PROFILES.find((p) => p.id === 'chongqing-approval')!;
    expect(goalLabels(chongqing)).toEqual(['长期目标', '年度目标']);
  });

  for (const profile of FORM_PROFILES)
    it(`prints the indicator table in the profile ${profile.id}: its target columns, under its headings`, () => {
      const project = generatedDocuments({ provincial: true })[0]!.projects[0]!;
      const rows = formRows(project, profile);
      const header = rows.find((r) => r.header && r.cells.length > 1)!;
      const targetColumns = profile.columns.filter((c) => INDICATOR_COLUMNS.some((d) => d.id === c.id));
      // 中期 and 年度 side by side share the 一级 column; the 中期 set under its own headings where it has them.
      const expected =
        profile.terms.length === 1
          ? targetColumns.map((c) => c.heading)
          : [
              targetColumns[0]!.heading,
              ...targetColumns.slice(1).map((c) => c.longTermHeading ?? c.heading),
              ...targetColumns.slice(1).map((c) => c.heading),
            ];
      expect(header.cells.map((c) => c.paragraphs[0])).toEqual(expected);
      expect(toFormTable(rows).columns.reduce((a, b) => a + b, 0)).toBe(FORM_WIDTH);
    });
});
