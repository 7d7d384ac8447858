// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankAssessment, SECTION_IDS, type ExAnteAssessment } from '../../core/ex-ante/assessment.ts';
import { aProject } from '../../core/review/testing.ts';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import { ExAntePanel } from './ExAntePanel.tsx';

const context = { threshold: '5', previous: null, assessments: {} };
const stored = (assessment: ExAnteAssessment | null, version = assessment ? 1 : 0) => ({
  projectId: 7,
  required: true,
  threshold: '5',
  sectionPoints: '20',
  assessment,
  version,
  updatedAt: null,
  updatedByName: null,
});
const complete = (): ExAnteAssessment => {
  const a = blankAssessment('怀来县司法局');
  for (const id of SECTION_IDS) a[id] = { finding: '论证充分。', score: '18' };
  return { ...a, conclusion: 'partial', date: '2019-10-15' };
};

const panel = (attribute: '新增' | null, editable = true) => (
  <Providers>
    <ExAntePanel documentId={3} projectId={7} project={aProject({ attribute })} editable={editable} />
  </Providers>
);

describe('事前绩效评估 panel', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks a new project at the amount for its assessment, saves it with the version it is based on, and says when someone saved first', async () => {
    const sent = fakeApi([
      { match: /GET \/api\/documents\/3\/ex-ante/, status: 200, body: context },
      { match: /GET \/api\/projects\/7\/ex-ante/, status: 200, body: stored(null) },
      { match: /PUT \/api\/projects\/7\/ex-ante/, status: 409, body: { code: 'stale_version', message: '已被修改', currentVersion: 1 } },
    ]);
    render(panel('新增'));
    expect(await screen.findByText(/本项目为新增项目，预算数达到 5 万元/)).toBeTruthy();
    expect(screen.getByText(/评估未完成/)).toBeTruthy();
    const user = userEvent.setup();
    for (const name of ['立项必要性', '投入经济性', '绩效目标合理性', '实施方案可行性', '筹资合规性']) {
      await user.type(screen.getByLabelText(`${name} 评估情况`), '论证充分。');
      await user.type(screen.getByLabelText(`${name} 得分`), '18');
    }
    await user.click(screen.getByLabelText('予以支持'));
    await user.type(screen.getByLabelText('评估机构（单位）名称'), '怀来县司法局');
    await user.type(screen.getByLabelText('评估日期'), '2019-10-15');
    expect(screen.getByText('总分：90')).toBeTruthy();
    expect(screen.getAllByText('评估已完成').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: /保存评估/ }));
    await waitFor(() => expect(screen.getByText('这份评估已被他人修改，请重新载入后再保存。')).toBeTruthy());
    const put = sent.find((s) => s.method === 'PUT')!;
    expect(put.ifMatch).toBe('"0"');
    expect(put.body).toMatchObject({
      assessment: {
        necessity: { finding: '论证充分。', score: '18' },
        conclusion: 'support',
        assessor: { kind: 'unit', name: '怀来县司法局' },
        date: '2019-10-15',
      },
    });
  });

  it('shows nothing under a project that needs none and has none', async () => {
    const sent = fakeApi([
      { match: /GET \/api\/documents\/3\/ex-ante/, status: 200, body: context },
      { match: /GET \/api\/projects\/7\/ex-ante/, status: 200, body: { ...stored(null), required: false } },
    ]);
    render(panel(null));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(screen.queryByTestId('ex-ante-panel')).toBeNull();
  });

  it('reads a saved assessment on the review page, with its conclusion and total, and offers the report', async () => {
    fakeApi([
      { match: /GET \/api\/documents\/3\/ex-ante/, status: 200, body: context },
      { match: /GET \/api\/projects\/7\/ex-ante/, status: 200, body: stored(complete()) },
    ]);
    render(panel('新增', false));
    expect(await screen.findByText('部分支持（总分 90）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /保存评估/ })).toBeNull();
    expect(screen.getByRole('link', { name: /导出评估报告/ }).getAttribute('href')).toBe('/api/projects/7/ex-ante/report.docx');
  });
});
