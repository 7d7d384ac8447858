/** Each layout variation other units publish, from a small hand-written fixture in the seed's style. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../../core/model/decimal.ts';
import { readPublishedText } from './read.ts';

const fixture = (name: string) => {
  const bytes = readFileSync(resolve(import.meta.dirname, 'fixtures', name));
  return { bytes, docs: readPublishedText(bytes, { fileName: name }) };
};
const only = (name: string) => {
  const { docs } = fixture(name);
  expect(docs).toHaveLength(1);
  return docs[0]!;
};

describe('layout variations', () => {
  it('no 其他资金 cell at all', () => {
    const p = only('no-other-funds.txt').projects[0]!;
    expect(p.budget).toEqual({ total: '12.50', fiscal: '12.50', other: null, sources: [] });
    expect(p.useOfFunds).toBe('用于农业实用技术培训、示范田建设和技术资料印制。');
  });

  it('monthly checkpoints 1月…12月', () => {
    const plan = only('monthly-checkpoints.txt').projects[0]!.spendingPlan;
    expect(plan.map((c) => c.checkpoint)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(plan[0]).toEqual({ checkpoint: '1月', percent: '5.00' });
    expect(plan[11]).toEqual({ checkpoint: '12月', percent: '100.00' });
  });

  it('quarterly checkpoints, as 第一季度… and as 一季度末…', () => {
    const [a, b] = only('quarterly-checkpoints.txt').projects;
    expect(a!.spendingPlan.map((c) => `${c.checkpoint}=${c.percent}`)).toEqual([
      '第一季度=30.00',
      '第二季度=60.00',
      '第三季度=80.00',
      '第四季度=100.00',
    ]);
    expect(b!.spendingPlan.map((c) => `${c.checkpoint}=${c.percent}`)).toEqual([
      '一季度末=0.00',
      '二季度末=40.00',
      '三季度末=70.00',
      '四季度末=100.00',
    ]);
  });

  it('效益指标 instead of 效果指标', () => {
    const d = only('benefit-indicators.txt');
    expect(d.year).toBe(2020);
    expect(d.projects[0]!.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '效益指标', '效益指标', '满意度指标']);
  });

  it('成本指标 as a 一级 (2021 form)', () => {
    const ind = only('cost-level1-2021.txt').projects[0]!.indicators;
    expect(ind.slice(0, 2).map((i) => [i.level1, i.level2, i.target])).toEqual([
      ['成本指标', '经济成本指标', '≤240元'],
      ['成本指标', '社会成本指标', '不增加'],
    ]);
    expect(ind.map((i) => i.level1)).toContain('效益指标');
    expect(ind).toHaveLength(7);
  });

  it('年度目标 and 长期目标, with annual and long-term indicator tables', () => {
    const d = only('annual-and-long-term.txt');
    const p = d.projects[0]!;
    expect(d.year).toBe(2021);
    expect(p.goals).toEqual([
      { term: 'longTerm', text: '到2023年全县义务教育学校全部达到省定办学标准。' },
      { term: 'longTerm', text: '城乡教育差距明显缩小。' },
      { term: 'annual', text: '完成8所农村学校校舍维修。' },
      { term: 'annual', text: '新建塑胶运动场2个。' },
    ]);
    expect(p.indicators.map((i) => i.term)).toEqual([...Array(5).fill('annual'), ...Array(3).fill('longTerm')]);
    // Filling down stops at a new table: the long-term table's first row names its own 一级.
    expect(p.indicators[5]).toMatchObject({ level1: '产出指标', level2: '数量指标', description: '达标学校比例', target: '100%' });
    expect(p.budget).toEqual({ total: '260.00', fiscal: '200.00', other: '60.00', sources: [] });
  });

  it('CRLF line endings', () => {
    const { bytes, docs } = fixture('crlf.txt');
    expect(bytes.includes('\r\n')).toBe(true);
    expect(docs[0]!.projects[0]!.goals.map((g) => g.text)).toEqual(['开展农产品质量安全抽检。', '提高农产品质量安全水平。']);
    expect(docs[0]!.projects[0]!.indicators).toHaveLength(4);
  });

  it('full-width punctuation and digits', () => {
    const d = only('full-width.txt');
    const p = d.projects[0]!;
    expect(d.unit).toEqual({ code: '318003', name: '怀来县农业农村局' });
    expect(p.code).toBe('318-0208-JBN-K1L9');
    expect(p.budget).toEqual({ total: '12.50', fiscal: '10.00', other: '2.50', sources: [] });
    expect(p.spendingPlan).toEqual([
      { checkpoint: '3月底', percent: '20' },
      { checkpoint: '6月底', percent: '50' },
      { checkpoint: '10月底', percent: '75' },
      { checkpoint: '12月底', percent: '100' },
    ]);
    expect(p.goals).toEqual([{ term: 'annual', text: '补贴农机具３００台（套）。' }]);
    // Target values stay as written; the target-value grammar reads full-width forms.
    expect(p.indicators.map((i) => i.target)).toEqual(['≥３００台（套）', '＝１００％', '≥７０％', '＞９０％']);
  });

  it('an extra 备注 column', () => {
    const ind = only('remark-column.txt').projects[0]!.indicators;
    expect(ind.map((i) => i.remark)).toEqual(['按季度统计', '', '以问卷调查为准', '']);
    expect(ind[0]!.basis).toBe('年度工作计划');
  });

  it('no 三级指标 column', () => {
    const ind = only('no-level3-column.txt').projects[0]!.indicators;
    expect(ind[1]).toEqual({
      term: 'annual',
      level1: '产出指标',
      level2: '时效指标',
      level3: '',
      description: '投诉举报处理时限',
      target: '≤10个工作日',
      basis: '行业标准',
      remark: '',
    });
  });

  it('several units in one file, each its own document', () => {
    const { docs } = fixture('several-units.txt');
    expect(docs.map((d) => [d.unit.code, d.unit.name, d.year, d.department !== null, d.projects.map((p) => p.code)])).toEqual([
      ['320001', '怀安县民政局', 2021, true, ['320-0101-JBN-R2D4']],
      ['320002', '怀安县民政局福利院', 2021, true, ['320-0102-JBN-S5F6']],
      // No title and no part 1: the year is the file's.
      ['320003', '怀安县殡葬管理所', 2021, false, ['320-0103-YBN-N7H8']],
    ]);
    expect(docs[1]!.projects[0]!.budget.total).toBe('23.40');
  });

  it('only part 2, no department part', () => {
    const d = only('part2-only.txt');
    expect(d.department).toBeNull();
    expect(d.unit).toEqual({ code: '501004', name: '阳原县文化广电和旅游局' });
    expect(d.year).toBe(2022);
    expect(d.projects[0]!.name).toBe('2022年公共文化服务体系建设');
  });

  it('optional fields: 主管部门, 项目属性, 项目起止时间, fund sources', () => {
    const p = only('optional-fields.txt').projects[0]!;
    expect([p.department, p.attribute, p.period]).toEqual(['蔚县教育局', '延续', '2022年1月-2022年12月']);
    expect(p.budget).toEqual({
      total: '45.00',
      fiscal: '30.00',
      other: '15.00',
      sources: [
        { name: '财政拨款', amount: '30.00' },
        { name: '自有资金', amount: null },
        { name: '事业收入', amount: '12.00' },
        { name: '经营性收入', amount: null },
        { name: '其他', amount: '3.00' },
      ],
    });
    const sources = p.budget.sources.reduce((s, x) => (x.amount === null ? s : s.plus(x.amount)), dec(0));
    expect(sources.equals(p.budget.total!)).toBe(true);
  });

  it('GB18030 (a Chinese Windows export)', () => {
    const { bytes, docs } = fixture('gb18030.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(docs[0]!.unit.name).toBe('怀来县农业农村局');
    expect(docs[0]!.projects[0]!.name).toBe('高标准农田建设');
    expect(docs[0]!.department!.subGoals).toHaveLength(3);
  });
});
