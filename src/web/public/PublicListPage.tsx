/** Published documents for anyone: by bureau, unit and year, and a search in project names. */
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import type { DocumentListItem, ProjectListItem } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { amountText } from '../format/amount.ts';
import { numberParam } from '../list/address.ts';
import { BureauUnitFilter } from '../list/BureauUnitFilter.tsx';
import { useListAddress } from '../list/useListAddress.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { countText, useCursorList } from '../list/cursor-paging.ts';
import { queries } from '../api/queries.ts';

export default function PublicListPage() {
  const w = useMessages().web;
  const { params, set } = useListAddress();
  const filter = useMemo(
    () => ({
      year: numberParam(params, 'year'),
      bureauId: numberParam(params, 'bureauId'),
      unitId: numberParam(params, 'unitId'),
      q: params.get('q') ?? undefined,
    }),
    [params],
  );
  const listFilter = { year: filter.year, bureauId: filter.bureauId, unitId: filter.unitId };
  const documents = useCursorList(filter, (page) => queries.publicDocuments({ ...listFilter, ...page }), { enabled: !filter.q });
  const projects = useCursorList(filter, (page) => queries.publicProjects({ ...listFilter, q: filter.q, ...page }), {
    enabled: !!filter.q,
  });
  const bureaus = useQuery(queries.publicBureaus());

  return (
    <div className="public-list">
      <Typography.Title level={3}>{w.publicList.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{w.publicList.subtitle}</Typography.Paragraph>
      <Card size="small" className="filters">
        <Form layout="inline" className="filter-form">
          <BureauUnitFilter bureaus={bureaus.data ?? []} bureauId={filter.bureauId} unitId={filter.unitId} set={set} />
          <Form.Item label={w.common.year}>
            <InputNumber
              aria-label={w.common.year}
              min={1990}
              max={2100}
              value={filter.year ?? null}
              onChange={(v) => set({ year: v ?? undefined })}
              style={{ width: 100 }}
            />
          </Form.Item>
          <Form.Item label={w.publicList.searchProjects}>
            <Input.Search
              aria-label={w.publicList.searchProjects}
              allowClear
              defaultValue={filter.q}
              onSearch={(q) => set({ q })}
              style={{ width: 240 }}
            />
          </Form.Item>
        </Form>
      </Card>

      {filter.q ? (
        <>
          <Typography.Text strong>{w.publicList.resultsProjects(countText(projects.total))}</Typography.Text>
          <Table<ProjectListItem>
            rowKey="id"
            loading={projects.list.isFetching}
            dataSource={projects.list.data?.items ?? []}
            locale={{ emptyText: <Empty description={w.publicList.none} /> }}
            pagination={false}
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
          <CursorPager {...projects.pager} />
        </>
      ) : (
        <>
          <Typography.Text strong>{w.publicList.resultsDocuments(countText(documents.total))}</Typography.Text>
          <Table<DocumentListItem>
            rowKey="id"
            loading={documents.list.isFetching}
            dataSource={documents.list.data?.items ?? []}
            locale={{ emptyText: <Empty description={w.publicList.none} /> }}
            pagination={false}
            columns={[
              {
                title: w.common.unit,
                key: 'unit',
                render: (_, d) => <Link to={`/public/documents/${d.id}`}>{w.publicDocument.title(d.unitName, d.year)}</Link>,
              },
              { title: w.common.bureau, dataIndex: 'bureauName', width: 160 },
              { title: w.common.projects, dataIndex: 'projectCount', width: 80, align: 'right' },
              { title: w.common.budget, dataIndex: 'budgetTotal', width: 130, align: 'right', render: (v: string) => amountText(v) },
              {
                title: w.publicList.publishedAt,
                dataIndex: 'publishedAt',
                width: 130,
                render: (v: string | null) => (v ? new Date(v).toLocaleDateString() : ''),
              },
            ]}
          />
          <CursorPager {...documents.pager} />
        </>
      )}
    </div>
  );
}
