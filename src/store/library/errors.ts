/**
 * What the library store refuses, with the answer's kind (the server maps it to 404/409/422), a
 * machine code, and the message in the caller's language.
 */
import type { EntryState } from '../../core/library/index.ts';
import type { Messages } from '../../i18n/index.ts';

export type LibraryErrorKind = 'notFound' | 'invalid' | 'conflict' | 'stale' | 'state';

type Describe = (m: Messages['library']['store']) => string;

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly kind: LibraryErrorKind,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }

  static notFound(id: number): LibraryError {
    return new LibraryError('notFound', 'not_found', (m) => m.notFound(id), { entity: 'libraryEntry', id });
  }

  /** The entry changed since the caller read it: nothing was written. */
  static stale(id: number, current: number, expected: number): LibraryError {
    return new LibraryError('stale', 'stale_version', (m) => m.stale(current, expected), { id, currentVersion: current });
  }

  /** The entry's state does not allow the action (approving an approved entry, withdrawing a decided one …). */
  static state(id: number, state: EntryState, action: LibraryAction): LibraryError {
    return new LibraryError('state', 'invalid_state', (m) => m.invalidState(state, action), { id, state });
  }
}

export type LibraryAction = 'edit' | 'approve' | 'refuse' | 'retire' | 'reinstate' | 'withdraw';
