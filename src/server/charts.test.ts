import { describe, expect, it } from 'vitest';
import { chart, chartCsv } from './charts.ts';

describe('chartCsv', () => {
  it('downloads a chart table without formulas: text columns neutralised, numbers kept, negative ones too', () => {
    const c = chart(
      'scores',
      '得分',
      [
        { name: 'name', displayName: '项目名称', type: 'ordinal' },
        { name: 'gap', displayName: '偏差', type: 'number' },
      ],
      [
        ["=cmd|' /C calc'!A0", '-3.50'],
        ['-1+1', null],
      ],
      [],
    );
    expect(chartCsv(c)).toBe("\ufeff项目名称,偏差\r\n'=cmd|' /C calc'!A0,-3.50\r\n'-1+1,\r\n");
  });
});
