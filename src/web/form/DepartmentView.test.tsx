// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { annualRow } from '../../core/model/indicator.testing.ts';
import { LocaleProvider } from '../app/locale.tsx';
import { DepartmentView } from './DepartmentView.tsx';

describe('DepartmentView', () => {
  afterEach(cleanup);

  it('shows the 部门整体支出绩效目标表: its 年度预算安排, 履职目标 and indicators, where the document has them', () => {
    const goals = { overallGoal: '履职尽责。', subGoals: [], safeguards: [] };
    render(
      <LocaleProvider locale="zh-CN">
        <DepartmentView
          department={{
            ...goals,
            funds: { amountUnit: '万元', total: '10.00', project: '6.00', basic: '4.00' },
            duties: [{ duty: '法律援助', task: '办理案件', projectName: '法律援助项目', amount: '5.50' }],
            indicators: [annualRow('产出指标', '数量指标', '办案数', '≥120件', '计划')],
          }}
        />
      </LocaleProvider>,
    );
    expect(screen.getByText('年度预算安排')).toBeTruthy();
    expect(screen.getByText('6.00')).toBeTruthy();
    expect(screen.getByText('办理案件')).toBeTruthy();
    expect(screen.getByText('部门整体绩效指标')).toBeTruthy();
    expect(screen.getByText('≥120件')).toBeTruthy();
    cleanup();
    render(
      <LocaleProvider locale="zh-CN">
        <DepartmentView department={goals} />
      </LocaleProvider>,
    );
    expect(screen.queryByText('年度预算安排')).toBeNull();
    expect(screen.queryByText('年度履职目标')).toBeNull();
  });
});
