import { describe, expect, it } from 'vitest';
import { halfWidthIndicator } from '../model/half-width-indicator.ts';
import { annualRow } from '../model/indicator.testing.ts';
import { halfWidthNumbers, halfWidthTarget } from './half-width.ts';

describe('half-width', () => {
  it('writes a 指标值 in ASCII forms throughout', () => {
    expect(halfWidthTarget('≥９５％')).toBe('≥95%');
    expect(halfWidthTarget('＞＝１００.５０万元')).toBe('>=100.50万元');
    expect(halfWidthTarget('≥３００台（套）')).toBe('≥300台(套)');
    expect(halfWidthTarget('１\u3000２')).toBe('1 2');
  });

  it('changes only how numbers are written in prose, keeping Chinese punctuation', () => {
    expect(halfWidthNumbers('结案率达到９５％，群众满意。')).toBe('结案率达到95%，群众满意。');
    expect(halfWidthNumbers('办理１２．５件（含＞３次复查）；期限１－３月')).toBe('办理12.5件（含>3次复查）；期限1-3月');
    expect(halfWidthNumbers('一、加强领导．－（一）')).toBe('一、加强领导．－（一）');
  });

  it('keeps an indicator row in one spelling, leaving its 一级 and 二级 as written', () => {
    const row = { ...annualRow('产出指标', '数量指标', '调解案件９０件以上', '≥９０件', '依据２０１９年'), level3: '调解案件数（件）' };
    expect(halfWidthIndicator(row)).toEqual({ ...row, description: '调解案件90件以上', target: '≥90件', basis: '依据2019年' });
  });

  it('writes the columns only some forms print the same way, and leaves absent and null ones as they are', () => {
    const row = {
      ...annualRow('产出指标', '数量指标', '结案率', '≥95%', ''),
      nature: '＞＝',
      measureUnit: '％',
      previousYear: '９０％',
      explanation: '以２０１９年（全年）为准。',
      weight: null,
    };
    expect(halfWidthIndicator(row)).toEqual({
      ...row,
      nature: '>=',
      measureUnit: '%',
      previousYear: '90%',
      explanation: '以2019年（全年）为准。',
    });
    expect(halfWidthIndicator(row)).not.toHaveProperty('origin');
  });
});
