/** One dashboard chart from the API in a ChartCard: drawn, viewable as a table, downloadable as CSV. */
import { useMemo } from 'react';
import type { ApiChart } from '../api/monitoring-types.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { chartHeight, chartOption } from './chart-option.ts';

export function ApiChartCard({ chart, scope }: { chart: ApiChart; scope: string }) {
  const option = useMemo(() => chartOption(chart), [chart]);
  const table = useMemo(() => ({ ...chart.table, numeric: chart.dataset.dimensions.map((d) => d.type === 'number') }), [chart]);
  return (
    <div data-testid={`chart-${chart.id}`} className="dashboard-chart">
      <ChartCard title={chart.title} option={option} table={table} fileName={`${scope}-${chart.title}`} height={chartHeight(chart)} />
    </div>
  );
}
