/**
 * What is said about a place on the form — the review engine's findings and reviewers' comments —
 * shown right beside the field it concerns, and, for reviewers, a button to comment there.
 */
import { CommentOutlined, ExclamationCircleFilled, InfoCircleFilled, MessageOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Popover, Space, Tooltip, Typography } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import type { Finding, Severity } from '../../core/review/finding.ts';
import type { Comment, CommentAnchor } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { bySeverity, worst, type FindingIndex } from '../editor/findings-index.ts';

export interface Place {
  /** The project's code as findings name it; null for the document's own part. */
  code: string | null;
  projectId: number | null;
  field: string;
  /** 1-based indicator row. */
  row?: number | null;
}

export interface NotesSource {
  findings: FindingIndex;
  /** The open comments, every one (useOpenComments): a resolved one is in the review page's history, not at its field. */
  comments: readonly Comment[];
  /** Reviewers: open the comment box for a place. */
  onComment?: (anchor: CommentAnchor) => void;
}

const NotesContext = createContext<NotesSource | null>(null);
export const NotesProvider = NotesContext.Provider;
export const useNotes = () => useContext(NotesContext);

/** The DOM id of a place, so a finding in a list can bring its field into view. */
export const placeId = (p: Pick<Place, 'code' | 'field' | 'row'>) =>
  `place-${encodeURIComponent(p.code ?? 'document')}-${p.field.replaceAll('.', '_')}-${p.row ?? 0}`;

/** A comment on a whole indicator row is shown at the row's description. */
export const ROW_COMMENT_FIELD = 'indicators.description';

export function commentsAt(comments: readonly Comment[], p: Place): Comment[] {
  return comments.filter(
    (c) =>
      (c.projectId ?? null) === p.projectId &&
      (c.indicatorIndex ?? null) === (p.row ?? null) &&
      (c.field === p.field || (c.field === null && p.row != null && p.field === ROW_COMMENT_FIELD)),
  );
}

const ICONS: Record<Severity, ReactNode> = {
  error: <ExclamationCircleFilled className="sev-error" />,
  warning: <WarningFilled className="sev-warning" />,
  info: <InfoCircleFilled className="sev-info" />,
};

export function FindingItem({ finding }: { finding: Finding }) {
  const m = useMessages();
  return (
    <div className={`finding finding-${finding.severity}`}>
      <Space align="start" size={6}>
        {ICONS[finding.severity]}
        <div>
          <div>
            <Typography.Text strong>{m.web.severity[finding.severity]}</Typography.Text> {finding.message}
          </div>
          <Typography.Text type="secondary" className="finding-suggestion">
            {m.web.editor.suggestion(finding.suggestion)}
          </Typography.Text>
          <div className="finding-source">{finding.source}</div>
        </div>
      </Space>
    </div>
  );
}

export function CommentItem({ comment }: { comment: Comment }) {
  const m = useMessages().web;
  return (
    <div className={`comment${comment.resolvedAt ? ' comment-resolved' : ''}`}>
      <Typography.Text strong>{comment.authorName}</Typography.Text>{' '}
      <Typography.Text type="secondary">{new Date(comment.createdAt).toLocaleString()}</Typography.Text>
      {comment.resolvedAt && <Typography.Text type="success"> · {m.reviewPage.resolved}</Typography.Text>}
      <div className="comment-body">{comment.body}</div>
    </div>
  );
}

/** The severity of what is found at a place, for the field's own error/warning outline. */
export function useFieldStatus(p: Place): 'error' | 'warning' | undefined {
  const notes = useNotes();
  if (!notes) return undefined;
  const w = worst(notes.findings.at(p.code, p.field, p.row ?? null));
  return w === 'error' ? 'error' : w === 'warning' ? 'warning' : undefined;
}

/**
 * Icons for the findings and comments at a place; hover or focus them for the text. `commentable`
 * is false where several places share one cell (a merged 一级/二级 cell offers one comment button).
 */
export function Notes({ place, commentable = true }: { place: Place; commentable?: boolean }) {
  const notes = useNotes();
  const m = useMessages().web;
  if (!notes) return null;
  const findings = notes.findings.at(place.code, place.field, place.row ?? null).sort(bySeverity);
  const comments = commentsAt(notes.comments, place);
  const w = worst(findings);
  return (
    <span className="notes">
      {w && (
        <Popover
          content={
            <div className="notes-popover">
              {findings.map((f, i) => (
                <FindingItem key={i} finding={f} />
              ))}
            </div>
          }
          trigger={['hover', 'focus', 'click']}
        >
          <button type="button" className="notes-button" aria-label={`${m.common.findings} ${findings.length}`}>
            {ICONS[w]}
            {findings.length > 1 && <span className="notes-count">{findings.length}</span>}
          </button>
        </Popover>
      )}
      {comments.length > 0 && (
        <Popover
          content={
            <div className="notes-popover">
              {comments.map((c) => (
                <CommentItem key={c.id} comment={c} />
              ))}
            </div>
          }
          trigger={['hover', 'focus', 'click']}
        >
          <button type="button" className="notes-button notes-comment" aria-label={`${m.reviewPage.comments} ${comments.length}`}>
            <MessageOutlined />
            <span className="notes-count">{comments.length}</span>
          </button>
        </Popover>
      )}
      {notes.onComment && commentable && (
        <Tooltip title={m.reviewPage.commentOnField}>
          <Button
            type="text"
            size="small"
            className="notes-add-comment"
            icon={<CommentOutlined />}
            aria-label={m.reviewPage.commentOnField}
            onClick={() => notes.onComment!({ projectId: place.projectId, field: place.field, indicatorIndex: place.row ?? null })}
          />
        </Tooltip>
      )}
    </span>
  );
}
