// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from 'antd';
import { LocaleProvider } from '../app/locale.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import type { FormProfile } from '../../core/forms/profile.ts';
import { hebei2020 } from '../../core/forms/profiles/hebei-2020.ts';
import { hunanXiangtan } from '../../core/forms/profiles/hunan-xiangtan.ts';
import { neimengguWuhai } from '../../core/forms/profiles/neimenggu-wuhai.ts';
import { editorRow, type EditorRow } from './model.ts';
import type { RowHistory } from '../form/row-history.ts';

const row = (level2: string, description: string): EditorRow =>
  editorRow({ term: 'annual', level1: '产出指标', level2, level3: '', description, target: '', basis: '', remark: '' });

let current: EditorRow[] = [];

function Table({
  profile,
  first = [],
  history,
}: {
  profile?: FormProfile;
  first?: EditorRow[];
  history?: (rows: EditorRow[]) => ReadonlyMap<string, RowHistory>;
}) {
  const [rows, setRows] = useState([...first, row('数量指标', '办案数'), row('质量指标', '结案率'), row('时效指标', '办结时限')]);
  const [past] = useState(() => history?.(rows));
  current = rows;
  return (
    <LocaleProvider locale="zh-CN">
      <App>
        <IndicatorTable rows={rows} onRows={setRows} year={2020} code="315-0105-JBN-2D9U" projectId={1} profile={profile} history={past} />
      </App>
    </LocaleProvider>
  );
}

const description = (n: number) => screen.getByLabelText(`绩效指标描述 ${n}`) as HTMLTextAreaElement;
const descriptions = () => current.map((r) => r.description);

describe('IndicatorTable keyboard commands', () => {
  afterEach(cleanup);

  it('Alt+↑ and Alt+↓ move the row and keep the focus on it', () => {
    render(<Table />);
    description(2).focus();
    fireEvent.keyDown(description(2), { key: 'ArrowUp', altKey: true });
    expect(descriptions()).toEqual(['结案率', '办案数', '办结时限']);
    expect(document.activeElement).toBe(description(1));
    fireEvent.keyDown(description(1), { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(description(2), { key: 'ArrowDown', altKey: true });
    expect(descriptions()).toEqual(['办案数', '办结时限', '结案率']);
    expect(document.activeElement).toBe(description(3));
    // At the end the row stays where it is.
    fireEvent.keyDown(description(3), { key: 'ArrowDown', altKey: true });
    expect(descriptions()).toEqual(['办案数', '办结时限', '结案率']);
  });

  it('Ctrl+Enter inserts a row below in the same 一级/二级 and focuses its description', async () => {
    render(<Table />);
    fireEvent.keyDown(description(1), { key: 'Enter', ctrlKey: true });
    expect(current).toHaveLength(4);
    expect(current[1]).toMatchObject({ level1: '产出指标', level2: '数量指标', description: '' });
    expect(document.activeElement).toBe(description(2));
    await userEvent.keyboard('办理咨询数');
    expect(descriptions()).toEqual(['办案数', '办理咨询数', '结案率', '办结时限']);
  });

  it('Ctrl+Backspace deletes the row, and the deletion can be undone', async () => {
    render(<Table />);
    fireEvent.keyDown(description(2), { key: 'Backspace', ctrlKey: true });
    expect(descriptions()).toEqual(['办案数', '办结时限']);
    expect(document.activeElement).toBe(description(2));
    expect(screen.getByText('已删除第 2 行。')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(descriptions()).toEqual(['办案数', '结案率', '办结时限']);
    expect(screen.queryByText('已删除第 2 行。')).toBeNull();
  });

  it('Ctrl+Z outside a text box undoes the deletion; inside one it is left to the text box', () => {
    render(<Table />);
    fireEvent.keyDown(description(3), { key: 'Backspace', ctrlKey: true });
    expect(descriptions()).toEqual(['办案数', '结案率']);
    fireEvent.keyDown(description(1), { key: 'z', ctrlKey: true });
    expect(descriptions()).toEqual(['办案数', '结案率']);
    fireEvent.keyDown(screen.getByRole('button', { name: '上移（Alt+↑） 2' }), { key: 'z', ctrlKey: true });
    expect(descriptions()).toEqual(['办案数', '结案率', '办结时限']);
  });

  it('row buttons do the same for the mouse', async () => {
    render(<Table />);
    await userEvent.click(screen.getByRole('button', { name: '下移（Alt+↓） 1' }));
    expect(descriptions()).toEqual(['结案率', '办案数', '办结时限']);
    await userEvent.click(screen.getByRole('button', { name: '删除（Ctrl+Backspace） 3' }));
    expect(descriptions()).toEqual(['结案率', '办案数']);
    await userEvent.click(screen.getByRole('button', { name: /增加指标行/ }));
    expect(current).toHaveLength(3);
  });
});

describe('IndicatorTable columns of the form profile', () => {
  afterEach(cleanup);
  const headings = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

  it('shows the profile’s further columns under its headings, editable; an emptied cell is none', async () => {
    const profile: FormProfile = {
      ...hebei2020,
      columns: [...hebei2020.columns, { id: 'weight', heading: '分值' }, { id: 'nature', heading: '指标性质' }],
    };
    render(<Table profile={profile} />);
    // In the profile's order, after 指标值确定依据.
    expect(headings().slice(1, -1)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '绩效指标描述',
      '指标值',
      '指标值确定依据',
      '分值',
      '指标性质',
    ]);
    await userEvent.type(screen.getByLabelText('分值 2'), '１０');
    fireEvent.blur(screen.getByLabelText('分值 2'));
    expect(current[1]).toMatchObject({ weight: '10' });
    await userEvent.clear(screen.getByLabelText('分值 2'));
    expect(current[1]!.weight).toBeNull();
  });

  it('leaves out 描述 and 依据 where the profile’s form has no such column and no row fills one in', () => {
    render(<Table profile={neimengguWuhai} />);
    // The rows fill 绩效指标描述 in, so it stays; none fills 指标值确定依据 in, which 乌海's form has not.
    expect(headings()).toContain('绩效指标描述');
    expect(headings()).not.toContain('指标值确定依据');
    expect(screen.queryByLabelText('指标值确定依据 1')).toBeNull();
    expect(headings()).toContain('分值');
    // Columns and header cells agree, so the table keeps its grid.
    expect(document.querySelectorAll('colgroup col')).toHaveLength(screen.getAllByRole('columnheader').length);
  });

  it('names jixiao’s own columns as the profile prints them (湘潭: 绩效标准)', () => {
    render(<Table profile={hunanXiangtan} />);
    expect(headings()).toContain('绩效标准');
    expect(headings()).not.toContain('指标值确定依据');
    expect(screen.getByLabelText('绩效标准 1')).toBeTruthy();
  });

  it('shows a column outside the profile where a row fills it in, and none where none does', () => {
    render(<Table />);
    expect(headings()).not.toContain('度量单位');
    cleanup();
    render(<Table first={[{ ...row('数量指标', '培训'), measureUnit: '次' }]} />);
    expect(headings()).toContain('度量单位');
    expect((screen.getByLabelText('度量单位 1') as HTMLTextAreaElement).value).toBe('次');
  });
});

describe('IndicatorTable 上年 / 前年', () => {
  afterEach(cleanup);
  const headings = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
  const past = (year: number, label: string, target: string, actual: string | null) => ({ year, label, target, actual, similarity: 0.8 });

  it('shows the two years read-only beside each row, and they stay with the row as it moves', async () => {
    render(
      <Table
        history={(rows) =>
          new Map([
            [rows[1]!.key, { previousYear: past(2019, '结案率', '≥95%', '96%'), yearBeforeLast: past(2018, '案件结案率', '≥90%', null) }],
          ])
        }
      />,
    );
    expect(headings()).toContain('上年');
    expect(headings()).toContain('前年');
    const cells = () =>
      [...document.querySelectorAll('[data-col="history-previousYear"]')].map((c) => c.querySelector('.history-value')?.textContent ?? '');
    expect(cells()).toEqual(['', '目标 ≥95% / 实际 96%', '']);
    // The year says where the value is from; the old wording where the row was reworded.
    const before = document.querySelectorAll('[data-col="history-yearBeforeLast"]')[1]!;
    expect(before.querySelector('.history-value')!.textContent).toBe('目标 ≥90%');
    expect(before.textContent).toContain('2018 年，当时写作“案件结案率”');
    expect(document.querySelectorAll('[data-col="history-previousYear"]')[1]!.textContent).toContain('2019 年');
    expect(document.querySelectorAll('[data-col="history-previousYear"]')[1]!.textContent).not.toContain('当时写作');
    await userEvent.click(screen.getByRole('button', { name: '上移（Alt+↑） 2' }));
    expect(cells()).toEqual(['目标 ≥95% / 实际 96%', '', '']);
    // Read-only: nothing to type into.
    expect(document.querySelector('[data-col="history-previousYear"] textarea, [data-col="history-previousYear"] input')).toBeNull();
  });

  it('leaves the columns out where no row has a past', () => {
    render(<Table history={() => new Map()} />);
    expect(headings()).not.toContain('上年');
    expect(document.querySelectorAll('colgroup col')).toHaveLength(screen.getAllByRole('columnheader').length);
  });
});
