/**
 * 整改事项: the items the caller acts on — a reviewer's bureau and those under it, a unit's own —
 * newest first, by state or only the overdue ones, a page at a time by the API's cursor.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Checkbox, Segmented, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { RectificationState } from '../../core/rectification/item.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { rectificationQueries, type RectificationItem } from './api.ts';
import { StateTag } from './StateTag.tsx';

const STATES: readonly RectificationState[] = ['open', 'responded', 'reopened', 'closed'];

export default function RectificationListPage() {
  const m = useMessages().rectification;
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') as RectificationState | null;
  const overdue = params.get('overdue') === '1';
  const list = useInfiniteQuery(rectificationQueries.list({ state: state ? [state] : undefined, overdue }));
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v === null) next.delete(k);
    else next.set(k, v);
    setParams(next, { replace: true });
  };
  if (list.error) return <LoadFailure error={list.error} />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <div className="rectification-list-page">
      <div className="page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {user?.role === 'unit' ? m.list.unitTitle : m.list.title}
        </Typography.Title>
        <Space wrap>
          <Segmented
            aria-label={m.fields.state}
            value={state ?? 'all'}
            onChange={(v) => set('state', v === 'all' ? null : String(v))}
            options={[{ value: 'all', label: m.list.all }, ...STATES.map((s) => ({ value: s, label: m.states[s] }))]}
          />
          <Checkbox checked={overdue} onChange={(e) => set('overdue', e.target.checked ? '1' : null)}>
            {m.list.onlyOverdue}
          </Checkbox>
          {total && (
            <Typography.Text type="secondary">{m.list.count(total.exact ? String(total.value) : `${total.value}+`)}</Typography.Text>
          )}
        </Space>
      </div>
      <Table<RectificationItem>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: m.list.empty }}
        columns={[
          { title: m.fields.unit, dataIndex: 'unitName', width: 160 },
          { title: m.fields.year, dataIndex: 'year', width: 70 },
          { title: m.fields.project, key: 'project', width: 200, render: (_, r) => r.projectName ?? '—' },
          {
            title: m.fields.finding,
            key: 'finding',
            render: (_, r) => (
              <Link to={`/rectifications/${r.id}`} className="rectification-link">
                {r.finding}
              </Link>
            ),
          },
          { title: m.fields.source, key: 'source', width: 100, render: (_, r) => m.sources[r.source.kind] },
          { title: m.fields.deadline, dataIndex: 'deadline', width: 110 },
          { title: m.fields.state, key: 'state', width: 160, render: (_, r) => <StateTag state={r.state} overdue={r.overdue} /> },
        ]}
      />
      {list.hasNextPage && (
        <div className="load-more">
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {m.list.more}
          </Button>
        </div>
      )}
    </div>
  );
}
