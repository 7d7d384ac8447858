/**
 * A dashboard chart as the API sends it (an ECharts dataset with its series, see docs/api.md
 * "Dashboards") turned into an ECharts option: category axis for bars and lines, a ring for a pie,
 * the traffic-light colours for light counts, long labels turned so they stay readable.
 */
import type { EChartsCoreOption } from '../charts/echarts.ts';
import type { ApiChart } from '../api/monitoring-types.ts';

const LIGHT_COLORS: Record<string, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const GRADE_COLORS = ['#389e0d', '#1d4f91', '#d4b106', '#cf1322'];

const isPie = (c: ApiChart) => c.series.length > 0 && c.series.every((s) => s.type === 'pie');

/** Bars over many long names (review rules, indicator rows) read better lying down, the names on the left. */
function lyingDown(c: ApiChart): boolean {
  const longest = Math.max(0, ...c.dataset.source.map((r) => String(r[0] ?? '').length));
  return c.series.every((s) => s.type === 'bar') && longest > 10 && c.dataset.source.length > 6;
}

/** Room for the chart: a lying-down chart grows with its rows. */
export const chartHeight = (c: ApiChart): number => (lyingDown(c) ? Math.max(300, 60 + 26 * c.dataset.source.length) : 300);

export function chartOption(c: ApiChart): EChartsCoreOption {
  const pie = isPie(c);
  const many = c.dataset.source.length > 6;
  const horizontal = lyingDown(c);
  const series = c.series.map((s) => {
    const color = LIGHT_COLORS[s.encode.y ?? ''];
    return {
      type: s.type,
      name: s.name,
      encode: horizontal ? { x: s.encode.y, y: s.encode.x } : s.encode,
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.step ? { step: s.step } : {}),
      ...(s.type === 'line' ? { connectNulls: false, symbolSize: 6 } : {}),
      ...(s.type === 'bar' ? { barMaxWidth: 36 } : {}),
      ...(s.type === 'pie' ? { radius: ['38%', '68%'], label: { formatter: '{b}：{d}%' }, minShowLabelAngle: 1 } : {}),
      ...(color ? { itemStyle: { color } } : {}),
    };
  });
  return {
    // Decimal strings in the first row would otherwise be taken for a header row.
    dataset: {
      dimensions: c.dataset.dimensions.map((d) => ({ name: d.name, displayName: d.displayName, type: d.type })),
      source: c.dataset.source,
      sourceHeader: false,
    },
    tooltip: { trigger: pie ? 'item' : 'axis' },
    legend: { top: 0, type: 'scroll' },
    ...(pie
      ? { color: GRADE_COLORS }
      : horizontal
        ? {
            grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
            yAxis: { type: 'category', inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
            xAxis: { type: 'value', minInterval: 1 },
          }
        : {
            grid: { left: 48, right: 16, top: 40, bottom: many ? 72 : 32, containLabel: true },
            xAxis: { type: 'category', axisLabel: { interval: 0, rotate: many ? 35 : 0, width: 110, overflow: 'truncate' } },
            yAxis: { type: 'value' },
          }),
    series,
  };
}
