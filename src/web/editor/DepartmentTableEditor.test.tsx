// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormProfile } from '../../core/forms/profile.ts';
import { mof2021 } from '../../core/forms/profiles/mof-2021.ts';
import type { DepartmentGoals } from '../../core/model/document.ts';
import { LocaleProvider } from '../app/locale.tsx';
import { DepartmentEditor } from './DepartmentEditor.tsx';

let current: DepartmentGoals | null = null;
const goals: DepartmentGoals = { overallGoal: '履职尽责。', subGoals: [], safeguards: [] };

function Editor({ profile, start = goals }: { profile: FormProfile; start?: DepartmentGoals }) {
  const [department, setDepartment] = useState<DepartmentGoals | null>(start);
  current = department;
  return (
    <LocaleProvider locale="zh-CN">
      <App>
        <DepartmentEditor department={department} onChange={setDepartment} year={2021} profile={profile} />
      </App>
    </LocaleProvider>
  );
}

describe('DepartmentEditor, the 部门整体支出绩效目标表', () => {
  afterEach(cleanup);

  it('fills in 年度预算安排, a 履职目标 and a department indicator (saved without the table’s row keys)', async () => {
    render(<Editor profile={{ ...mof2021, kind: 'department' }} />);
    await userEvent.click(screen.getByRole('button', { name: /填写年度预算安排/ }));
    await userEvent.type(screen.getByLabelText('项目支出'), '6.00');
    expect(current!.funds).toEqual({ amountUnit: '万元', total: null, project: '6.00', basic: null });
    await userEvent.click(screen.getByRole('button', { name: /增加一条履职目标/ }));
    await userEvent.type(screen.getByLabelText('年度目标任务 1'), '办理案件');
    expect(current!.duties).toEqual([{ duty: '', task: '办理案件', projectName: '', amount: null }]);
    await userEvent.click(screen.getByRole('button', { name: /增加指标行/ }));
    await userEvent.type(screen.getByLabelText('绩效指标描述 1'), '办案数');
    expect(current!.indicators).toEqual([
      { term: 'annual', level1: '', level2: '', level3: '', description: '办案数', target: '', basis: '', remark: '' },
    ]);
  });

  it('is not there for a project form’s profile while the document has none of it', () => {
    render(<Editor profile={mof2021} />);
    expect(screen.queryByText('年度预算安排')).toBeNull();
    cleanup();
    render(<Editor profile={mof2021} start={{ ...goals, duties: [{ duty: '援助', task: '办案', projectName: '', amount: null }] }} />);
    expect(screen.getByText('年度预算安排')).toBeTruthy();
    expect((screen.getByLabelText('部门职能 1') as HTMLTextAreaElement).value).toBe('援助');
  });
});
