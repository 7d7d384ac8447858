/**
 * A finance bureau's dashboard for a year, on a date: budget execution and warning lights across
 * its sub-bureaus and units, the grades and scores of the self-evaluations, and the review findings
 * that come up most often — each chart with its table and CSV.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Empty, InputNumber, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { YearDatePicker } from '../monitoring/YearDatePicker.tsx';
import { useMonitoredYear } from '../monitoring/monitored-year.ts';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { subtree } from '../admin/bureau-tree.ts';
import { ApiChartCard } from './ApiChartCard.tsx';
import { OverdueCard } from '../rectification/OverdueCard.tsx';
import { queries } from '../api/queries.ts';

export default function BureauDashboardPage() {
  const w = useMessages().web;
  const m = w.dashboards;
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const latest = useMonitoredYear();
  const bureaus = useQuery(queries.bureaus());
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const bureauId = num('bureauId') ?? user?.bureauId ?? bureaus.data?.[0]?.id;
  const year = num('year') ?? latest;
  const date = params.get('date') ?? undefined;
  const board = useQuery({
    ...queries.bureauDashboard(bureauId!, year!, date),
    enabled: bureauId !== undefined && year !== undefined,
    placeholderData: keepPreviousData,
  });
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v === undefined) next.delete(k);
      else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  // A reviewer chooses among the bureaus at and below their own.
  const visible = user?.role === 'reviewer' && user.bureauId !== null ? subtree(bureaus.data ?? [], user.bureauId) : (bureaus.data ?? []);
  if (board.error) return <LoadFailure error={board.error} />;
  return (
    <div className="dashboard-page">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {board.data ? m.bureauTitle(board.data.bureau.name, board.data.year) : m.bureauTitlePlain}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={w.common.bureau}
            value={bureauId}
            onChange={(v: number) => set({ bureauId: v })}
            options={visible.map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }))}
            style={{ width: 200 }}
          />
          <InputNumber
            aria-label={w.common.year}
            min={1990}
            max={2100}
            value={year ?? null}
            onChange={(v) => set({ year: v ?? undefined, date: undefined })}
            style={{ width: 100 }}
          />
          <label className="inline-field">
            <span>{m.date}</span>
            <YearDatePicker
              aria-label={m.date}
              year={year ?? 2000}
              value={board.data ? board.data.date : null}
              onChange={(date) => set({ date })}
            />
          </label>
        </Space>
      </div>
      {board.data && board.data.pending > 0 && (
        <Alert type="info" showIcon className="page-alert" title={w.warnings.pending(board.data.pending)} />
      )}
      {bureauId !== undefined && <OverdueCard bureauId={bureauId} />}
      {!board.data ? (
        board.isPending && bureauId !== undefined ? (
          <PageLoading />
        ) : (
          <Empty />
        )
      ) : (
        <div className="dashboard-grid">
          {board.data.charts.map((c) => (
            <div key={c.id} className={c.id === 'findings' || c.id === 'groupExecution' ? 'dashboard-wide' : undefined}>
              <ApiChartCard chart={c} scope={`${board.data.bureau.name}${board.data.year}`} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
