/**
 * The bureau-wide warning list (预警): every monitored project the user may see on a date, red
 * first, then by how far behind plan, in tabs by light with the count of each over the whole
 * filtered set; filters by year, date, bureau and unit, a page at a time by cursor. A row opens the project's 监控表.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Form, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import type { Light, WarningItem } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { subtree } from '../admin/bureau-tree.ts';
import { useSession } from '../auth/session.ts';
import { amountText } from '../format/amount.ts';
import { numberParam } from '../list/address.ts';
import { BureauUnitFilter } from '../list/BureauUnitFilter.tsx';
import { useCursorPaging } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { PAGE_SIZE } from '../list/paging.ts';
import { useListAddress } from '../list/useListAddress.ts';
import { yearBounds } from './dates.ts';
import { LightTag } from './Light.tsx';
import { useMonitoredYear } from './monitored-year.ts';
import { behind } from './shortfall.ts';
import { queries } from '../api/queries.ts';

const LIGHTS: Light[] = ['red', 'yellow', 'green'];

export default function WarningListPage() {
  const msgs = useMessages();
  const w = msgs.web;
  const m = w.warnings;
  const { params, set } = useListAddress();
  const latest = useMonitoredYear();
  const filter = useMemo(() => {
    const light = params.get('light');
    return {
      year: numberParam(params, 'year'),
      date: params.get('date') ?? undefined,
      bureauId: numberParam(params, 'bureauId'),
      unitId: numberParam(params, 'unitId'),
      light: (LIGHTS as string[]).includes(light ?? '') ? (light as Light) : undefined,
    };
  }, [params]);
  const year = filter.year ?? latest;
  const paging = useCursorPaging(JSON.stringify({ ...filter, year }));
  const query = {
    year: year ?? 0,
    date: filter.date,
    bureauId: filter.bureauId,
    unitId: filter.unitId,
    light: filter.light ? [filter.light] : undefined,
    limit: PAGE_SIZE,
    cursor: paging.cursor,
  };
  const list = useQuery({ ...queries.warnings(query), enabled: year !== undefined, placeholderData: keepPreviousData });
  const bureaus = useQuery(queries.bureaus());
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
            <InputNumber
              aria-label={w.common.year}
              min={1990}
              max={2100}
              value={year ?? null}
              onChange={(v) => set({ year: v ?? undefined, date: undefined })}
              style={{ width: 100 }}
            />
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
          <BureauUnitFilter bureaus={visible} bureauId={filter.bureauId} unitId={filter.unitId} set={set} />
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
        pagination={false}
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
          {
            title: msgs.monitoring.table.rate,
            key: 'rate',
            width: 80,
            align: 'right',
            render: (_, r) => (r.rate === null ? '' : `${r.rate}%`),
          },
          { title: msgs.monitoring.table.planned, key: 'planned', width: 80, align: 'right', render: (_, r) => `${r.planned}%` },
          {
            title: msgs.monitoring.table.shortfall,
            key: 'shortfall',
            width: 90,
            align: 'right',
            render: (_, r) => (behind(r.shortfall) ? r.shortfall : w.monitoringPage.notBehind),
          },
          { title: m.flagged, dataIndex: 'flaggedIndicators', width: 90, align: 'right' },
          { title: m.unreported, dataIndex: 'unreportedIndicators', width: 90, align: 'right' },
          { title: m.since, dataIndex: 'since', width: 110 },
        ]}
      />
      <CursorPager
        paging={paging}
        nextCursor={list.isPlaceholderData ? undefined : data?.nextCursor}
        // The counts per light are exact, over the whole filtered set.
        total={data ? { value: filter.light ? counts[filter.light] : all, exact: true } : undefined}
        loading={list.isFetching}
      />
    </div>
  );
}
