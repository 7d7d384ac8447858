// @vitest-environment happy-dom
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../auth/session.ts';
import { Providers } from '../monitoring/testing.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import type { Conflict, DocumentSession, SessionSnapshot } from './document-session.ts';

const conflict = (writtenBy: Conflict['writtenBy']): Conflict => ({
  currentVersion: 8,
  baseVersion: 7,
  writtenBy,
  parts: [
    {
      part: 'project:p3',
      name: '普法宣传',
      changes: [{ field: 'target', row: 5 }],
      conflicts: [{ key: 'r6.description', field: 'description', row: 6, mine: '乙的描述', theirs: '甲的描述' }],
      deletedByThem: false,
    },
  ],
});

function open(c: Conflict) {
  const client = new QueryClient();
  client.setQueryData(SESSION_KEY, { id: 4, username: 'sifaju', displayName: '司法局填报员', role: 'unit' });
  const session = { reloadAndReapply: vi.fn(async () => undefined), reload: vi.fn(), unsavedText: () => '' };
  render(
    <Providers client={client}>
      <ConflictDialog session={session as unknown as DocumentSession} snapshot={{ conflict: c } as SessionSnapshot} />
    </Providers>,
  );
  return session;
}

describe('ConflictDialog', () => {
  afterEach(cleanup);

  it('says the newer version came from the same account in another window, names the fields, and re-applies with the choices made', async () => {
    const session = open(conflict({ id: 4, name: '司法局填报员' }));
    expect(screen.getByText(/你在另一个窗口/)).toBeTruthy();
    expect(screen.getByText('第5行 指标值')).toBeTruthy();
    expect(screen.getByText('第6行 绩效指标描述')).toBeTruthy();
    await userEvent.click(screen.getByLabelText('采用对方的：甲的描述'));
    await userEvent.click(screen.getByRole('button', { name: '载入最新版本，并重新应用我的修改' }));
    expect(session.reloadAndReapply).toHaveBeenCalledWith({ 'project:p3': { 'r6.description': 'theirs' } });
  });

  it('names another writer', () => {
    open(conflict({ id: 9, name: '王芳' }));
    expect(screen.getByText('保存新版本的是：王芳。')).toBeTruthy();
    expect(screen.queryByText(/你在另一个窗口/)).toBeNull();
  });
});
