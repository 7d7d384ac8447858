/** What the 自评任务 store refuses: the HTTP status it maps to, a machine code, and the message in the caller's language. */
import type { Messages } from '../../i18n/index.ts';

type Describe = (m: Messages['evaluationTasks']) => string;

export class TaskError extends Error {
  override readonly name = 'TaskError';
  constructor(
    readonly status: 409 | 422,
    readonly code: string,
    readonly describe: Describe,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}
