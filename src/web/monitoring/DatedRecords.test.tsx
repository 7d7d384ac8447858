// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValueRecord } from '../api/monitoring-types.ts';
import { DatedRecords } from './DatedRecords.tsx';
import { fakeApi, Providers, storedOnRow1 } from './testing.tsx';

const stored = (over: Partial<ValueRecord> = {}): ValueRecord => ({
  ...storedOnRow1,
  id: 41,
  version: 3,
  projectCode: '315-0105-JBN-2D9U',
  value: '4次',
  note: '上半年',
  ...over,
});

function Values({ records = [] as ValueRecord[], client }: { records?: ValueRecord[]; client?: QueryClient }) {
  return (
    <Providers {...(client ? { client } : {})}>
      <DatedRecords
        kind="values"
        index={1}
        target="≥7次"
        documentId={3}
        projectId={7}
        year={2020}
        date="2020-06-30"
        records={records}
        editable
        label="第 1 行"
      />
    </Providers>
  );
}

const reading = () => screen.getByTestId('actual-reading').textContent;

describe('recording an actual value', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('reads the value against the target as it is typed: the figure, how far it reaches, whether it is met', async () => {
    render(<Values />);
    const field = screen.getByLabelText('第 1 行 实际值');
    expect(reading()).toBe('未填写实际值');
    await userEvent.type(field, '5次');
    expect(reading()).toBe('读作 5次 · 完成率 71.43% · 未达到指标值');
    await userEvent.clear(field);
    await userEvent.type(field, '8');
    expect(reading()).toBe('读作 8 · 完成率 114.29% · 已达到指标值');
    await userEvent.clear(field);
    await userEvent.type(field, '8张');
    expect(reading()).toBe('单位与指标值不一致');
    await userEvent.clear(field);
    await userEvent.type(field, '较好');
    expect(reading()).toBe('不是数值：定量指标请填写数值，如 96% 或 16张');
  });

  it('deleting a record refetches what shows it: the records, the monitoring, the audit trail, the warnings', async () => {
    const sent = fakeApi([{ match: /^DELETE \/api\/actuals\/values\/41$/, status: 200, body: { revision: 4 } }]);
    const client = new QueryClient();
    const keys = [
      ['records', 7],
      ['monitoring', 3],
      ['audit', 3],
      ['warnings', 2020],
      ['records', 8],
    ];
    for (const key of keys) client.setQueryData(key, {});
    render(<Values records={[stored()]} client={client} />);
    await userEvent.click(screen.getByRole('button', { name: '删除 2020-06-30 的记录' }));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ method: 'DELETE', path: '/api/actuals/values/41' });
    await waitFor(() => expect(keys.map((key) => client.getQueryState(key)!.isInvalidated)).toEqual([true, true, true, true, false]));
  });

  it('records the value at the monitoring date with its note', async () => {
    const sent = fakeApi([
      { match: /^POST \/api\/projects\/7\/actuals\/values$/, status: 201, body: { record: stored({ value: '5次' }), revision: 2 } },
    ]);
    render(<Values />);
    await userEvent.type(screen.getByLabelText('第 1 行 实际值'), '5次');
    await userEvent.type(screen.getByLabelText('第 1 行 说明'), '上半年完成 5 次');
    await userEvent.click(screen.getByRole('button', { name: /录\s*入/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ method: 'POST', body: { index: 1, date: '2020-06-30', value: '5次', note: '上半年完成 5 次' } });
    await waitFor(() => expect((screen.getByLabelText('第 1 行 实际值') as HTMLInputElement).value).toBe(''));
  });

  it('a record someone else made at that date meanwhile is shown beside the user’s, and changed only when they say so', async () => {
    const theirs = stored({ id: 55, version: 2, value: '4次', note: '上半年', recordedBy: '李四' });
    const sent = fakeApi([
      {
        match: /^POST \/api\/projects\/7\/actuals\/values$/,
        status: 409,
        body: { code: 'actual_exists', message: '该处已有记录', existing: { id: 55, version: 2 } },
      },
      {
        match: /^GET \/api\/projects\/7\/actuals$/,
        status: 200,
        body: {
          spending: [],
          values: [theirs],
          monitoringNotes: [],
          evaluationNotes: [],
          recording: { revision: 1, open: true, evaluationPublishedAt: null },
        },
      },
      {
        match: /^PUT \/api\/actuals\/values\/55$/,
        status: 200,
        body: { record: stored({ id: 55, version: 3, value: '5次' }), revision: 3 },
      },
    ]);
    render(<Values />);
    await userEvent.type(screen.getByLabelText('第 1 行 实际值'), '5次');
    await userEvent.click(screen.getByRole('button', { name: /录\s*入/ }));
    // Both figures side by side; the user's input is still in the form behind the dialog.
    await screen.findAllByText('该日期已有记录');
    expect(document.body.textContent).toContain('已有记录（李四 录入）');
    expect(document.body.textContent).toContain('4次（2020-06-30），上半年');
    expect(document.body.textContent).toContain('5次（2020-06-30）');
    await userEvent.click(screen.getByRole('button', { name: '用我填写的内容修改已有记录' }));
    await waitFor(() => expect(sent.map((s) => s.method)).toEqual(['POST', 'GET', 'PUT']));
    // The user's figure into their record, at its version; the note the user left empty keeps theirs.
    expect(sent[2]).toMatchObject({ ifMatch: '"2"', body: { date: '2020-06-30', value: '5次', note: '上半年' } });
  });

  it('keeps the user’s input when they choose to leave the record that was there', async () => {
    const sent = fakeApi([
      { match: /^POST /, status: 409, body: { code: 'actual_exists', message: '该处已有记录', existing: { id: 55, version: 2 } } },
      {
        match: /^GET /,
        status: 200,
        body: {
          spending: [],
          values: [stored({ id: 55, version: 2 })],
          monitoringNotes: [],
          evaluationNotes: [],
          recording: { revision: 1, open: true, evaluationPublishedAt: null },
        },
      },
    ]);
    render(<Values />);
    await userEvent.type(screen.getByLabelText('第 1 行 实际值'), '6次');
    await userEvent.click(screen.getByRole('button', { name: /录\s*入/ }));
    await userEvent.click(await screen.findByRole('button', { name: '保留已有记录' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.map((s) => s.method)).toEqual(['POST', 'GET']);
    expect((screen.getByLabelText('第 1 行 实际值') as HTMLInputElement).value).toBe('6次');
  });
});
