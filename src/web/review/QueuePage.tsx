/**
 * The reviewers' queue: documents of the units under their bureau, filtered (year, status, bureau,
 * unit, findings, project name) and ordered (by unit, or by last change), page by page from the
 * server's cursor; the counts by status and the exact budget total of the whole filtered set come
 * once per filter (the documents summary); clean submitted documents can be approved together.
 */
import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import { STATUSES, type BatchResult, type DocumentListItem, type DocumentQuery, type DocumentSort, type Status } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { FindingCountTags } from '../form/FindingCountTags.tsx';
import { StatusTag } from '../form/StatusTag.tsx';
import { amountText } from '../format/amount.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { numberParam } from '../list/address.ts';
import { BureauUnitFilter } from '../list/BureauUnitFilter.tsx';
import { useListAddress } from '../list/useListAddress.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { useCursorList } from '../list/cursor-paging.ts';
import { queries, stale } from '../api/queries.ts';
const SEVERITIES = ['error', 'warning', 'info', 'clean'] as const;
const SORTS: readonly DocumentSort[] = ['unit', '-updated', 'updated'];

/** The filter and order as the address bar keeps them; without a status, the submitted documents. */
export function filterFromParams(params: URLSearchParams): Omit<DocumentQuery, 'limit' | 'cursor'> {
  const num = (k: string) => numberParam(params, k);
  const status = params.getAll('status').filter((s): s is Status => (STATUSES as readonly string[]).includes(s));
  const severity = params.get('severity');
  return {
    year: num('year'),
    status: params.has('status') ? status : ['submitted'],
    bureauId: num('bureauId'),
    unitId: num('unitId'),
    severity: (SEVERITIES as readonly string[]).includes(severity ?? '') ? (severity as DocumentQuery['severity']) : undefined,
    q: params.get('q') ?? undefined,
    sort: SORTS.find((s) => s === params.get('sort')),
  };
}

function StatusChart({ counts }: { counts: Record<string, number> }) {
  const m = useMessages();
  const names = STATUSES.map((s) => m.server.statusNames[s]);
  const values = STATUSES.map((s) => counts[s] ?? 0);
  // Made anew only when the figures change, not on every render (the arrays are new each time).
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the figures' values
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, barMaxWidth: 40, itemStyle: { color: '#1d4f91' } }],
    }),
    [names.join(), values.join()],
  );
  return (
    <ChartCard
      title={m.web.queue.progress}
      option={option}
      height={140}
      fileName="status"
      table={{ columns: [m.web.common.status, m.web.queue.documents], rows: STATUSES.map((s, i) => [names[i]!, values[i]!]) }}
    />
  );
}

export default function QueuePage() {
  const m = useMessages();
  const w = m.web;
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [selected, setSelected] = useState<DocumentListItem[]>([]);
  const [failures, setFailures] = useState<BatchResult[]>([]);
  // A selection is of the rows on show: another filter or page drops it.
  const { params, set } = useListAddress(() => setSelected([]));
  const filter = useMemo(() => filterFromParams(params), [params]);
  const { list, pager } = useCursorList(filter, (page) => queries.queue({ ...filter, ...page }), { onMove: () => setSelected([]) });
  const { sort: _sort, ...counted } = filter;
  const summary = useQuery({ ...queries.queueSummary(counted), placeholderData: keepPreviousData });
  // The same filter over every status: how far the units have come.
  const progress = useQuery({ ...queries.queueSummary({ ...counted, status: undefined }), placeholderData: keepPreviousData });
  const bureaus = useQuery(queries.bureaus());

  const approve = useMutation({
    mutationFn: () => endpoints.approveBatch(selected.map((d) => ({ id: d.id, version: d.version }))),
    onSuccess: async (results) => {
      const failed = results.filter((r) => !r.ok);
      setFailures(failed);
      setSelected([]);
      await stale.everything(client);
      message.success(w.queue.approvedCount(results.length - failed.length, failed.length));
    },
  });

  const data = list.data;
  const statusFilter = filter.status ?? [];
  return (
    <div className="queue-page">
      <Typography.Title level={3}>{w.queue.title}</Typography.Title>
      <Card size="small" className="filters" title={w.queue.filters}>
        <Form layout="inline" className="filter-form">
          <Form.Item label={w.queue.year}>
            <InputNumber
              aria-label={w.queue.year}
              min={1990}
              max={2100}
              value={filter.year ?? null}
              onChange={(v) => set({ year: v ?? undefined })}
              style={{ width: 100 }}
            />
          </Form.Item>
          <Form.Item label={w.queue.status}>
            <Select
              aria-label={w.queue.status}
              mode="multiple"
              allowClear
              value={statusFilter}
              onChange={(v: string[]) => set({ status: v })}
              options={STATUSES.map((s) => ({ value: s, label: m.server.statusNames[s] }))}
              style={{ minWidth: 200 }}
              placeholder={w.common.all}
            />
          </Form.Item>
          <BureauUnitFilter bureaus={bureaus.data ?? []} bureauId={filter.bureauId} unitId={filter.unitId} set={set} />
          <Form.Item label={w.queue.severity}>
            <Select
              aria-label={w.queue.severity}
              allowClear
              value={filter.severity}
              onChange={(v?: string) => set({ severity: v })}
              options={SEVERITIES.map((s) => ({ value: s, label: w.queue.severityOptions[s] }))}
              style={{ width: 140 }}
              placeholder={w.common.all}
            />
          </Form.Item>
          <Form.Item label={w.queue.sort}>
            <Select
              aria-label={w.queue.sort}
              value={filter.sort ?? 'unit'}
              onChange={(v: DocumentSort) => set({ sort: v === 'unit' ? undefined : v })}
              options={SORTS.map((s) => ({ value: s, label: w.queue.sortOptions[s] }))}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item label={w.queue.search}>
            <Input.Search
              aria-label={w.queue.search}
              placeholder={w.queue.searchPlaceholder}
              defaultValue={filter.q}
              allowClear
              onSearch={(q) => set({ q })}
              style={{ width: 220 }}
            />
          </Form.Item>
        </Form>
      </Card>

      {progress.data && <StatusChart counts={progress.data.statusCounts} />}

      {summary.data && (
        <Space wrap className="queue-totals" data-testid="queue-totals">
          <Typography.Text strong>{w.queue.totals(summary.data.total, amountText(summary.data.budgetTotal))}</Typography.Text>
          {STATUSES.filter((s) => summary.data.statusCounts[s]).map((s) => (
            <Tag key={s}>{w.queue.statusCount(m.server.statusNames[s], summary.data.statusCounts[s]!)}</Tag>
          ))}
        </Space>
      )}

      <Space className="queue-actions">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={selected.length === 0}
          loading={approve.isPending}
          onClick={() => modal.confirm({ title: w.queue.approveSelectedConfirm(selected.length), onOk: () => approve.mutateAsync() })}
        >
          {w.queue.approveSelected(selected.length)}
        </Button>
        <Typography.Text type="secondary">{w.queue.approveOnlyClean}</Typography.Text>
      </Space>
      {failures.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setFailures([])}
          className="page-alert"
          title={w.queue.approvedCount(0, failures.length)}
          description={
            <ul>
              {failures.map((f) => (
                <li key={f.id}>
                  #{f.id} {f.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Table<DocumentListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={data?.items ?? []}
        rowSelection={{
          selectedRowKeys: selected.map((d) => d.id),
          onChange: (_keys, rows) => setSelected(rows),
          getCheckboxProps: (d) => ({ disabled: d.status !== 'submitted' || d.findingCounts.error > 0, 'aria-label': d.unitName }),
        }}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: w.common.unit,
            key: 'unit',
            render: (_, d) => (
              <Link to={`/review/${d.id}`} className="unit-link">
                <span className="mono">{d.unitCode}</span> {d.unitName}
              </Link>
            ),
          },
          { title: w.common.bureau, dataIndex: 'bureauName', width: 140 },
          { title: w.common.year, dataIndex: 'year', width: 70 },
          { title: w.common.status, dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
          { title: w.common.projects, dataIndex: 'projectCount', width: 70, align: 'right' },
          { title: w.common.budget, dataIndex: 'budgetTotal', width: 120, align: 'right', render: (v: string) => amountText(v) },
          { title: w.common.findings, key: 'f', width: 220, render: (_, d) => <FindingCountTags counts={d.findingCounts} /> },
          { title: w.common.updatedAt, dataIndex: 'updatedAt', width: 150, render: (v: string) => new Date(v).toLocaleString() },
          {
            title: w.common.actions,
            key: 'a',
            width: 80,
            fixed: 'right',
            render: (_, d) => <Link to={`/review/${d.id}`}>{w.queue.review}</Link>,
          },
        ]}
      />
      <CursorPager {...pager} />
    </div>
  );
}
