/**
 * A unit-year's dashboard on a date: budget execution against the spending plan month by month,
 * each indicator's completion, and each project's self-evaluation score — charts with their tables.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Result, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { yearBounds } from '../monitoring/dates.ts';
import { DocumentNav } from '../shell/DocumentNav.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { ApiChartCard } from './ApiChartCard.tsx';

export default function UnitDashboardPage() {
  const m = useMessages().web.dashboards;
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const doc = useQuery({ queryKey: ['document', id], queryFn: () => endpoints.document(id) });
  const board = useQuery({ queryKey: ['unit-dashboard', id, date], queryFn: () => endpoints.documentDashboard(id, date), placeholderData: keepPreviousData });
  const error = doc.error ?? board.error;
  if (error) return <Result status={error instanceof ApiFailure && error.status === 403 ? '403' : 'error'} title={error.message} />;
  if (!doc.data || !board.data) return <PageLoading />;
  const [min, max] = yearBounds(board.data.year);
  const scope = `${doc.data.meta.unitName}${doc.data.meta.year}`;
  return (
    <div className="dashboard-page">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {m.unitTitle(doc.data.meta.unitName, doc.data.meta.year)}
        </Typography.Title>
        <Space wrap>
          <label className="inline-field">
            <span>{m.date}</span>
            <DatePicker
              aria-label={m.date}
              value={dayjs(board.data.date)}
              allowClear={false}
              minDate={dayjs(min)}
              maxDate={dayjs(max)}
              onChange={(v) => v && setParams({ date: v.format('YYYY-MM-DD') }, { replace: true })}
            />
          </label>
        </Space>
      </div>
      <DocumentNav documentId={id} status={doc.data.meta.status} />
      <div className="dashboard-grid">
        {board.data.charts.map((c) => (
          <div key={c.id} className={c.id === 'indicators' ? 'dashboard-wide' : undefined}>
            <ApiChartCard chart={c} scope={scope} />
          </div>
        ))}
      </div>
    </div>
  );
}
