/**
 * A document's comments as the pages show them: all the open ones for the form's fields and rows
 * (read page by page to the last, so none goes missing however long the review), and the whole
 * history newest first, a page at a time, for the review page's side panel.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { MessageOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { endpoints } from '../api/endpoints.ts';
import type { Comment, CommentAnchor, CommentPage, StoredDocument } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import type { PlaceOf } from '../form/locate.ts';
import { CommentItem, ROW_COMMENT_FIELD } from '../form/notes.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { queries } from '../api/queries.ts';

/** Under ['comments', id], so what invalidates a document's comments refetches both reads. */
export const useOpenComments = (documentId: number | undefined) =>
  useQuery({ ...queries.openComments(documentId!), enabled: documentId !== undefined });

export const useCommentHistory = (documentId: number) => useInfiniteQuery(queries.commentHistory(documentId));

/** Where a comment is: "项目：法律援助 · 第 4 行指标 · 字段：指标值" (the projects as the page holds them, saved or not). */
export function anchorText(
  m: ReturnType<typeof useMessages>['web']['reviewPage'],
  doc: { projects: ReadonlyArray<{ id: number | null; name: string }> },
  a: CommentAnchor,
): string {
  const project = doc.projects.find((p) => p.id === a.projectId);
  const parts = [project ? m.anchorProject(project.name) : m.anchorDocument];
  if (a.indicatorIndex) parts.push(m.anchorRow(a.indicatorIndex));
  if (a.field) parts.push(m.anchorField(m.fieldNames[a.field] ?? a.field));
  return parts.join(' · ');
}

/** Every comment, newest first, where it was made; the open ones can be marked resolved. */
export function CommentHistory({ doc, onResolve }: { doc: StoredDocument; onResolve: (commentId: number) => void }) {
  const r = useMessages().web.reviewPage;
  const history = useCommentHistory(doc.meta.id);
  if (history.isPending) return <PageLoading />;
  const comments = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (comments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={r.noComments} />;
  const total = history.data!.pages[0]!.total;
  return (
    <>
      {comments.map((c) => (
        <div key={c.id} className="comment-entry">
          <Typography.Text type="secondary" className="comment-anchor">
            {anchorText(r, doc, c)}
          </Typography.Text>
          <CommentItem comment={c} />
          {!c.resolvedAt && (
            <Button size="small" type="link" onClick={() => onResolve(c.id)}>
              {r.resolve}
            </Button>
          )}
        </div>
      ))}
      {history.hasNextPage && (
        <Button onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {r.moreComments(comments.length, total)}
        </Button>
      )}
    </>
  );
}

/** The place on the form a comment is shown at (a comment on a whole row: at the row's description). */
export const commentPlace = (c: Comment): PlaceOf => ({
  projectCode: c.projectCode,
  field: c.field ?? (c.indicatorIndex ? ROW_COMMENT_FIELD : ''),
  indicatorIndex: c.indicatorIndex,
});

/** A comment in a list away from the form: where it is, and 💬 to open it there. */
export function PlacedComment({ comment, place, onOpen }: { comment: Comment; place: string; onOpen: () => void }) {
  const m = useMessages().diff.view;
  return (
    <div className="placed-comment">
      <Typography.Text type="secondary" className="comment-anchor">
        {place}
      </Typography.Text>
      <Button type="text" size="small" icon={<MessageOutlined />} aria-label={m.openComment} title={m.openComment} onClick={onOpen} />
      <CommentItem comment={comment} />
    </div>
  );
}
