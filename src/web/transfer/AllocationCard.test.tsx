// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FundIndicator } from '../../core/transfer/fund.ts';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import { AllocationCard } from './AllocationCard.tsx';
import { RollupTable } from './RollupTable.tsx';
import { transferEndpoints, type AllocationView, type FundRollup } from './transfer-api.ts';

const INDICATORS: FundIndicator[] = [
  { level1: '产出指标', level2: '数量指标', level3: '社区矫正对象接收人数', target: '≥1000人' },
  { level1: '产出指标', level2: '质量指标', level3: '信息核查率', target: '=100%' },
];
const ALLOCATION: AllocationView = {
  id: 5,
  version: 2,
  state: 'accepted',
  bureau: { id: 3, name: '怀来县财政局' },
  amount: '60.00',
  targets: ['≥600人', '=100%'],
  breakdowns: [],
};

describe('a region’s allocation and the roll-up', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('breaks the allocation down to a chosen project with its money and the row carrying each indicator', async () => {
    const sent = fakeApi([
      {
        match: /GET \/api\/transfer-allocations\/5\/projects/,
        status: 200,
        body: {
          items: [
            {
              projectId: 9,
              documentId: 1,
              code: '315-0103-YBN-UP1C',
              name: '社区矫正补助资金',
              unitName: '怀来县司法局',
              budgetTotal: '4.10',
            },
          ],
          nextCursor: null,
          total: { value: 1, exact: true },
        },
      },
      {
        match: /GET \/api\/projects\/9$/,
        status: 200,
        body: {
          project: {
            indicators: [
              { id: 91, level1: '产出指标', level2: '数量指标', level3: '', description: '社区矫正人员信息核查率', target: '100' },
            ],
          },
        },
      },
      { match: /POST \/api\/transfer-allocations\/5\/breakdowns/, status: 201, body: { id: 1, version: 1, allocationVersion: 3 } },
    ]);
    const add = vi.fn((a: AllocationView, projectId: number, amount: string, mapping: (number | null)[]) =>
      transferEndpoints.addBreakdown(a, projectId, amount, mapping),
    );
    render(
      <Providers>
        <AllocationCard
          allocation={ALLOCATION}
          indicators={INDICATORS}
          receiver
          busy={false}
          commands={{ accept: vi.fn(), add, remove: vi.fn() }}
        />
      </Providers>,
    );
    expect(screen.getByText('下达给怀来县财政局')).toBeTruthy();
    expect(screen.getByText('≥600人')).toBeTruthy();
    expect(screen.getByText('尚未分解到项目')).toBeTruthy();
    // Accepted already: no 接收 button.
    expect(screen.queryByRole('button', { name: '接收' })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /分解到项目/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText('选择项目'));
    await user.click(await screen.findByText(/315-0103-YBN-UP1C 社区矫正补助资金/));
    await user.type(within(dialog).getByLabelText('年度金额（万元）'), '4.10');
    fireEvent.mouseDown(within(dialog).getByLabelText('承接“信息核查率”的项目指标'));
    await user.click(await screen.findByText(/1\. 社区矫正人员信息核查率 100/));
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(add).toHaveBeenCalled());
    const post = sent.find((s) => s.method === 'POST');
    expect(post).toMatchObject({ ifMatch: '"2"', body: { projectId: 9, amount: '4.10', mapping: [null, 91] } });
  });

  it('shows what is not broken down in the roll-up', () => {
    const rollup: FundRollup = {
      amount: '100.00',
      allocated: '60.00',
      brokenDown: '4.10',
      moneyCoverage: 'short',
      complete: false,
      rows: [
        { index: 0, kind: 'quantity', issued: '≥1000人', planned: null, actual: null, carried: 0, coverage: 'none' },
        { index: 1, kind: 'rate', issued: '=100%', planned: '100', actual: '98.5', carried: 1, coverage: 'met' },
      ],
      regions: [],
    };
    render(
      <Providers>
        <RollupTable rollup={rollup} indicators={INDICATORS} />
      </Providers>,
    );
    expect(screen.getByText('尚有资金或指标未分解')).toBeTruthy();
    expect(screen.getByText('资金：下达 100.00 万元，已分解到项目 4.10 万元')).toBeTruthy();
    expect(screen.getByText('未分解（不足）')).toBeTruthy();
    expect(screen.getByText('未分解')).toBeTruthy();
    expect(screen.getByText('已分解')).toBeTruthy();
    expect(screen.getByText('98.5')).toBeTruthy();
  });
});
