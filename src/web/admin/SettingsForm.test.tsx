// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EVALUATION_SETTINGS } from '../../core/evaluation/settings.ts';
import { DEFAULT_MONITORING_SETTINGS } from '../../core/monitoring/settings.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/review/settings.ts';
import type { BureauSettings, OwnSettings } from '../api/monitoring-types.ts';
import { Providers } from '../monitoring/testing.tsx';
import { SettingsForm } from './SettingsForm.tsx';

const inherited: BureauSettings = {
  bureauId: 3,
  version: 0,
  own: { review: null, monitoring: null, evaluation: null, formProfile: null },
  effective: {
    review: { settings: DEFAULT_REVIEW_SETTINGS, source: null },
    monitoring: { settings: DEFAULT_MONITORING_SETTINGS, source: { bureauId: 2, bureauName: '张家口市财政局' } },
    evaluation: { settings: DEFAULT_EVALUATION_SETTINGS, source: null },
    formProfile: { settings: null, source: null },
  },
};

const saveButton = () => screen.getByRole('button', { name: /保存设置/ }) as HTMLButtonElement;

describe('the bureau settings form', () => {
  afterEach(cleanup);

  it('says where each part comes from, and starts an own part from what is in force', async () => {
    const onSave = vi.fn<(own: OwnSettings) => Promise<void>>(async () => undefined);
    render(
      <Providers>
        <SettingsForm settings={inherited} onSave={onSave} editable />
      </Providers>,
    );
    expect(screen.getByTestId('settings-monitoring').textContent).toContain('沿用 张家口市财政局 的设定');
    expect(screen.getByTestId('settings-evaluation').textContent).toContain('使用系统默认值');
    expect((screen.getByLabelText('黄灯：执行率落后计划') as HTMLInputElement).disabled).toBe(true);
    expect(saveButton().disabled).toBe(true);

    await userEvent.click(screen.getByRole('switch', { name: '运行监控预警：本级设定' }));
    const yellow = screen.getByLabelText('黄灯：执行率落后计划') as HTMLInputElement;
    expect(yellow.disabled).toBe(false);
    expect(yellow.value).toBe('10');
    await userEvent.clear(yellow);
    await userEvent.type(yellow, '8');
    await userEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({
      review: null,
      monitoring: { ...DEFAULT_MONITORING_SETTINGS, yellowShortfall: '8' },
      evaluation: null,
      formProfile: null,
    });
  });

  it('picks the bureau’s form profile from the shipped ones, named in the user’s language', async () => {
    const onSave = vi.fn<(own: OwnSettings) => Promise<void>>(async () => undefined);
    render(
      <Providers>
        <SettingsForm settings={inherited} onSave={onSave} editable />
      </Providers>,
    );
    expect(screen.getByTestId('settings-formProfile').textContent).toContain('按预算年度（未选择）');
    await userEvent.click(screen.getByRole('switch', { name: '表样：本级设定' }));
    expect(screen.getByTestId('settings-formProfile').textContent).toContain('河北省 2020 年项目绩效目标表');
    fireEvent.mouseDown(screen.getByLabelText('表样'));
    await userEvent.click(await screen.findByText('财预〔2021〕101号框架项目绩效目标表（成本、产出、效益、满意度）'));
    await userEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ review: null, monitoring: null, evaluation: null, formProfile: 'mof-2021' });
  });

  it('sets the amount at which a new project needs a 事前绩效评估, in 万元, with the review rules', async () => {
    const onSave = vi.fn<(own: OwnSettings) => Promise<void>>(async () => undefined);
    render(
      <Providers>
        <SettingsForm settings={inherited} onSave={onSave} editable />
      </Providers>,
    );
    await userEvent.click(screen.getByRole('switch', { name: '审核规则：本级设定' }));
    const amount = screen.getByLabelText('事前绩效评估金额标准') as HTMLInputElement;
    expect(amount.value).toBe('0');
    fireEvent.change(amount, { target: { value: '100.5' } });
    await userEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].review).toEqual({ ...DEFAULT_REVIEW_SETTINGS, exAnteThreshold: '100.5' });
  });

  it('holds back weights that do not add up to 100, saying so, until they do', async () => {
    const onSave = vi.fn<(own: OwnSettings) => Promise<void>>(async () => undefined);
    render(
      <Providers>
        <SettingsForm settings={inherited} onSave={onSave} editable />
      </Providers>,
    );
    await userEvent.click(screen.getByRole('switch', { name: '绩效自评评分：本级设定' }));
    const output = screen.getByLabelText('权重（合计 100 分） 产出指标') as HTMLInputElement;
    fireEvent.change(output, { target: { value: '40' } });
    expect(screen.getByTestId('settings-evaluation').textContent).toContain('权重合计为 90，应为 100');
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('权重（合计 100 分） 效益指标'), { target: { value: '40' } });
    expect(screen.getByTestId('settings-evaluation').textContent).not.toContain('权重合计为');
    expect(saveButton().disabled).toBe(false);
    await userEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].evaluation!.weights).toEqual({
      budgetExecution: '10',
      output: '40',
      outcome: '40',
      satisfaction: '10',
      cost: null,
    });
  });

  it('keeps the user’s changes when saving fails (a 409: the page loads the newer version beside them)', async () => {
    const onSave = vi.fn<(own: OwnSettings) => Promise<void>>(async () => {
      throw new Error('stale');
    });
    const { rerender } = render(
      <Providers>
        <SettingsForm settings={inherited} onSave={onSave} editable />
      </Providers>,
    );
    await userEvent.click(screen.getByRole('switch', { name: '运行监控预警：本级设定' }));
    fireEvent.change(screen.getByLabelText('红灯：执行率落后计划'), { target: { value: '30' } });
    await userEvent.click(saveButton());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    // Someone else's version 1 arrives: the form still holds the user's change.
    rerender(
      <Providers>
        <SettingsForm
          settings={{
            ...inherited,
            version: 1,
            own: { ...inherited.own, review: { ...DEFAULT_REVIEW_SETTINGS, disabledSeverities: ['info'] } },
          }}
          onSave={onSave}
          editable
        />
      </Providers>,
    );
    expect((screen.getByLabelText('红灯：执行率落后计划') as HTMLInputElement).value).toBe('30');
    expect(saveButton().disabled).toBe(false);
  });
});
