/** The audit trail of a document as a timeline people can read: who did what, when, and the status it moved to. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { endpoints } from '../api/endpoints.ts';
import type { AuditRecord, Status } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { PageLoading } from '../shell/Layout.tsx';

const STEP_COLORS: Record<string, string> = { submit: 'blue', return: 'red', approve: 'green', publish: 'green', withdraw: 'gray' };

function statusOf(v: unknown): Status | null {
  const s = (v as { status?: unknown } | null)?.status;
  return typeof s === 'string' ? (s as Status) : null;
}

export function AuditTimeline({ documentId }: { documentId: number }) {
  const m = useMessages();
  const w = m.web.audit;
  const query = useInfiniteQuery({
    queryKey: ['audit', documentId],
    queryFn: ({ pageParam }) => endpoints.audit(documentId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: AuditRecord[]) => (last.length === 50 ? last[last.length - 1]!.id : undefined),
  });
  if (query.isPending) return <PageLoading />;
  const records = query.data?.pages.flat() ?? [];
  if (records.length === 0) return <Empty description={w.empty} />;
  const describe = (r: AuditRecord) => {
    const action = w.actions[r.action] ?? r.action;
    const named = (r.after ?? r.before) as { name?: unknown } | null;
    const entityName = w.entities[r.entity] ?? r.entity;
    const entity = r.entity === 'document' ? '' : typeof named?.name === 'string' ? `${entityName}「${named.name}」` : entityName;
    const from = statusOf(r.before);
    const to = statusOf(r.after);
    const change = from && to && from !== to ? w.statusChange(m.server.statusNames[from], m.server.statusNames[to]) : '';
    const said = (r.after as { comment?: unknown; body?: unknown } | null) ?? null;
    const comment = typeof said?.comment === 'string' ? said.comment : r.entity === 'comment' && typeof said?.body === 'string' ? said.body : undefined;
    return { action, entity, change, comment };
  };
  return (
    <div className="audit-timeline">
      <Timeline
        items={records.map((r) => {
          const d = describe(r);
          return {
            color: STEP_COLORS[r.action] ?? 'gray',
            content: (
              <div className="audit-entry">
                <div>
                  <Typography.Text strong>{r.actorName}</Typography.Text> {d.action}
                  {d.entity && <Typography.Text type="secondary"> · {d.entity}</Typography.Text>}
                  {d.change && <Typography.Text type="secondary"> · {d.change}</Typography.Text>}
                </div>
                {d.comment && <div className="audit-comment">{d.comment}</div>}
                <Typography.Text type="secondary" className="audit-time">
                  <time dateTime={r.at}>{dayjs(r.at).format('YYYY-MM-DD HH:mm:ss')}</time>
                </Typography.Text>
              </div>
            ),
          };
        })}
      />
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {w.more}
        </Button>
      )}
    </div>
  );
}
