// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { annualRow } from '../../core/model/indicator.testing.ts';
import { LocaleProvider } from '../app/locale.tsx';
import { IndicatorTableView } from './IndicatorTableView.tsx';

describe('IndicatorTableView', () => {
  afterEach(cleanup);
  const headings = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

  it('shows the provincial columns some row fills in, after 指标值确定依据, and no others', () => {
    const rows = [
      { ...annualRow('产出指标', '数量指标', '办案数', '≥120件', '计划'), weight: '10', measureUnit: '件' },
      annualRow('产出指标', '质量指标', '结案率', '≥95%', '计划'),
    ];
    render(
      <LocaleProvider locale="zh-CN">
        <IndicatorTableView indicators={rows} code="315-1" projectId={1} />
      </LocaleProvider>,
    );
    expect(headings()).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '度量单位', '权重']);
    expect(screen.getByText('件')).toBeTruthy();
    expect(document.querySelectorAll('col')).toHaveLength(8);
  });

  it('shows 上年 / 前年 where some row has a past (the review page), and what follows a target (the portal)', () => {
    const rows = [
      annualRow('产出指标', '数量指标', '办案数', '≥120件', '计划'),
      annualRow('产出指标', '质量指标', '结案率', '≥95%', '计划'),
    ];
    const past = { year: 2020, label: '案件结案率', target: '≥95%', actual: '96%', similarity: 0.8 };
    render(
      <LocaleProvider locale="zh-CN">
        <IndicatorTableView
          indicators={rows}
          code="315-1"
          projectId={1}
          history={[null, { previousYear: past, yearBeforeLast: null }]}
          targetExtra={(i) => <span data-testid="after-target">{i}</span>}
        />
      </LocaleProvider>,
    );
    expect(headings()).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '上年', '前年']);
    expect(document.querySelectorAll('col')).toHaveLength(8);
    expect([...document.querySelectorAll('[data-col="history-previousYear"] .history-value')].map((e) => e.textContent)).toEqual([
      '目标 ≥95% / 实际 96%',
    ]);
    expect(screen.getAllByTestId('after-target').map((e) => e.textContent)).toEqual(['0', '1']);
    cleanup();
    render(
      <LocaleProvider locale="zh-CN">
        <IndicatorTableView indicators={rows} code="315-1" projectId={1} history={[null, null]} />
      </LocaleProvider>,
    );
    expect(headings()).not.toContain('上年');
  });
});
