/**
 * /transfers/:id: one fund. Its setter edits the draft's regional targets and what goes to each
 * region, then issues it (下达); a receiving bureau accepts its share and breaks it down to projects;
 * everyone who sees it reads the roll-up and downloads the 区域绩效目标表.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { subtree } from '../admin/bureau-tree.ts';
import { queries } from '../api/queries.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { AllocationCard, type AllocationCommands } from './AllocationCard.tsx';
import { FundEditor } from './FundEditor.tsx';
import { RollupTable } from './RollupTable.tsx';
import { tableHref, transferEndpoints, transferQueries, transferStale, type FundView } from './transfer-api.ts';

export default function TransferFundPage() {
  const id = Number(useParams().id);
  const all = useMessages();
  const m = all.transfer.page;
  const { message } = App.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const fund = useQuery(transferQueries.fund(id));
  const rollup = useQuery(transferQueries.rollup(id));
  const setter = fund.data?.role === 'setter';
  const bureaus = useQuery({ ...queries.bureaus(), enabled: setter });
  const regions = useMemo(
    () => (user?.role === 'reviewer' && bureaus.data ? subtree(bureaus.data, user.bureauId).filter((b) => b.id !== user.bureauId) : []),
    [user, bureaus.data],
  );

  const write = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onError: (e: Error) => message.error(e.message || all.web.common.networkError),
  });
  const run = (text: string) => (task: () => Promise<unknown>) =>
    write.mutateAsync(task).then(async () => {
      message.success(text);
      await transferStale(client);
    });
  const commands: AllocationCommands = {
    accept: (a) => void run(m.accepted)(() => transferEndpoints.accept(a)).catch(() => undefined),
    add: (a, projectId, amount, mapping) => run(m.added)(() => transferEndpoints.addBreakdown(a, projectId, amount, mapping)),
    remove: (b) => void run(m.removed)(() => transferEndpoints.removeBreakdown(b)).catch(() => undefined),
  };

  if (fund.isPending) return <PageLoading />;
  if (fund.isError) return <LoadFailure error={fund.error} />;
  const f: FundView = fund.data;
  const draft = f.state === 'draft';

  return (
    <div className="transfer-page">
      <Typography.Title level={3}>
        {f.name} <Tag color={draft ? 'default' : 'success'}>{all.transfer.states[f.state]}</Tag>
      </Typography.Title>
      <Space className="page-actions" wrap>
        <Typography.Text type="secondary">
          {f.year} · {f.code} · {m.issuer}：{f.bureau.name} · {m.roles[f.role]}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={tableHref(f.id, 'xlsx')}>
          {m.exportXlsx}
        </Button>
        <Button icon={<DownloadOutlined />} href={tableHref(f.id, 'docx')}>
          {m.exportDocx}
        </Button>
      </Space>
      <Card size="small" title={m.targets} className="transfer-targets">
        {setter && draft ? (
          <FundEditor
            key={f.version}
            initial={{
              ...f,
              allocations: f.allocations.map((a) => ({ bureauId: a.bureau.id, amount: a.amount, targets: a.targets })),
            }}
            regions={regions}
            saving={write.isPending}
            onSave={(content, allocations) =>
              void run(m.saved)(() => transferEndpoints.update(f, content, allocations)).catch(() => undefined)
            }
            actions={
              <Popconfirm title={m.issueConfirm} onConfirm={() => run(m.issued)(() => transferEndpoints.issue(f)).catch(() => undefined)}>
                <Button disabled={f.allocations.length === 0}>{m.issue}</Button>
              </Popconfirm>
            }
          />
        ) : (
          <>
            <Descriptions
              size="small"
              bordered
              column={2}
              items={[
                { key: 'department', label: m.department, children: f.department },
                { key: 'amount', label: m.amount, children: f.amount },
                { key: 'central', label: m.central, children: f.amountCentral ?? '—' },
                { key: 'local', label: m.local, children: f.amountLocal ?? '—' },
                { key: 'goal', label: m.goal, children: f.goal, span: 2 },
              ]}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={f.indicators.map((ind, key) => ({ ...ind, key }))}
              columns={[
                { title: m.level1, dataIndex: 'level1', width: 100 },
                { title: m.level2, dataIndex: 'level2', width: 130 },
                { title: m.level3, dataIndex: 'level3' },
                { title: m.target, dataIndex: 'target', width: 120 },
              ]}
            />
          </>
        )}
      </Card>
      {!draft &&
        f.allocations.map((a) => (
          <AllocationCard
            key={a.id}
            allocation={a}
            indicators={f.indicators}
            receiver={f.role === 'receiver' && user?.role === 'reviewer' && a.bureau.id === user.bureauId}
            busy={write.isPending}
            commands={commands}
          />
        ))}
      {!draft && (
        <Card size="small" title={m.rollup} className="transfer-rollup-card">
          {rollup.data ? <RollupTable rollup={rollup.data} indicators={f.indicators} /> : <PageLoading />}
        </Card>
      )}
    </div>
  );
}
