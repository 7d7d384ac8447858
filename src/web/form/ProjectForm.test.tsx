// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../core/model/document.ts';
import type { ProjectFieldId } from '../../core/model/project-fields.ts';
import { aProject } from '../../core/review/testing.ts';
import { LocaleProvider } from '../app/locale.tsx';
import { ProjectForm } from './ProjectForm.tsx';

let current: Project;

function Form({ project, header, editable = true }: { project: Project; header?: ProjectFieldId[]; editable?: boolean }) {
  const [p, setP] = useState(project);
  current = p;
  return (
    <LocaleProvider locale="zh-CN">
      <App>
        <ProjectForm
          project={p}
          projectId={1}
          header={header}
          onChange={editable ? (patch) => setP((old) => ({ ...old, ...patch })) : undefined}
          indicators={null}
        />
      </App>
    </LocaleProvider>
  );
}

describe('ProjectForm header fields only some provinces print', () => {
  afterEach(cleanup);

  it('shows those the profile lists, editable, an emptied one saved as none', async () => {
    render(<Form project={aProject()} header={['code', 'name', 'manager', 'mediumTerm']} />);
    expect(screen.queryByLabelText('项目分类')).toBeNull();
    await userEvent.type(screen.getByLabelText('项目负责人'), '张伟');
    expect(current.manager).toBe('张伟');
    await userEvent.type(screen.getByLabelText('中期预算'), '15.00');
    expect(current.budget.mediumTerm).toBe('15.00');
    await userEvent.clear(screen.getByLabelText('项目负责人'));
    expect(current.manager).toBeNull();
  });

  it('shows those the project has, whatever the profile, and none of the others', () => {
    render(<Form project={{ ...aProject(), approvalNumber: '怀财预〔2020〕5号' }} editable={false} />);
    expect(screen.getByText('项目审批文号')).toBeTruthy();
    expect(screen.getByText('怀财预〔2020〕5号')).toBeTruthy();
    expect(screen.queryByText('项目负责人')).toBeNull();
  });
});
