import { describe, expect, it } from 'vitest';
import type { ApiChart } from '../api/monitoring-types.ts';
import { chartHeight, chartOption } from './chart-option.ts';

const chart = (id: string, rows: Array<Array<string | number | null>>, series: ApiChart['series']): ApiChart => ({
  id,
  title: id,
  dataset: {
    dimensions: [
      { name: 'group', displayName: '单位', type: 'ordinal' },
      { name: 'green', displayName: '绿灯', type: 'number' },
      { name: 'red', displayName: '红灯', type: 'number' },
    ],
    source: rows,
  },
  series,
  table: { columns: ['单位', '绿灯', '红灯'], rows: rows.map((r) => r.map((c) => c ?? '')) },
});

type Option = {
  dataset: { sourceHeader: boolean };
  xAxis?: { type: string };
  yAxis?: { type: string };
  series: Array<{ encode: Record<string, string>; itemStyle?: { color: string } }>;
};

describe('chartOption', () => {
  it('never takes the first row for a header (decimal strings look like names to ECharts) and colours lights as lights', () => {
    const c = chart(
      'lights',
      [['怀来县卫生健康局', '2', '1']],
      [
        { type: 'bar', name: '绿灯', encode: { x: 'group', y: 'green' }, stack: 'l' },
        { type: 'bar', name: '红灯', encode: { x: 'group', y: 'red' }, stack: 'l' },
      ],
    );
    const o = chartOption(c) as unknown as Option;
    expect(o.dataset.sourceHeader).toBe(false);
    expect(o.xAxis?.type).toBe('category');
    expect(o.series.map((s) => s.itemStyle?.color)).toEqual(['#52c41a', '#f5222d']);
  });

  it('lays bars over many long names down, names on the vertical axis, and makes room for them', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`指标值确定依据只是重复指标名称 ${i}`, i, 0]);
    const c = chart('findings', rows, [{ type: 'bar', name: '出现次数', encode: { x: 'group', y: 'green' } }]);
    const o = chartOption(c) as unknown as Option;
    expect(o.yAxis?.type).toBe('category');
    expect(o.series[0]!.encode).toEqual({ x: 'green', y: 'group' });
    expect(chartHeight(c)).toBe(320);
    expect(chartHeight(chart('short', [['甲', 1, 0]], c.series))).toBe(300);
  });
});
