/** What the 整改 store refuses; the routes answer with the code's status and a message from the catalog. */
export type RectificationRefusal =
  | { code: 'stale_version'; current: number; expected: number }
  | { code: 'invalid_step'; state: string; step: string }
  | { code: 'unknown_project'; projectCode: string }
  | { code: 'unknown_finding'; evaluationId: number; findingId: number | null }
  | { code: 'bad_deadline'; deadline: string }
  | { code: 'too_many_files'; limit: number }
  | { code: 'file_too_large'; limitBytes: number }
  | { code: 'empty_file' };

export class RectificationError extends Error {
  override readonly name = 'RectificationError';
  constructor(readonly refusal: RectificationRefusal) {
    super(refusal.code);
  }
}
