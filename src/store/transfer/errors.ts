/**
 * What the transfer-payment store refuses, with the answer's kind (the server maps it to 404/409/422),
 * a machine code, and the message in the caller's language.
 */
import type { Messages } from '../../i18n/index.ts';

export type TransferErrorKind = 'notFound' | 'invalid' | 'conflict' | 'stale' | 'state';
export type TransferEntity = 'fund' | 'allocation' | 'breakdown';

type Describe = (m: Messages['transfer']['store']) => string;

export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(
    readonly kind: TransferErrorKind,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }

  static notFound(entity: TransferEntity, id: number): TransferError {
    return new TransferError('notFound', 'not_found', (m) => m.notFound(m.entities[entity], id), { entity, id });
  }

  /** The row changed since the caller read it: nothing was written. */
  static stale(entity: TransferEntity, id: number, current: number, expected: number): TransferError {
    return new TransferError('stale', 'stale_version', (m) => m.stale(current, expected), { entity, id, currentVersion: current });
  }

  static state(code: string, describe: Describe): TransferError {
    return new TransferError('state', code, describe);
  }

  /** Bad input, naming the field. */
  static invalid(field: string, describe: Describe): TransferError {
    return new TransferError('invalid', 'invalid_transfer', describe, { field });
  }
}
