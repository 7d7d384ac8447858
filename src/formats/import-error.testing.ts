import { ImportError } from './import-error.ts';

/** The ImportError a read rejects with (to look at its place and message); fails on anything else. */
export async function importFailure(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}
