import { describe, expect, it } from 'vitest';
import { formForYear, frameworkOf, level1KindOf, level1Name, level2KindOf, parentOf } from './framework.ts';

describe('indicator framework', () => {
  it('knows which form a year follows', () => {
    expect(formForYear(2020)).toBe('2015');
    expect(formForYear(2021)).toBe('2021');
    expect(formForYear(2022, 2023)).toBe('2015');
    expect(formForYear(null)).toBe('2021');
  });

  it('reads the names documents use for 一级', () => {
    expect(level1KindOf('产出指标')).toBe('output');
    expect(level1KindOf('效果指标')).toBe('outcome');
    expect(level1KindOf('效益指标')).toBe('outcome');
    expect(level1KindOf(' 满意度 指标')).toBe('satisfaction');
    expect(level1KindOf('成本指标')).toBe('cost');
    expect(level1KindOf('数量指标')).toBeNull();
  });

  it('reads the names documents use for 二级', () => {
    expect(level2KindOf('数量指标')).toBe('quantity');
    expect(level2KindOf('社会效益指标')).toBe('social');
    expect(level2KindOf('环境效益')).toBe('ecological');
    expect(level2KindOf('社会公众或服务对象满意度指标')).toBe('satisfaction');
    expect(level2KindOf('成本指标')).toBe('cost');
    expect(level2KindOf('经济成本指标')).toBe('economicCost');
    expect(level2KindOf('产出指标')).toBeNull();
  });

  it('places 成本 under 产出 in the older form and as its own 一级 in 2021', () => {
    expect(parentOf('cost', '2015')).toBe('output');
    expect(parentOf('cost', '2021')).toBeNull();
    expect(parentOf('economicCost', '2021')).toBe('cost');
    expect(frameworkOf('2021').map((l1) => l1.name)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    expect(level1Name('outcome', '2015')).toBe('效果指标');
    expect(level1Name('cost', '2015')).toBe('成本指标');
  });
});
