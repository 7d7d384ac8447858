// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeerComparison as Peers } from '../api/history-types.ts';
import { Providers } from '../monitoring/testing.tsx';
import { PeerComparison } from './PeerComparison.tsx';

const peers: Peers = {
  label: '服务对象满意度',
  unit: '%',
  level2: '服务对象满意度指标',
  count: 9,
  units: 4,
  min: '85',
  median: '92.5',
  max: '98',
  typical: '≥92.5%',
  uses: Array.from({ length: 7 }, (_, i) => ({ unitName: `单位${i + 1}`, year: 2020, projectName: '业务经费', target: `≥${90 + i}%` })),
};

function api(status: number, body: unknown) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(String(url));
    return new Response(JSON.stringify(body), { status });
  });
  return asked;
}

describe('同类比较 on the public portal', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks only when opened, and shows the count, the spread, the typical target and a few uses', async () => {
    const asked = api(200, peers);
    render(
      <Providers>
        <PeerComparison indicatorId={41} label="服务对象满意度" />
      </Providers>,
    );
    expect(asked).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: '同类比较：服务对象满意度' }));
    const shown = await screen.findByTestId('peer-comparison');
    expect(asked).toEqual(['/api/public/indicators/41/peers']);
    expect(shown.textContent).toContain('服务对象满意度（%）');
    expect(shown.textContent).toContain('同类指标值 9 个，来自 4 个单位');
    for (const text of ['最低85', '中位数92.5', '最高98', '典型指标值≥92.5%']) expect(shown.textContent).toContain(text);
    expect(shown.querySelectorAll('.peer-uses li')).toHaveLength(5);
    expect(shown.textContent).toContain('单位1（2020年）业务经费：≥90%');
  });

  it('says there is nothing to compare when the row has no published peers (404)', async () => {
    api(404, { code: 'not_found', message: '未找到' });
    render(
      <Providers>
        <PeerComparison indicatorId={42} label="结案率" />
      </Providers>,
    );
    await userEvent.click(screen.getByRole('button', { name: '同类比较：结案率' }));
    expect(await screen.findByText('暂无可比较的同类指标。')).toBeTruthy();
  });
});
