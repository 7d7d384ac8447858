// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Indicator } from '../../core/model/document.ts';
import type { SuggestionView } from '../api/history-types.ts';
import { Providers } from '../monitoring/testing.tsx';
import { Suggestions } from './Suggestions.tsx';

const row = (level3: string, target: string, origin?: string): Indicator => ({
  term: 'annual',
  level1: '产出指标',
  level2: '质量指标',
  level3,
  description: '',
  target,
  basis: '',
  remark: '',
  ...(origin ? { origin } : {}),
});

/** Two suggestions as the API sends them: a family peers use (last year's too), and a library entry. */
const items: SuggestionView[] = [
  {
    familyKey: '结案率|%|质量',
    entry: null,
    label: '结案率',
    level1: '产出指标',
    level2: '质量指标',
    unit: '%',
    typical: '≥95%',
    spread: { count: 7, min: '90', max: '100' },
    peers: 3,
    fromLastYear: true,
    users: [
      { unitName: '怀来县公安局', year: 2020, projectName: '执法办案', target: '≥95%' },
      { unitName: '涿鹿县司法局', year: 2019, projectName: '法律援助', target: '≥98%' },
    ],
    row: row('结案率', '≥95%', '指标库'),
  },
  {
    familyKey: null,
    entry: { code: 'K-7', level3: '业务培训参训率' },
    label: '业务培训参训率',
    level1: '产出指标',
    level2: '质量指标',
    unit: '%',
    typical: '≥90%',
    spread: null,
    peers: 0,
    fromLastYear: false,
    users: [],
    row: row('业务培训参训率', '≥90%', '指标库'),
  },
];

function api() {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(String(url));
    return new Response(JSON.stringify({ items }), { status: 200 });
  });
  return asked;
}

let table: Indicator[] = [];
function Editor({ projectId = 7 }: { projectId?: number | null }) {
  const [rows, setRows] = useState<Indicator[]>([row('结案率（%）', '≥96%')]);
  table = rows;
  return (
    <Providers>
      <Suggestions projectId={projectId} projectName="法律援助" rows={rows} onAdd={(r) => setRows((now) => [...now, r])} />
    </Providers>
  );
}

describe('指标推荐 in the editor', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists what peers and the library offer, with their figures, badges and users', async () => {
    const asked = api();
    render(<Editor />);
    expect(asked).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: /指标推荐/ }));
    const [family, entry] = await screen.findAllByTestId('suggestion');
    expect(asked).toEqual(['/api/projects/7/suggestions?limit=20']);
    expect(family!.textContent).toContain('产出指标 / 质量指标');
    expect(family!.textContent).toContain('度量单位 %');
    expect(family!.textContent).toContain('典型指标值 ≥95%');
    expect(family!.textContent).toContain('共 7 个指标值，90～100');
    expect(family!.textContent).toContain('3 个同类单位在用');
    expect(within(family!).getByText('上年')).toBeTruthy();
    expect(within(family!).queryByText('指标库')).toBeNull();
    expect(within(family!).getByText('使用情况（2）')).toBeTruthy();
    expect(family!.textContent).toContain('涿鹿县司法局（2019年）法律援助：≥98%');
    expect(within(entry!).getByText('指标库')).toBeTruthy();
    expect(within(entry!).queryByText('上年')).toBeNull();
  });

  it('adds a suggestion’s row through the table’s own change, and shows rows already there as added', async () => {
    api();
    render(<Editor />);
    await userEvent.click(screen.getByRole('button', { name: /指标推荐/ }));
    const [family, entry] = await screen.findAllByTestId('suggestion');
    // 结案率（%） is in the table: the same measure, as the names compare.
    expect(within(family!).getByRole('button', { name: '已添加' })).toHaveProperty('disabled', true);
    await userEvent.click(within(entry!).getByRole('button', { name: '添加“业务培训参训率”' }));
    expect(table.map((r) => r.level3)).toEqual(['结案率（%）', '业务培训参训率']);
    expect(table[1]).toMatchObject({ origin: '指标库', target: '≥90%' });
    expect(within(entry!).getByRole('button', { name: '已添加' })).toHaveProperty('disabled', true);
  });

  it('waits for a new project to be saved before asking', async () => {
    const asked = api();
    render(<Editor projectId={null} />);
    expect(screen.getByRole('button', { name: /指标推荐/ })).toHaveProperty('disabled', true);
    expect(asked).toEqual([]);
  });
});
