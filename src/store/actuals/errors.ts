/**
 * What the actuals store refuses, with the answer's kind (the server maps it to 404/409/422), a
 * machine code, and the message in the caller's language.
 */
import type { Messages } from '../../i18n/index.ts';

export type ActualsErrorKind = 'invalid' | 'conflict' | 'stale' | 'closed';

type Describe = (m: Messages['server']['actuals']) => string;

export class ActualsError extends Error {
  override readonly name = 'ActualsError';
  constructor(
    readonly kind: ActualsErrorKind,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }

  /** A record (or settings) changed since the caller read it: nothing was written. */
  static stale(entity: string, id: number, current: number, expected: number): ActualsError {
    return new ActualsError('stale', 'stale_version', (m) => m.staleRecord(current, expected), { entity, id, currentVersion: current });
  }

  static invalid(code: string, describe: Describe, details: Record<string, unknown> = {}): ActualsError {
    return new ActualsError('invalid', code, describe, details);
  }
}
