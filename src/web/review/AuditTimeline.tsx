/**
 * The audit trail of a document as a timeline people can read: who did what, when, and the status
 * it moved to; a morning of autosaves is one line with its count and time span (the server folds them);
 * a resubmission offers what it changed.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { endpoints } from '../api/endpoints.ts';
import type { AuditBrief, AuditPage, AuditRecord, Status } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { previousSubmission, useVersions, VersionDiffButton } from './VersionDiff.tsx';
import { queries } from '../api/queries.ts';

const STEP_COLORS: Record<string, string> = { submit: 'blue', return: 'red', approve: 'green', publish: 'green', withdraw: 'gray' };

const statusOf = (b: AuditBrief | null): Status | null => (b?.status as Status | undefined) ?? null;

export function AuditTimeline({ documentId }: { documentId: number }) {
  const m = useMessages();
  const w = m.web.audit;
  const versions = useVersions(documentId);
  const query = useInfiniteQuery(queries.audit(documentId));
  if (query.isPending) return <PageLoading />;
  const records = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (records.length === 0) return <Empty description={w.empty} />;
  const describe = (r: AuditRecord) => {
    const action = w.actions[r.action] ?? r.action;
    const name = r.after?.name ?? r.before?.name;
    const entityName = w.entities[r.entity] ?? r.entity;
    const entity = r.entity === 'document' ? '' : name !== undefined ? `${entityName}「${name}」` : entityName;
    const from = statusOf(r.before);
    const to = statusOf(r.after);
    const change = from && to && from !== to ? w.statusChange(m.server.statusNames[from], m.server.statusNames[to]) : '';
    // A resubmission: what it changed against the submission before it.
    const submitted = r.action === 'submit' && r.entity === 'document' ? r.after?.version : undefined;
    const previous = submitted !== undefined && versions.data ? previousSubmission(versions.data, submitted) : undefined;
    return {
      action,
      entity,
      change,
      comment: r.after?.comment,
      changes: previous !== undefined ? { from: previous, to: submitted! } : undefined,
    };
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
                  {r.count > 1 && <Typography.Text type="secondary"> · {w.times(r.count)}</Typography.Text>}
                  {d.changes && <VersionDiffButton type="link" documentId={documentId} pair={d.changes} label={m.diff.view.viewChanges} />}
                </div>
                {d.comment && <div className="audit-comment">{d.comment}</div>}
                <Typography.Text type="secondary" className="audit-time">
                  {r.count > 1 && (
                    <>
                      <time dateTime={r.firstAt}>{dayjs(r.firstAt).format('YYYY-MM-DD HH:mm:ss')}</time>
                      {w.until}
                    </>
                  )}
                  <time dateTime={r.at}>{dayjs(r.at).format(r.count > 1 ? 'HH:mm:ss' : 'YYYY-MM-DD HH:mm:ss')}</time>
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
