/**
 * The roll-up of a fund (分解汇总): for all regions and for each, the money issued against what is
 * broken down to projects, and per indicator the issued 指标值 against what the level below commits
 * to and has recorded, 未分解 marked.
 */
import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { FundIndicator } from '../../core/transfer/fund.ts';
import { useMessages } from '../app/locale.tsx';
import type { FundRollup, RollupRow } from './transfer-api.ts';

const COLORS = { met: 'success', short: 'warning', none: 'error' } as const;

export function CoverageTag({ coverage }: { coverage: RollupRow['coverage'] }) {
  const m = useMessages().transfer;
  return <Tag color={COLORS[coverage]}>{m.coverage[coverage]}</Tag>;
}

function Block({
  title,
  issued,
  brokenDown,
  money,
  rows,
  indicators,
}: {
  title: string;
  issued: string;
  brokenDown: string;
  money: RollupRow['coverage'];
  rows: readonly RollupRow[];
  indicators: readonly FundIndicator[];
}) {
  const m = useMessages().transfer.page;
  return (
    <Card size="small" title={title} className="transfer-rollup-block" data-testid="rollup-block">
      <Typography.Paragraph>
        {m.money(issued, brokenDown)} <CoverageTag coverage={money} />
      </Typography.Paragraph>
      <Table<RollupRow>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={[...rows]}
        columns={[
          { title: m.level1, key: 'level1', width: 100, render: (_, r) => indicators[r.index]?.level1 },
          { title: m.level2, key: 'level2', width: 130, render: (_, r) => indicators[r.index]?.level2 },
          { title: m.level3, key: 'level3', render: (_, r) => indicators[r.index]?.level3 },
          { title: m.issuedTarget, dataIndex: 'issued', width: 110 },
          { title: m.planned, key: 'planned', width: 100, render: (_, r) => r.planned ?? '—' },
          { title: m.actual, key: 'actual', width: 100, render: (_, r) => r.actual ?? '—' },
          { title: m.coverage, key: 'coverage', width: 130, render: (_, r) => <CoverageTag coverage={r.coverage} /> },
        ]}
      />
    </Card>
  );
}

export function RollupTable({ rollup, indicators }: { rollup: FundRollup; indicators: readonly FundIndicator[] }) {
  const m = useMessages().transfer.page;
  return (
    <div className="transfer-rollup">
      <Alert type={rollup.complete ? 'success' : 'warning'} showIcon title={rollup.complete ? m.complete : m.incomplete} />
      <Block
        title={m.whole}
        issued={rollup.amount}
        brokenDown={rollup.brokenDown}
        money={rollup.moneyCoverage}
        rows={rollup.rows}
        indicators={indicators}
      />
      {rollup.regions.map((r) => (
        <Block
          key={r.allocationId}
          title={r.bureauName}
          issued={r.amount}
          brokenDown={r.brokenDown}
          money={r.moneyCoverage}
          rows={r.rows}
          indicators={indicators}
        />
      ))}
    </div>
  );
}
