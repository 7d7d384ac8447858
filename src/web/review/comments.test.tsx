// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comment, StoredDocument } from '../api/types.ts';
import { FindingIndex } from '../editor/findings-index.ts';
import { Notes, NotesProvider } from '../form/notes.tsx';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import { anchorText, commentPlace, CommentHistory, PlacedComment, useOpenComments } from './comments.tsx';
import { messagesFor } from '../../i18n/index.ts';

const comment = (id: number, over: Partial<Comment> = {}): Comment => ({
  id,
  documentId: 3,
  projectId: null,
  projectCode: null,
  indicatorIndex: null,
  field: null,
  authorId: 2,
  authorName: '审核员',
  body: `意见 ${id}`,
  createdAt: '2020-03-01T00:00:00Z',
  resolvedAt: null,
  ...over,
});

const doc = { meta: { id: 3 }, projects: [{ id: 7, name: '法律援助' }] } as unknown as StoredDocument;

/** The form's indicator row 1 of project 7, its 依据 field, showing the open comments there. */
function BasisField() {
  const open = useOpenComments(3);
  return (
    <NotesProvider value={{ findings: new FindingIndex([]), comments: open.data ?? [] }}>
      <Notes place={{ code: 'P-7', projectId: 7, field: 'basis', row: 1 }} />
    </NotesProvider>
  );
}

describe('a document’s comments, page by page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists the newest first and loads the earlier ones when asked, until there are none', async () => {
    const sent = fakeApi([
      {
        match: /^GET \/api\/documents\/3\/comments\?limit=50$/,
        status: 200,
        body: { items: [comment(9), comment(8)], total: 3, nextCursor: 'c8' },
      },
      {
        match: /^GET \/api\/documents\/3\/comments\?limit=50&cursor=c8$/,
        status: 200,
        body: { items: [comment(4, { projectId: 7, indicatorIndex: 2 })], total: 3, nextCursor: null },
      },
    ]);
    render(
      <Providers>
        <CommentHistory doc={doc} onResolve={() => {}} />
      </Providers>,
    );
    await screen.findByText('意见 9');
    expect(screen.queryByText('意见 4')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '已显示 2 / 3 条，加载更早的批注' }));
    await screen.findByText('意见 4');
    expect(screen.getAllByText(/^意见 \d$/).map((e) => e.textContent)).toEqual(['意见 9', '意见 8', '意见 4']);
    expect(screen.getByText(/法律援助/).textContent).toContain('第 2 行');
    expect(screen.queryByRole('button', { name: /加载更早的批注/ })).toBeNull();
    expect(sent.map((s) => s.path)).toEqual(['/api/documents/3/comments?limit=50', '/api/documents/3/comments?limit=50&cursor=c8']);
  });

  it('shows at a field the open comments anchored there, however far back they were made', async () => {
    const sent = fakeApi([
      {
        match: /open=true$/,
        status: 200,
        body: { items: [comment(900, { projectId: 7, indicatorIndex: 1, field: 'basis' }), comment(899)], total: 3, nextCursor: 'c899' },
      },
      {
        match: /cursor=c899&open=true$/,
        status: 200,
        body: { items: [comment(5, { projectId: 7, indicatorIndex: 1, field: 'basis' })], total: 3, nextCursor: null },
      },
    ]);
    render(
      <Providers>
        <BasisField />
      </Providers>,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: '审核批注 2' })).toBeTruthy());
    expect(sent.map((s) => s.path)).toEqual([
      '/api/documents/3/comments?limit=200&open=true',
      '/api/documents/3/comments?limit=200&cursor=c899&open=true',
    ]);
  });

  it('says in a list where a comment is, and 💬 opens it at its place on the form', async () => {
    const c = comment(7, { projectId: 7, projectCode: 'P-7', indicatorIndex: 4, field: 'indicators.target' });
    const place = anchorText(messagesFor('zh-CN').web.reviewPage, { projects: [{ id: null, name: '新项目' }, ...doc.projects] }, c);
    expect(place).toBe('项目：法律援助 · 第 4 行指标 · 字段：指标值');
    const onOpen = vi.fn();
    render(
      <Providers>
        <PlacedComment comment={c} place={place} onOpen={onOpen} />
      </Providers>,
    );
    expect(screen.getByText(place)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '在表中查看这条批注' }));
    expect(onOpen).toHaveBeenCalledOnce();
    // A comment on a whole row is shown at the row's description.
    expect(commentPlace({ ...c, field: null })).toEqual({ projectCode: 'P-7', field: 'indicators.description', indicatorIndex: 4 });
  });
});
