/**
 * A chart with its data beside it: ECharts drawing (resized with its box, disposed with the
 * component), a switch to see the same data as a table (for screen readers and for checking
 * figures), and a CSV download of that table. Dashboards build on this.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocale } from '../app/locale.tsx';
import { echarts, type EChartsCoreOption } from './echarts.ts';
import { toCsv, type ChartTable } from './table.ts';

export function EChart({ option, height = 260, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { locale } = useLocale();
  // A chart is made anew only for another language (echarts reads its locale once); options change in place below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the locale is the one thing the chart is made with
  useEffect(() => {
    const c = echarts.init(box.current!, undefined, { locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [locale]);
  // A chart made anew for another language takes the options again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the locale stands for the chart made with it
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option, locale]);
  return <div ref={box} style={{ height, width: '100%' }} role="img" aria-label={label} />;
}

export function ChartCard({
  title,
  option,
  table,
  fileName,
  height,
  extra,
}: {
  title: string;
  option: EChartsCoreOption;
  table: ChartTable;
  fileName: string;
  height?: number;
  extra?: ReactNode;
}) {
  const m = useLocale().m.web.chart;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${fileName}.csv` });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space size={4}>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: m.asChart },
              { value: 'table', label: m.asTable },
            ]}
          />
          <Button size="small" icon={<DownloadOutlined />} onClick={download} aria-label={m.download} title={m.download} />
        </Space>
      }
    >
      {view === 'chart' ? (
        <EChart option={option} height={height} label={title} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={table.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])))}
          columns={table.columns.map((c, i) => ({ title: c, dataIndex: String(i), align: i === 0 ? 'left' : 'right' }))}
        />
      )}
    </Card>
  );
}
