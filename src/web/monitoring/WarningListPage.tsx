/**
 * The bureau-wide warning list (预警): every monitored project the user may see on a date, red
 * first, then by how far behind plan, in tabs by light with the count of each over the whole
 * filtered set; filters by year, date, bureau and unit, page by page. A row opens the project's 监控表.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Form, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import type { Light, WarningItem } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { subtree } from '../admin/bureau-tree.ts';
import { useSession } from '../auth/session.ts';
import { amountText } from '../format/amount.ts';
import { yearBounds } from './dates.ts';
import { LightTag } from './Light.tsx';
import { useMonitoredYear } from './monitored-year.ts';
import { behind } from './shortfall.ts';

const PAGE_SIZE = 20;
const LIGHTS: Light[] = ['red', 'yellow', 'green'];

export default function WarningListPage() {
  const msgs = useMessages();
  const w = msgs.web;
  const m = w.warnings;
  const [params, setParams] = useSearchParams();
  const latest = useMonitoredYear();
  const filter = useMemo(() => {
    const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
    const light = params.get('light');
    return {
      year: num('year'),
      date: params.get('date') ?? undefined,
      bureauId: num('bureauId'),
      unitId: num('unitId'),
      light: (LIGHTS as string[]).includes(light ?? '') ? (light as Light) : undefined,
      page: num('page') ?? 1,
    };
  }, [params]);
  const year = filter.year ?? latest;
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const query = {
    year: year ?? 0,
    date: filter.date,
    bureauId: filter.bureauId,
    unitId: filter.unitId,
    light: filter.light ? [filter.light] : undefined,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
  const list = useQuery({ queryKey: ['warnings', query], queryFn: () => endpoints.warnings(query), enabled: year !== undefined, placeholderData: keepPreviousData });
  const bureaus = useQuery({ queryKey: ['bureaus'], queryFn: () => endpoints.bureaus(false), staleTime: 300_000 });
  const units = useQuery({ queryKey: ['units', filter.bureauId], queryFn: () => endpoints.units(filter.bureauId), staleTime: 300_000 });
  const { user } = useSession();
  // A reviewer filters among the bureaus at and below their own.
  const visible = user?.role === 'reviewer' && user.bureauId !== null ? subtree(bureaus.data ?? [], user.bureauId) : (bureaus.data ?? []);
  const data = list.data;
  const counts = data?.lightCounts ?? { green: 0, yellow: 0, red: 0 };
  const all = counts.green + counts.yellow + counts.red;
  const [min, max] = yearBounds(year ?? 2000);

  return (
    <div className="warnings-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Card size="small" className="filters" title={w.queue.filters}>
        <Form layout="inline" className="filter-form">
          <Form.Item label={w.common.year}>
            <InputNumber aria-label={w.common.year} min={1990} max={2100} value={year ?? null} onChange={(v) => set({ year: v ?? undefined, date: undefined })} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={m.date}>
            <DatePicker
              aria-label={m.date}
              value={data ? dayjs(data.date) : null}
              minDate={dayjs(min)}
              maxDate={dayjs(max)}
              onChange={(v) => set({ date: v ? v.format('YYYY-MM-DD') : undefined })}
            />
          </Form.Item>
          <Form.Item label={w.common.bureau}>
            <Select
              aria-label={w.common.bureau}
              allowClear
              value={filter.bureauId}
              onChange={(v?: number) => set({ bureauId: v, unitId: undefined })}
              options={visible.map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }))}
              style={{ width: 180 }}
              placeholder={w.common.all}
            />
          </Form.Item>
          <Form.Item label={w.common.unit}>
            <Select
              aria-label={w.common.unit}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.unitId}
              onChange={(v?: number) => set({ unitId: v })}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
              style={{ width: 200 }}
              placeholder={w.common.all}
            />
          </Form.Item>
        </Form>
      </Card>
      {data && data.pending > 0 && <Alert type="info" showIcon className="page-alert" title={m.pending(data.pending)} />}
      <Tabs
        activeKey={filter.light ?? 'all'}
        onChange={(k) => set({ light: k === 'all' ? undefined : k })}
        items={[
          { key: 'all', label: <span data-testid="tab-all">{m.all(all)}</span> },
          ...LIGHTS.map((l) => ({
            key: l,
            label: (
              <span data-testid={`tab-${l}`}>
                <span className={`light-dot light-${l}`} aria-hidden="true" /> {m.lightTab(msgs.monitoring.lights[l], counts[l])}
              </span>
            ),
          })),
        ]}
      />
      <Table<WarningItem>
        rowKey="projectId"
        size="middle"
        loading={list.isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1200 }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => w.common.total(n),
          onChange: (page) => set({ page }),
        }}
        columns={[
          { title: w.common.unit, key: 'unit', width: 170, render: (_, r) => r.unitName },
          {
            title: msgs.monitoring.table.projectName,
            key: 'project',
            render: (_, r) => (
              <Link to={`/documents/${r.documentId}/monitoring?project=${r.projectId}&date=${data?.date ?? ''}`}>
                <span className="mono">{r.projectCode}</span> {r.projectName}
              </Link>
            ),
          },
          {
            title: msgs.monitoring.table.light,
            key: 'light',
            width: 150,
            render: (_, r) => (
              <Space size={2} wrap>
                <LightTag light={r.light} />
                {r.missingExplanations > 0 && <Tag color="error">{m.missing(r.missingExplanations)}</Tag>}
              </Space>
            ),
          },
          { title: msgs.monitoring.table.budget, key: 'budget', width: 120, align: 'right', render: (_, r) => amountText(r.budget) },
          { title: msgs.monitoring.table.spent, key: 'spent', width: 120, align: 'right', render: (_, r) => amountText(r.spent) },
          { title: msgs.monitoring.table.rate, key: 'rate', width: 80, align: 'right', render: (_, r) => (r.rate === null ? '' : `${r.rate}%`) },
          { title: msgs.monitoring.table.planned, key: 'planned', width: 80, align: 'right', render: (_, r) => `${r.planned}%` },
          { title: msgs.monitoring.table.shortfall, key: 'shortfall', width: 90, align: 'right', render: (_, r) => (behind(r.shortfall) ? r.shortfall : w.monitoringPage.notBehind) },
          { title: m.flagged, dataIndex: 'flaggedIndicators', width: 90, align: 'right' },
          { title: m.since, dataIndex: 'since', width: 110 },
        ]}
      />
    </div>
  );
}
