/**
 * What the approval-notice store refuses, with the answer's kind (the server maps it to 404/409/422),
 * a machine code, and the message in the caller's language — as the library's store does (../library/errors.ts).
 */
import type { Messages } from '../../i18n/index.ts';
import type { NoticeState } from '../schema.ts';

export type NoticeErrorKind = 'notFound' | 'invalid' | 'conflict' | 'stale' | 'state';
export type NoticeAction = keyof Messages['notices']['store']['actions'];

type Describe = (m: Messages) => string;

export class NoticeError extends Error {
  override readonly name = 'NoticeError';
  constructor(
    readonly kind: NoticeErrorKind,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }

  static notFound(id: number): NoticeError {
    return new NoticeError('notFound', 'not_found', (m) => m.notices.store.notFound(id), { entity: 'approvalNotice', id });
  }

  static stale(id: number, current: number, expected: number): NoticeError {
    return new NoticeError('stale', 'stale_version', (m) => m.notices.store.stale(current, expected), { id, currentVersion: current });
  }

  static state(id: number, state: NoticeState, action: NoticeAction): NoticeError {
    return new NoticeError(
      'state',
      'invalid_state',
      (m) => m.notices.store.invalidState(m.notices.states[state], m.notices.store.actions[action]),
      { id, state },
    );
  }

  static numberTaken(number: string, year: number): NoticeError {
    return new NoticeError('conflict', 'conflict', (m) => m.notices.store.numberTaken(number, year), { field: 'number', number });
  }
}
