/** The unit's home: its document of a year, the projects with budget, status and findings, and what to do next. */
import {
  BarChartOutlined,
  EditOutlined,
  EyeOutlined,
  FileAddOutlined,
  FundOutlined,
  HistoryOutlined,
  ImportOutlined,
  RollbackOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import type { StoredProject } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { CommentItem } from '../form/notes.tsx';
import { FindingCountTags } from '../form/FindingCountTags.tsx';
import { StatusTag } from '../form/StatusTag.tsx';
import { amountText } from '../format/amount.ts';
import { ExportButtons } from '../public/ExportButtons.tsx';
import { AuditTimeline } from '../review/AuditTimeline.tsx';
import { useOpenComments } from '../review/comments.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { queries, stale } from '../api/queries.ts';
import { OverdueCard } from '../rectification/OverdueCard.tsx';

const EDITABLE = new Set(['draft', 'returned']);
const MONITORED = new Set(['approved', 'published']);

export default function UnitHomePage() {
  const m = useMessages().web;
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const list = useQuery(queries.myDocuments());
  const docs = [...(list.data?.items ?? [])].sort((a, b) => b.year - a.year);
  const chosen = docs.find((d) => d.year === year) ?? docs[0];
  const detail = useQuery({ ...queries.document(chosen?.id ?? 0), enabled: chosen !== undefined });
  const comments = useOpenComments(chosen?.id);

  const act = useMutation({
    mutationFn: async (what: 'withdraw' | 'next-year' | 'new') => {
      if (what === 'withdraw') return endpoints.step(chosen!.id, 'withdraw', detail.data!.meta.version).then(() => chosen!.id);
      if (what === 'next-year') return (await endpoints.nextYear(chosen!.id)).id;
      return (await endpoints.createDocument(new Date().getFullYear())).id;
    },
    onSuccess: async (id, what) => {
      await stale.everything(client);
      if (what === 'withdraw') message.success(m.unitHome.withdrawn);
      else {
        message.success(m.unitHome.created);
        navigate(`/documents/${id}/edit`);
      }
    },
    onError: (e) => message.error(e.message || m.common.networkError),
  });

  if (list.isPending) return <PageLoading />;
  const years = new Set(docs.map((d) => d.year));
  const doc = detail.data;
  const open = comments.data ?? [];

  return (
    <div className="unit-home">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {m.unitHome.title}
        </Typography.Title>
        <Space wrap>
          {docs.length > 0 && (
            <Select
              aria-label={m.common.year}
              value={chosen?.year}
              onChange={setYear}
              options={docs.map((d) => ({ value: d.year, label: m.common.yearValue(d.year) }))}
              style={{ width: 120 }}
            />
          )}
          <Link to="/import">
            <Button icon={<ImportOutlined />}>{m.unitHome.startFromImport}</Button>
          </Link>
          {chosen && !years.has(chosen.year + 1) && (
            <Button icon={<FileAddOutlined />} onClick={() => act.mutate('next-year')} loading={act.isPending}>
              {m.unitHome.startNextYear(chosen.year, chosen.year + 1)}
            </Button>
          )}
          {docs.length === 0 && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => act.mutate('new')}>
              {m.unitHome.startEmpty}
            </Button>
          )}
        </Space>
      </div>

      <OverdueCard />
      {!chosen ? (
        <Empty description={m.unitHome.noDocument(new Date().getFullYear())} />
      ) : (
        <Card
          title={
            <Space wrap>
              <span>{m.unitHome.documentTitle(chosen.unitName, chosen.year)}</span>
              <StatusTag status={chosen.status} />
            </Space>
          }
          extra={
            <Space wrap>
              <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                {m.unitHome.history}
              </Button>
              {chosen.status === 'submitted' && (
                <Button icon={<RollbackOutlined />} onClick={() => act.mutate('withdraw')} disabled={!doc}>
                  {m.unitHome.withdraw}
                </Button>
              )}
              <Link to={`/documents/${chosen.id}/edit`}>
                <Button type="primary" icon={EDITABLE.has(chosen.status) ? <EditOutlined /> : <EyeOutlined />}>
                  {EDITABLE.has(chosen.status) ? m.unitHome.edit : m.unitHome.view}
                </Button>
              </Link>
            </Space>
          }
        >
          {chosen.status === 'returned' && (
            <Alert
              type="warning"
              showIcon
              className="page-alert"
              title={m.unitHome.returnedNotice}
              description={open.map((c) => <CommentItem key={c.id} comment={c} />)}
            />
          )}
          {MONITORED.has(chosen.status) && (
            <Space wrap className="unit-next-steps">
              <Link to={`/documents/${chosen.id}/monitoring`}>
                <Button icon={<FundOutlined />}>{m.nav.monitoring}</Button>
              </Link>
              <Link to={`/documents/${chosen.id}/evaluation`}>
                <Button icon={<TrophyOutlined />}>{m.nav.evaluation}</Button>
              </Link>
              <Link to={`/documents/${chosen.id}/dashboard`}>
                <Button icon={<BarChartOutlined />}>{m.nav.unitDashboard}</Button>
              </Link>
            </Space>
          )}
          <Space size="large" wrap className="doc-summary">
            <span>
              {m.unitHome.budgetTotal}
              <strong data-testid="budget-total">{m.common.amountWan(amountText(chosen.budgetTotal))}</strong>
            </span>
            <span>{m.common.projectCount(chosen.projectCount)}</span>
            <FindingCountTags counts={chosen.findingCounts} />
            <ExportButtons documentId={chosen.id} />
          </Space>
          <Table<StoredProject>
            rowKey="id"
            size="middle"
            loading={detail.isPending}
            dataSource={doc?.projects ?? []}
            pagination={false}
            columns={[
              { title: m.unitHome.columns.code, dataIndex: 'code', width: 170, render: (v: string) => <span className="mono">{v}</span> },
              {
                title: m.unitHome.columns.name,
                dataIndex: 'name',
                render: (v: string, p) => <Link to={`/documents/${chosen.id}/edit?tab=p${p.id}`}>{v}</Link>,
              },
              { title: m.unitHome.columns.budget, key: 'budget', align: 'right', width: 120, render: (_, p) => amountText(p.budget.total) },
              { title: m.unitHome.columns.indicators, key: 'n', align: 'right', width: 100, render: (_, p) => p.indicators.length },
              { title: m.unitHome.columns.findings, key: 'f', width: 240, render: (_, p) => <FindingCountTags counts={p.findingCounts} /> },
            ]}
          />
          <Drawer title={m.audit.title} open={historyOpen} onClose={() => setHistoryOpen(false)} size="large" destroyOnHidden>
            <AuditTimeline documentId={chosen.id} />
          </Drawer>
        </Card>
      )}
    </div>
  );
}
