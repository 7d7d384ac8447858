/**
 * 结果应用: for a bureau (and those under it) and an evaluated year, each project's self-evaluation
 * and evaluation results beside its next-year request and the action its grade recommends, a page at
 * a time; the whole report as Excel, with the download's progress.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, InputNumber, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { subtree } from '../admin/bureau-tree.ts';
import { queries } from '../api/queries.ts';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { GradeTag } from '../evaluation/GradeTag.tsx';
import { amountText } from '../format/amount.ts';
import { useMonitoredYear } from '../monitoring/monitored-year.ts';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { rectificationApi, rectificationQueries, type ResultRow } from './api.ts';
import { downloadWithProgress } from './download.ts';

export default function ResultsPage() {
  const msgs = useMessages();
  const m = msgs.rectification.results;
  const h = m.headers;
  const { user } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const latest = useMonitoredYear();
  const bureaus = useQuery(queries.bureaus());
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const bureauId = num('bureauId') ?? user?.bureauId ?? bureaus.data?.[0]?.id;
  const year = num('year') ?? latest;
  const report = useInfiniteQuery({
    ...rectificationQueries.results(year!, bureauId),
    enabled: year !== undefined && bureauId !== undefined,
  });
  const [progress, setProgress] = useState<number | null>(null);
  const set = (k: string, v: number | null) => {
    const next = new URLSearchParams(params);
    if (v === null) next.delete(k);
    else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  const visible = user?.role === 'reviewer' && user.bureauId != null ? subtree(bureaus.data ?? [], user.bureauId) : (bureaus.data ?? []);
  const exportXlsx = async () => {
    setProgress(0);
    try {
      await downloadWithProgress(rectificationApi.resultsXlsxUrl(year!, bureauId), setProgress);
    } catch (e) {
      message.error(failureText(e, msgs.web.common.networkError));
    } finally {
      setProgress(null);
    }
  };
  if (report.error) return <LoadFailure error={report.error} />;
  const rows = report.data?.pages.flatMap((p) => p.items) ?? [];
  const total = report.data?.pages[0]?.total;
  const none = m.none;
  const grade = (g: ResultRow['selfGrade']) => (g ? <GradeTag grade={g} /> : none);
  return (
    <div className="results-page">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {year ? m.pageTitle(year) : m.title}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={msgs.web.common.bureau}
            value={bureauId}
            onChange={(v: number) => set('bureauId', v)}
            options={visible.map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }))}
            style={{ width: 200 }}
          />
          <InputNumber
            aria-label={m.year}
            min={1990}
            max={2100}
            value={year ?? null}
            onChange={(v) => set('year', v)}
            style={{ width: 100 }}
          />
          <Button type="primary" icon={<DownloadOutlined />} onClick={exportXlsx} loading={progress !== null} disabled={year === undefined}>
            {progress === null ? m.download : m.downloading}
          </Button>
        </Space>
      </div>
      {progress !== null && <Progress percent={progress} size="small" aria-label={m.downloading} className="results-progress" />}
      <Alert type="info" showIcon className="page-alert" title={m.note} />
      {total && (
        <Typography.Text type="secondary">
          {msgs.rectification.list.count(total.exact ? String(total.value) : `${total.value}+`)}
        </Typography.Text>
      )}
      <Table<ResultRow>
        rowKey="projectId"
        size="middle"
        loading={report.isPending && year !== undefined}
        dataSource={rows}
        pagination={false}
        // The other columns' fixed widths add up to 1100: the project's name takes the rest.
        scroll={{ x: 1400 }}
        columns={[
          { title: h.unit, dataIndex: 'unitName', width: 150 },
          { title: h.projectCode, dataIndex: 'projectCode', width: 170, render: (v: string) => <span className="mono">{v}</span> },
          { title: h.projectName, dataIndex: 'projectName' },
          { title: h.budget(year ?? 0), key: 'budget', align: 'right', width: 110, render: (_, r) => amountText(r.budget) || none },
          { title: h.selfScore, key: 'selfScore', align: 'right', width: 90, render: (_, r) => r.selfScore ?? none },
          { title: h.selfGrade, key: 'selfGrade', width: 80, render: (_, r) => grade(r.selfGrade) },
          { title: h.evaluationScore, key: 'evaluationScore', align: 'right', width: 90, render: (_, r) => r.evaluationScore ?? none },
          { title: h.evaluationGrade, key: 'evaluationGrade', width: 80, render: (_, r) => grade(r.evaluationGrade) },
          {
            title: h.nextBudget((year ?? 0) + 1),
            key: 'nextBudget',
            align: 'right',
            width: 120,
            render: (_, r) => amountText(r.nextBudget) || none,
          },
          { title: h.openRectifications, dataIndex: 'openRectifications', align: 'right', width: 90 },
          { title: h.action, key: 'action', width: 120, render: (_, r) => <span data-testid="result-action">{r.action ?? none}</span> },
        ]}
      />
      {report.hasNextPage && (
        <div className="load-more">
          <Button onClick={() => report.fetchNextPage()} loading={report.isFetchingNextPage}>
            {msgs.rectification.list.more}
          </Button>
        </div>
      )}
    </div>
  );
}
