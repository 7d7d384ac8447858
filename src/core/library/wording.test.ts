import { describe, expect, it } from 'vitest';
import { normaliseWording, wordingSimilarity } from './wording.ts';

describe('normaliseWording', () => {
  it('reads full-width and half-width forms, spaces and punctuation alike', () => {
    expect(normaliseWording('结案率（％）')).toBe(normaliseWording('结案率(%)'));
    expect(normaliseWording('提升宣传效果、群众知晓率。')).toBe('提升宣传效果群众知晓率');
    expect(normaliseWording('ＡＢＣ 达标率')).toBe('abc达标率');
  });

  it('drops years and the quantities a description states, which belong to the target', () => {
    expect(normaliseWording('2020年法律援助案件数量')).toBe('法律援助案件数量');
    expect(normaliseWording('每年达到制作展板50张')).toBe('达到制作展板');
    expect(normaliseWording('培训3.5小时')).toBe('培训');
  });

  it('reads 满意率 as 满意度, as the sample and its corrected copy write the same row', () => {
    expect(normaliseWording('服务对象满意率')).toBe(normaliseWording('服务对象满意度'));
  });

  it('drops words that name no measure, and nothing else', () => {
    expect(normaliseWording('普法宣传项目工作完成率')).toBe('普法宣传完成率');
    expect(normaliseWording('覆盖比例')).not.toBe(normaliseWording('覆盖率'));
  });
});

describe('wordingSimilarity', () => {
  it('is 1 for equal wordings, 0 for nothing shared or nothing at all', () => {
    expect(wordingSimilarity('结案率', '结案率')).toBe(1);
    expect(wordingSimilarity('结案率', '满意度')).toBe(0);
    expect(wordingSimilarity('', '')).toBe(0);
  });

  it('is the Dice coefficient of character pairs', () => {
    // 9 pairs (对矫 … 覆盖) and 10 (社区 … 盖率) share 矫正, 正对, 对象, 象定, 定位, 覆盖.
    expect(wordingSimilarity('对矫正对象定位全覆盖', '社区矫正对象定位覆盖率')).toBeCloseTo(12 / 19, 10);
  });
});
