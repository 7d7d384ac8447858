/** What the adjustments store refuses: the answer's status, a machine code, the message in the caller's language. */
import type { Finding } from '../../core/review/finding.ts';
import type { Messages } from '../../i18n/index.ts';

type Describe = (m: Messages['adjustments']['errors']) => string;

export class AdjustmentError extends Error {
  override readonly name = 'AdjustmentError';
  constructor(
    readonly status: 404 | 409 | 422,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }

  static stale(current: number, expected: number) {
    return new AdjustmentError(409, 'stale_version', (m) => m.stale(current, expected), { currentVersion: current });
  }

  static state(state: string, step: string) {
    return new AdjustmentError(409, 'invalid_state', (m) => m.state(state, step), { state });
  }

  static reviewErrors(findings: Finding[]) {
    return new AdjustmentError(422, 'review_errors', (m) => m.reviewErrors(findings.length), { findings });
  }
}
