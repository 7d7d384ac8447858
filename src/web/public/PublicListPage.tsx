/** Published documents for anyone: by bureau, unit and year, and a search in project names. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import type { DocumentListItem, ProjectListItem } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { amountText } from '../format/amount.ts';

const PAGE_SIZE = 20;

export default function PublicListPage() {
  const w = useMessages().web;
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
    return { year: num('year'), bureauId: num('bureauId'), unitId: num('unitId'), q: params.get('q') ?? undefined, page: num('page') ?? 1 };
  }, [params]);
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const page = { limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE };
  const listFilter = { year: filter.year, bureauId: filter.bureauId, unitId: filter.unitId };
  const documents = useQuery({
    queryKey: ['public-documents', listFilter, page],
    queryFn: () => endpoints.publicDocuments({ ...listFilter, ...page }),
    placeholderData: keepPreviousData,
    enabled: !filter.q,
  });
  const projects = useQuery({
    queryKey: ['public-projects', listFilter, filter.q, page],
    queryFn: () => endpoints.publicProjects({ ...listFilter, q: filter.q, ...page }),
    placeholderData: keepPreviousData,
    enabled: !!filter.q,
  });
  const bureaus = useQuery({ queryKey: ['public-bureaus'], queryFn: () => endpoints.bureaus(true), staleTime: 300_000 });
  const units = useQuery({ queryKey: ['units', filter.bureauId], queryFn: () => endpoints.units(filter.bureauId), staleTime: 300_000 });
  const pagination = (total: number) => ({
    current: filter.page,
    pageSize: PAGE_SIZE,
    total,
    showSizeChanger: false,
    showTotal: (n: number) => w.common.total(n),
    onChange: (p: number) => set({ page: p }),
  });

  return (
    <div className="public-list">
      <Typography.Title level={3}>{w.publicList.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{w.publicList.subtitle}</Typography.Paragraph>
      <Card size="small" className="filters">
        <Form layout="inline" className="filter-form">
          <Form.Item label={w.common.bureau}>
            <Select
              aria-label={w.common.bureau}
              allowClear
              value={filter.bureauId}
              onChange={(v?: number) => set({ bureauId: v, unitId: undefined })}
              options={(bureaus.data ?? []).map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }))}
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
          <Form.Item label={w.common.year}>
            <InputNumber aria-label={w.common.year} min={1990} max={2100} value={filter.year ?? null} onChange={(v) => set({ year: v ?? undefined })} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={w.publicList.searchProjects}>
            <Input.Search aria-label={w.publicList.searchProjects} allowClear defaultValue={filter.q} onSearch={(q) => set({ q })} style={{ width: 240 }} />
          </Form.Item>
        </Form>
      </Card>

      {filter.q ? (
        <>
          <Typography.Text strong>{w.publicList.resultsProjects(projects.data?.total ?? 0)}</Typography.Text>
          <Table<ProjectListItem>
            rowKey="id"
            loading={projects.isFetching}
            dataSource={projects.data?.items ?? []}
            locale={{ emptyText: <Empty description={w.publicList.none} /> }}
            pagination={pagination(projects.data?.total ?? 0)}
            columns={[
              {
                title: w.unitHome.columns.name,
                key: 'name',
                render: (_, p) => <Link to={`/public/documents/${p.documentId}?project=${p.id}`}>{p.name}</Link>,
              },
              { title: w.common.unit, key: 'unit', width: 200, render: (_, p) => p.unitName },
              { title: w.common.year, dataIndex: 'year', width: 80 },
              { title: w.common.budget, dataIndex: 'budgetTotal', width: 130, align: 'right', render: (v: string | null) => amountText(v) },
            ]}
          />
        </>
      ) : (
        <>
          <Typography.Text strong>{w.publicList.resultsDocuments(documents.data?.total ?? 0)}</Typography.Text>
          <Table<DocumentListItem>
            rowKey="id"
            loading={documents.isFetching}
            dataSource={documents.data?.items ?? []}
            locale={{ emptyText: <Empty description={w.publicList.none} /> }}
            pagination={pagination(documents.data?.total ?? 0)}
            columns={[
              {
                title: w.common.unit,
                key: 'unit',
                render: (_, d) => <Link to={`/public/documents/${d.id}`}>{w.publicDocument.title(d.unitName, d.year)}</Link>,
              },
              { title: w.common.bureau, dataIndex: 'bureauName', width: 160 },
              { title: w.common.projects, dataIndex: 'projectCount', width: 80, align: 'right' },
              { title: w.common.budget, dataIndex: 'budgetTotal', width: 130, align: 'right', render: (v: string) => amountText(v) },
              { title: w.publicList.publishedAt, dataIndex: 'publishedAt', width: 130, render: (v: string | null) => (v ? new Date(v).toLocaleDateString() : '') },
            ]}
          />
        </>
      )}
    </div>
  );
}
