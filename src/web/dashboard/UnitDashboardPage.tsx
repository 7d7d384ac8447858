/**
 * A unit-year's dashboard on a date: budget execution against the spending plan month by month,
 * each indicator's completion, and each project's self-evaluation score — charts with their tables.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { YearDatePicker } from '../monitoring/YearDatePicker.tsx';
import { DocumentNav } from '../shell/DocumentNav.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { ApiChartCard } from './ApiChartCard.tsx';
import { queries } from '../api/queries.ts';

export default function UnitDashboardPage() {
  const m = useMessages().web.dashboards;
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const doc = useQuery(queries.document(id));
  const board = useQuery({ ...queries.unitDashboard(id, date), placeholderData: keepPreviousData });
  const error = doc.error ?? board.error;
  if (error) return <LoadFailure error={error} />;
  if (!doc.data || !board.data) return <PageLoading />;
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
            <YearDatePicker
              aria-label={m.date}
              year={board.data.year}
              value={board.data.date}
              onChange={(d) => setParams({ date: d }, { replace: true })}
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
