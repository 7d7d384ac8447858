import { describe, expect, it } from 'vitest';
import { parseRelation, parseTargetValue } from './parse.ts';
import { isPercentage } from './target-value.ts';

/** The reading without the original text, for compact expectations. */
function reading(text: string) {
  const t = parseTargetValue(text);
  expect(t.text).toBe(text);
  if (t.kind !== 'quantitative') return t.kind;
  return [t.operator, t.value, t.upper, t.unit, t.direction];
}

describe('parseTargetValue: relations and numbers', () => {
  it.each([
    ['≥95', ['≥', '95', null, '', 'higher']],
    ['>95', ['>', '95', null, '', 'higher']],
    ['100', ['=', '100', null, '', 'exact']],
    ['≥15张', ['≥', '15', null, '张', 'higher']],
    ['≥2次', ['≥', '2', null, '次', 'higher']],
    ['≤3天', ['≤', '3', null, '天', 'lower']],
    ['<5%', ['<', '5', null, '%', 'lower']],
    ['=100%', ['=', '100', null, '%', 'exact']],
    ['100%', ['=', '100', null, '%', 'exact']],
    ['≥ 95 %', ['≥', '95', null, '%', 'higher']],
    ['  ≥95%  ', ['≥', '95', null, '%', 'higher']],
    ['≥95.5%', ['≥', '95.5', null, '%', 'higher']],
    ['≥0.5‰', ['≥', '0.5', null, '‰', 'higher']],
    ['≥1,000人', ['≥', '1000', null, '人', 'higher']],
    ['-5%', ['=', '-5', null, '%', 'exact']],
    ['≥95%。', ['≥', '95', null, '%', 'higher']],
    ['≥007件', ['≥', '7', null, '件', 'higher']],
    ['0.50万元', ['=', '0.50', null, '万元', 'exact']],
    ['≥3个月', ['≥', '3', null, '个月', 'higher']],
    ['≤1年', ['≤', '1', null, '年', 'lower']],
  ] as const)('%s', (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });

  it('reads full-width relations, digits and signs', () => {
    expect(reading('＞９５')).toEqual(['>', '95', null, '', 'higher']);
    expect(reading('＜３天')).toEqual(['<', '3', null, '天', 'lower']);
    expect(reading('＝１００％')).toEqual(['=', '100', null, '%', 'exact']);
    expect(reading('≥９５．５％')).toEqual(['≥', '95.5', null, '%', 'higher']);
    expect(reading('≥\u300095%')).toEqual(['≥', '95', null, '%', 'higher']);
  });

  it('reads the ASCII and other spellings of ≥ and ≤', () => {
    expect(reading('>=95%')).toEqual(['≥', '95', null, '%', 'higher']);
    expect(reading('＞＝95%')).toEqual(['≥', '95', null, '%', 'higher']);
    expect(reading('<=3天')).toEqual(['≤', '3', null, '天', 'lower']);
    expect(reading('≧90')).toEqual(['≥', '90', null, '', 'higher']);
    expect(reading('≦7日')).toEqual(['≤', '7', null, '日', 'lower']);
  });

  it.each([
    ['不低于95%', '≥'],
    ['不少于10次', '≥'],
    ['大于等于90%', '≥'],
    ['至少3场', '≥'],
    ['达到95%', '≥'],
    ['高于80%', '>'],
    ['超过100人', '>'],
    ['不高于5%', '≤'],
    ['不超过3个工作日', '≤'],
    ['小于等于2%', '≤'],
    ['控制在3天', '≤'],
    ['低于1%', '<'],
    ['少于3次', '<'],
    ['等于100%', '='],
    ['15张以上', '≥'],
    ['95%及以上', '≥'],
    ['5%以下', '≤'],
    ['3天以内', '≤'],
    ['5个工作日内', '≤'],
    ['达到95%以上', '≥'],
    ['≥95%以上', '≥'],
    ['控制在3天以内', '≤'],
  ] as const)('reads the words of %s as %s', (text, operator) => {
    const t = parseTargetValue(text);
    expect(t.kind === 'quantitative' && t.operator).toBe(operator);
  });

  it('keeps brackets inside a unit, in either width', () => {
    expect(reading('≥３００台（套）')).toEqual(['≥', '300', null, '台(套)', 'higher']);
  });

  it('keeps the unit of word relations', () => {
    expect(reading('不超过3个工作日')).toEqual(['≤', '3', null, '个工作日', 'lower']);
    expect(reading('5个工作日内')).toEqual(['≤', '5', null, '个工作日', 'lower']);
    expect(reading('15张以上')).toEqual(['≥', '15', null, '张', 'higher']);
  });

  it.each([
    ['90-100', ['range', '90', '100', '', 'exact']],
    ['90~100', ['range', '90', '100', '', 'exact']],
    ['90%～100%', ['range', '90', '100', '%', 'exact']],
    ['90%-100%', ['range', '90', '100', '%', 'exact']],
    ['90-100%', ['range', '90', '100', '%', 'exact']],
    ['3至5天', ['range', '3', '5', '天', 'exact']],
    ['1.5—2.5万元', ['range', '1.5', '2.5', '万元', 'exact']],
  ] as const)('reads the range %s', (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });

  it.each([
    '%',
    '‰',
    '张',
    '次',
    '人',
    '人次',
    '件',
    '个',
    '天',
    '日',
    '小时',
    '个工作日',
    '月',
    '年',
    '元',
    '万元',
    '台',
    '套',
    '台套',
    '户',
    '所',
    '场',
    '期',
    '篇',
    '平方米',
    '公里',
    '张/年',
    '台(套)',
    '万头(只)',
  ])('takes %s as the unit', (unit) => {
    const t = parseTargetValue(`≥12${unit}`);
    expect(t.kind === 'quantitative' && t.unit).toBe(unit);
  });
});

describe('parseTargetValue: tolerances', () => {
  it('reads ±N (东莞 "±3%以内") as the range from -N to N', () => {
    expect(reading('±3%以内')).toEqual(['range', '-3', '3', '%', 'exact']);
    expect(reading('±3%')).toEqual(['range', '-3', '3', '%', 'exact']);
    expect(reading('正负5天内')).toEqual(['range', '-5', '5', '天', 'exact']);
    expect(reading('±0')).toEqual(['range', '0', '0', '', 'exact']);
  });

  it('reads no tolerance with a relation, a range or a sign after ±', () => {
    for (const text of ['±≥3%', '±3%以上', '±1-2%', '±-3%', '±', '±及时']) expect(reading(text)).toBe('unreadable');
  });
});

describe('parseTargetValue: grades', () => {
  it.each([
    ['好', 'quality', 4],
    ['较好', 'quality', 3],
    ['一般', 'quality', 2],
    ['差', 'quality', 0],
    ['优', 'rating', 2],
    ['良', 'rating', 1],
    ['优良', 'rating', 1],
    ['中', 'rating', 0],
    ['优秀', 'merit', 3],
    ['良好', 'merit', 2],
    ['合格', 'merit', 1],
    ['不合格', 'merit', 0],
    ['达到预期', 'expectation', 3],
    ['基本达到预期', 'expectation', 2],
    ['未达到预期', 'expectation', 0],
    ['有所提升', 'improvement', 0],
    ['明显提升', 'improvement', 1],
    ['显著提升', 'improvement', 2],
    ['明显改善', 'improvement', 1],
    ['有效改善', 'improvement', 1],
    ['逐步改善', 'improvement', 0],
    ['得到明显改善', 'improvement', 1],
    ['明显丰富', 'improvement', 1],
    ['不断完善', 'trend', null],
    ['明显降低', 'reduction', 1],
    ['有所减少', 'reduction', 0],
    ['完成', 'completion', 3],
    ['按时完成', 'completion', 3],
    ['及时', 'completion', 3],
    ['基本完成', 'completion', 2],
    ['未完成', 'completion', 0],
    ['达标', 'compliance', 2],
    ['符合要求', 'compliance', 2],
  ] as const)('%s is a %s grade of rank %d', (text, scale, rank) => {
    expect(parseTargetValue(text)).toEqual({ kind: 'qualitative', text, grade: text, scale, rank, direction: 'higher' });
  });

  it('reads yes/no, bare trends and deadlines as unordered grades', () => {
    for (const [text, scale] of [
      ['是', 'yesNo'],
      ['否', 'yesNo'],
      ['不发生', 'yesNo'],
      ['不增加', 'yesNo'],
      ['无', 'yesNo'],
      ['提高', 'trend'],
      ['降低', 'trend'],
      ['进一步提高', 'trend'],
      ['2020年12月底前', 'deadline'],
      ['12月31日前', 'deadline'],
      ['年底前完成', 'deadline'],
      ['第四季度末', 'deadline'],
    ] as const) {
      const t = parseTargetValue(text);
      expect(t.kind === 'qualitative' && [t.scale, t.rank]).toEqual([scale, null]);
    }
  });

  it('keeps the original text and reports the grade without spaces', () => {
    const t = parseTargetValue(' 达到 预期 ');
    expect(t).toMatchObject({ kind: 'qualitative', text: ' 达到 预期 ', grade: '达到预期' });
  });
});

describe('parseTargetValue: empty and unreadable', () => {
  it('reads an empty or dashed cell as empty', () => {
    for (const text of ['', '   ', '\u3000', '/', '—', '-']) expect(parseTargetValue(text)).toEqual({ kind: 'empty', text });
  });

  it('reads anything else it cannot place as unreadable, without throwing', () => {
    for (const text of [
      '按规定执行',
      '≥',
      '最大限度',
      '95%，群众满意',
      '≤3天以上',
      '≥90-100',
      '90天-3个月',
      '1.2.3',
      '≥这是一段很长的说明文字而不是单位',
    ])
      expect(parseTargetValue(text)).toEqual({ kind: 'unreadable', text });
  });
});

describe('isPercentage', () => {
  it('is true for % and ‰ targets only', () => {
    expect(isPercentage(parseTargetValue('≥95%'))).toBe(true);
    expect(isPercentage(parseTargetValue('≤2‰'))).toBe(true);
    expect(isPercentage(parseTargetValue('≥95'))).toBe(false);
    expect(isPercentage(parseTargetValue('好'))).toBe(false);
  });
});

describe('parseRelation: a 指标性质 cell holding only the relation', () => {
  it('reads the relation words and signs the grammar knows', () => {
    expect(['≥', '＞', '>=', '不低于', '以上', '=', '≤', '以内', '<'].map(parseRelation)).toEqual([
      '≥',
      '>',
      '≥',
      '≥',
      '≥',
      '=',
      '≤',
      '≤',
      '<',
    ]);
  });

  it('reads nothing else', () => {
    expect(['正向', '定性', '≥95%', '', '高于或等于'].map(parseRelation)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
