import { describe, expect, it } from 'vitest';
import { declaredAmountUnit, readAmountCell } from './amount.ts';
import { splitCodeName } from './code-name.ts';
import { readBlockPoints, readLevel1Label } from './level1-label.ts';
import { composeTarget, valueCell } from './target-cells.ts';

describe('amount cells', () => {
  it.each([
    ['3,309,840.00', '3309840.00', null],
    ['２８４５００．００', '284500.00', null],
    ['250万', '250', '万元'],
    ['12.5万元', '12.5', '万元'],
    ['1,000元', '1000', '元'],
    ['/', null, null],
    ['', null, null],
  ])('%s', (text, value, unit) => {
    expect(readAmountCell(text)).toEqual({ value, unit });
  });

  it('refuses what is not an amount', () => {
    expect(readAmountCell('约十万')).toBeUndefined();
    expect(readAmountCell('万元')).toBeUndefined();
  });

  it('finds the unit a caption or heading declares', () => {
    expect(declaredAmountUnit('填报单位:(盖章) 单位:万元')).toBe('万元');
    expect(declaredAmountUnit('单位：元')).toBe('元');
    expect(declaredAmountUnit('年度预算数（万元）')).toBe('万元');
    expect(declaredAmountUnit('预算单位:东莞市交通运输局')).toBeUndefined();
    expect(declaredAmountUnit('出差单位成本 万元/人')).toBeUndefined();
  });
});

describe('code-name cells', () => {
  it.each([
    ['51000021R000000019951-工资性支出', '51000021R000000019951', '工资性支出'],
    ['(433001)乌海市供销合作社联合社', '433001', '乌海市供销合作社联合社'],
    ['（301001）四川省教育厅本级', '301001', '四川省教育厅本级'],
    ['[301]四川省教育厅', '301', '四川省教育厅'],
    // A code with dashes of its own: the name starts after the last one; a name in Latin letters keeps them.
    ['305-0185-YBN-9E6Q-法律援助', '305-0185-YBN-9E6Q', '法律援助'],
    ['51000021R000000019951-IT运维', '51000021R000000019951', 'IT运维'],
  ])('%s', (text, code, name) => {
    expect(splitCodeName(text)).toEqual({ code, name });
  });

  it('leaves a name without a code, and a year, alone', () => {
    expect(splitCodeName('雾炮车降尘抑尘服务')).toEqual({ code: null, name: '雾炮车降尘抑尘服务' });
    expect(splitCodeName('2023-全县安可替代补助资金')).toEqual({ code: null, name: '2023-全县安可替代补助资金' });
    expect(splitCodeName('2023-05-专项检查')).toEqual({ code: null, name: '2023-05-专项检查' });
    expect(splitCodeName('G7-京新高速养护')).toEqual({ code: null, name: 'G7-京新高速养护' });
  });
});

describe('一级 and block labels with points', () => {
  it.each([
    ['成本指标(0-20)分', '成本指标', { min: '0', max: '20' }],
    ['成本指标（0-20分）', '成本指标', { min: '0', max: '20' }],
    ['产出\n指标\n(60分)', '产出指标', { min: '60', max: '60' }],
    ['产出指标', '产出指标', null],
    ['预期产出指标', '预期产出指标', null],
  ])('%s', (text, name, points) => {
    expect(readLevel1Label(text)).toEqual({ name, points });
  });

  it('reads the total and the 一级 shares a block label gives', () => {
    expect(readBlockPoints('绩效指标(90分)')).toEqual({ total: '90', level1: new Map() });
    const wuhai = readBlockPoints('绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)');
    expect(wuhai.total).toBe('90');
    expect([...wuhai.level1]).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
    expect(readBlockPoints('本年度 绩效指标').total).toBeNull();
  });
});

describe('a target printed over several cells', () => {
  it('reads sign, value and unit as one', () => {
    expect(composeTarget({ nature: '≥', direction: null, value: '95', measureUnit: '%' })).toEqual({
      target: '≥95%',
      nature: '≥',
      direction: null,
    });
    expect(composeTarget({ nature: '定性', direction: null, value: '优良', measureUnit: '' })).toEqual({
      target: '优良',
      nature: '定性',
      direction: null,
    });
  });

  it('takes 正向/反向 under 指标性质 for the direction and the sign under 指标方向 for the operator', () => {
    expect(composeTarget({ nature: '反向', direction: '≤', value: '3', measureUnit: '万元' })).toEqual({
      target: '≤3万元',
      nature: '≤',
      direction: '反向',
    });
  });

  it('leaves an empty value empty', () => {
    expect(composeTarget({ nature: '=', direction: null, value: '', measureUnit: '%' }).target).toBe('');
  });

  it('prints the value cell again without the sign and unit the form prints beside it', () => {
    for (const cells of [
      { nature: '≥', direction: null, value: '95', measureUnit: '%' },
      { nature: '反向', direction: '≤', value: '3', measureUnit: '万元' },
      { nature: '=', direction: null, value: '24', measureUnit: '人/次' },
      { nature: '定性', direction: null, value: '优良', measureUnit: '' },
    ]) {
      const composed = composeTarget(cells);
      expect(valueCell(composed.target, { nature: composed.nature, measureUnit: cells.measureUnit })).toBe(cells.value);
    }
  });

  it('prints a target edited away from its sign or unit whole, rather than cut wrongly', () => {
    expect(valueCell('≤30人', { nature: '≥', measureUnit: '人' })).toBe('≤30人');
    expect(valueCell('≥30件', { nature: '≥', measureUnit: '人' })).toBe('≥30件');
  });
});
