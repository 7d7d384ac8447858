// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../core/review/finding.ts';
import type { Explanation, MonitoringNoteRecord } from '../api/monitoring-types.ts';
import { ExplanationForm } from './ExplanationForm.tsx';
import { fakeApi, Providers, storedOnRow1 } from './testing.tsx';

const missing: Finding = {
  ruleId: 'monitoring.missingExplanation',
  severity: 'error',
  projectCode: '313-0151-XMN-JK09',
  indicatorIndex: 1,
  field: 'monitoring.explanation',
  message: '项目 313-0151-XMN-JK09 第 1 行指标：完成可能性为“完全不可能”（红灯），未填写偏差原因和纠偏措施',
  suggestion: '填写偏差原因和纠偏措施',
  source: '财预〔2019〕136号',
};

const note = (over: Partial<MonitoringNoteRecord> = {}): MonitoringNoteRecord => ({
  ...storedOnRow1,
  id: 9,
  version: 1,
  projectCode: '313-0151-XMN-JK09',
  cause: { category: 'staffing', text: '' },
  likelihood: 'impossible',
  measure: '',
  expectedYearEnd: '',
  ...over,
});

function Form({
  explanation,
  notes = [],
  findings = [missing],
}: {
  explanation: Explanation;
  notes?: MonitoringNoteRecord[];
  findings?: Finding[];
}) {
  return (
    <Providers>
      <ExplanationForm
        documentId={3}
        projectId={7}
        index={1}
        year={2020}
        date="2020-06-30"
        explanation={explanation}
        notes={notes}
        missing={findings}
        editable
        label="第 1 行"
      />
    </Providers>
  );
}

const field = (name: string) => screen.getByLabelText(`第 1 行 ${name}`);

describe('a monitoring explanation', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('puts the prompt for a red light’s missing cause and measure beside the empty fields, and lifts it as they are filled', async () => {
    render(
      <Form explanation={{ cause: { category: 'staffing', text: '' }, likelihood: 'impossible', measure: '', expectedYearEnd: '' }} />,
    );
    expect(document.body.textContent).toContain('须填写偏差原因和纠偏措施');
    expect(document.body.textContent).toContain('未填写偏差原因和纠偏措施');
    expect(field('偏差原因').getAttribute('aria-invalid')).toBe('true');
    expect(field('纠偏措施').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('（必填）')).toHaveLength(2);

    await userEvent.type(field('偏差原因'), '执法人员调整');
    expect(field('偏差原因').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getAllByText('（必填）')).toHaveLength(1);
    await userEvent.type(field('纠偏措施'), '9 月底前补齐培训');
    expect(screen.queryAllByText('（必填）')).toHaveLength(0);
  });

  it('records the explanation at the monitoring date, with what counts from earlier rounds', async () => {
    const sent = fakeApi([
      { match: /^POST \/api\/projects\/7\/actuals\/monitoring-notes$/, status: 201, body: { record: note({ id: 10 }), revision: 4 } },
    ]);
    render(
      <Form explanation={{ cause: { category: 'staffing', text: '' }, likelihood: 'impossible', measure: '', expectedYearEnd: '' }} />,
    );
    await userEvent.type(field('偏差原因'), '执法人员调整');
    await userEvent.type(field('纠偏措施'), '9 月底前补齐培训');
    await userEvent.click(screen.getByRole('button', { name: /保存说明/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({
      index: 1,
      date: '2020-06-30',
      cause: { category: 'staffing', text: '执法人员调整' },
      likelihood: 'impossible',
      measure: '9 月底前补齐培训',
      expectedYearEnd: '',
    });
  });

  it('when someone changed the same explanation meanwhile, keeps their other fields and saves the user’s own change over the newer version', async () => {
    const mine = note({ id: 9, version: 1, cause: { category: 'staffing', text: '人员调整' }, measure: '' });
    const theirs = note({
      id: 9,
      version: 2,
      cause: { category: 'staffing', text: '人员调整，新人员 7 月到岗' },
      likelihood: 'possible',
      measure: '',
    });
    const sent = fakeApi([
      {
        match: /^PUT \/api\/actuals\/monitoring-notes\/9$/,
        status: 409,
        body: { code: 'stale_version', message: '已被他人修改', currentVersion: 2 },
      },
      {
        match: /^GET \/api\/projects\/7\/actuals$/,
        status: 200,
        body: {
          spending: [],
          values: [],
          monitoringNotes: [theirs],
          evaluationNotes: [],
          recording: { revision: 5, open: true, evaluationPublishedAt: null },
        },
      },
      { match: /^PUT \/api\/actuals\/monitoring-notes\/9$/, status: 200, body: { record: note({ version: 3 }), revision: 6 } },
    ]);
    render(
      <Form explanation={{ cause: mine.cause, likelihood: 'impossible', measure: '', expectedYearEnd: '' }} notes={[mine]} findings={[]} />,
    );
    await userEvent.type(field('纠偏措施'), '调整培训安排');
    await userEvent.click(screen.getByRole('button', { name: /保存说明/ }));
    await waitFor(() => expect(sent.map((s) => `${s.method} ${s.ifMatch ?? ''}`)).toEqual(['PUT "1"', 'GET ', 'PUT "2"']));
    expect(sent[2]!.body).toEqual({
      date: '2020-06-30',
      cause: { category: 'staffing', text: '人员调整，新人员 7 月到岗' },
      likelihood: 'possible',
      measure: '调整培训安排',
      expectedYearEnd: '',
    });
  });
});
