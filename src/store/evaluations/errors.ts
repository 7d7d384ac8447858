/**
 * What the evaluations store refuses, with the answer's kind (the server maps it to 404/409/422), a
 * machine code, and the message in the caller's language.
 */
import type { EvaluationState, EvaluationStep } from '../../core/evaluations/evaluation.ts';
import type { Messages } from '../../i18n/index.ts';

export type EvaluationErrorKind = 'notFound' | 'invalid' | 'stale' | 'state';

type Describe = (m: Messages['evaluations']['store']) => string;

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  constructor(
    readonly kind: EvaluationErrorKind,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }

  static notFound(entity: 'evaluation' | 'evaluationFinding' | 'evaluationReport', id: number): EvaluationError {
    return new EvaluationError('notFound', 'not_found', (m) => m.notFound(entity, id), { entity, id });
  }

  /** The evaluation changed since the caller read it: nothing was written. */
  static stale(id: number, current: number, expected: number): EvaluationError {
    return new EvaluationError('stale', 'stale_version', (m) => m.stale(current, expected), { id, currentVersion: current });
  }

  /** The evaluation's state does not allow the step (recording after it was handed in, accepting a plan …). */
  static state(id: number, state: EvaluationState, step: EvaluationStep): EvaluationError {
    return new EvaluationError('state', 'invalid_state', (m) => m.invalidState(state, step), { id, state });
  }

  /** Input that does not fit, naming the field. */
  static invalid(field: string, describe: Describe): EvaluationError {
    return new EvaluationError('invalid', 'invalid_evaluation', describe, { field });
  }
}
