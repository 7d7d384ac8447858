/**
 * What the store refuses, as typed errors the server turns into HTTP answers
 * (404, 409 with the current version, 422 with the findings …) with a Chinese message.
 */
import type { Finding } from '../core/review/finding.ts';
import type { DocumentStatus } from './schema.ts';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly id: number | string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** The write was based on a version that is no longer current. */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
  constructor(
    readonly documentId: number,
    readonly currentVersion: number,
    readonly expectedVersion: number,
    /** Who saved the current version (from the audit log), so an editor can tell its user whether it was them in another window. */
    readonly writtenBy: { id: number | null; name: string } | null = null,
  ) {
    super(`document ${documentId} is at version ${currentVersion}, not ${expectedVersion}`);
  }
}

/** The document's status does not allow this (editing a submitted document, approving a draft …). */
export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
  constructor(
    readonly documentId: number,
    readonly status: DocumentStatus,
    readonly action: string,
  ) {
    super(`document ${documentId} is ${status}: cannot ${action}`);
  }
}

/** Submitting a document the review engine finds errors in. */
export class ReviewErrorsError extends Error {
  override readonly name = 'ReviewErrorsError';
  constructor(
    readonly documentId: number,
    readonly findings: Finding[],
  ) {
    super(`document ${documentId} has ${findings.length} error findings`);
  }
}

/** A unique key is taken (a unit code, a username, a unit's document for a year). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} exists`);
  }
}

/** The request names something that does not fit (a unit under no bureau, a role without its unit …). */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A page's cursor that is not one this list gave out (cut, edited, or from another list or order). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('invalid cursor');
  }
}
