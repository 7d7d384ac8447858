/**
 * Errors as the API returns them: JSON `{ code, message, ...details }` with a machine code and a
 * message in the caller's language (Chinese unless the request prefers English).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DecimalText, NonNegativeDecimalText } from '../core/model/document.ts';
import { textFieldNamed, textFieldOf } from '../core/model/text-limits.ts';
import { ImportError } from '../formats/import-error.ts';
import { MAX_UPLOAD_BYTES } from '../formats/limits.ts';
import { ZipLimitError } from '../formats/zip-reader.ts';
import { messagesFor, type Messages } from '../i18n/index.ts';
import {
  ConflictError,
  InvalidCursorError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
  ReviewErrorsError,
  StaleVersionError,
} from '../store/errors.ts';
import { AdjustmentError } from '../store/adjustments/errors.ts';
import { ParseMemoryError } from './parse-pool.ts';

/** The caller's language: English only when Accept-Language prefers it. */
function allMessagesOf(req: FastifyRequest): Messages {
  const lang = req.headers['accept-language'] ?? '';
  return messagesFor(/^en\b/i.test(lang) ? 'en' : 'zh-CN');
}

export const messagesOf = (req: FastifyRequest): Messages['server'] => allMessagesOf(req).server;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: (m: Messages['server']['errors']) => string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.describe = message;
  }
  readonly describe: (m: Messages['server']['errors']) => string;
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', (m) => m.unauthenticated);
export const forbidden = () => new ApiError(403, 'forbidden', (m) => m.forbidden);
export const notFound = (entity: string, id: number | string) =>
  new ApiError(404, 'not_found', (m) => m.notFound(entity, id), { entity, id });

/** A text over the model's limit, empty where the model wants one, or no decimal where it wants one, is a 422 that names the field, not a schema message. */
function textOutOfBounds(errors: NonNullable<FastifyError['validation']>): ApiError | undefined {
  const long = errors.find((v) => v.keyword === 'maxLength');
  if (long) {
    const limit = Number(long.params.limit);
    const field = textFieldOf(lastStep(long.instancePath), limit);
    return new ApiError(422, 'too_long', (m) => m.tooLong(field, limit), { field: field ?? null, path: long.instancePath, limit });
  }
  // A decimal property (an amount, a weight) holding other text: named by its property, as the form prints it.
  const notDecimal = errors.find((v) => v.keyword === 'pattern' && DECIMAL_PATTERNS.includes(String(v.params.pattern)));
  if (notDecimal) {
    const [parent = '', property = ''] = notDecimal.instancePath.split('/').slice(-2);
    return new ApiError(422, 'not_decimal', (m) => m.notDecimal(property, parent), { field: property, path: notDecimal.instancePath });
  }
  const empty = errors.find((v) => v.keyword === 'minLength' && Number(v.params.limit) === 1);
  if (empty) {
    const field = textFieldNamed(lastStep(empty.instancePath));
    return new ApiError(422, 'empty_text', (m) => m.emptyText(field), { field: field ?? null, path: empty.instancePath });
  }
  return undefined;
}

const DECIMAL_PATTERNS: readonly unknown[] = [DecimalText, NonNegativeDecimalText].map((t) => (t as { pattern?: string }).pattern);

const lastStep = (instancePath: string) =>
  instancePath
    .split('/')
    .filter((p) => p !== '')
    .at(-1) ?? '';

/** `all`: the caller's catalogs, for errors that are named rather than written (an import error). */
function toApiError(e: unknown, all: Messages): ApiError | undefined {
  if (e instanceof ApiError) return e;
  if (e instanceof NotFoundError) return notFound(e.entity, e.id);
  if (e instanceof AdjustmentError) return new ApiError(e.status, e.code, () => e.describe(all.adjustments.errors), e.details);
  if (e instanceof StaleVersionError)
    return new ApiError(409, 'stale_version', (m) => m.staleVersion(e.currentVersion, e.expectedVersion), {
      currentVersion: e.currentVersion,
      writtenBy: e.writtenBy,
    });
  if (e instanceof InvalidStateError)
    return new ApiError(409, 'invalid_state', (m) => m.invalidState(e.status, e.action), { status: e.status });
  if (e instanceof ReviewErrorsError)
    return new ApiError(422, 'review_errors', (m) => m.reviewErrors(e.findings.length), { findings: e.findings });
  if (e instanceof ConflictError) return new ApiError(409, 'conflict', (m) => m.conflict(e.entity, e.key), { entity: e.entity });
  if (e instanceof InvalidCursorError) return new ApiError(400, 'invalid_cursor', (m) => m.invalidCursor);
  if (e instanceof InvalidInputError) return new ApiError(422, 'invalid_input', (m) => m.invalidInput(e.reason));
  if (e instanceof ZipLimitError)
    return new ApiError(413, 'too_large', (m) => m.importUnreadable(e.in(all)), { location: e.locationIn(all) });
  if (e instanceof ImportError)
    return new ApiError(422, 'unreadable', (m) => m.importUnreadable(e.in(all)), { location: e.locationIn(all) });
  if (e instanceof ParseMemoryError) return new ApiError(413, 'too_large', (m) => m.importTooLarge);
  const fe = e as FastifyError;
  if (fe.validation) return textOutOfBounds(fe.validation) ?? new ApiError(400, 'validation', (m) => m.validation(fe.message));
  if (fe.statusCode === 413) return new ApiError(413, 'too_large', (m) => m.uploadTooLarge(MAX_UPLOAD_BYTES / 1048576));
  if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') return new ApiError(403, 'csrf', (m) => m.csrf);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return new ApiError(fe.statusCode, fe.code ?? 'bad_request', (m) => m.validation(fe.message));
  return undefined;
}

export function errorHandler(error: unknown, req: FastifyRequest, reply: FastifyReply) {
  const all = allMessagesOf(req);
  const api = toApiError(error, all);
  if (!api) {
    req.log.error(error);
    return reply.status(500).send({ code: 'internal', message: all.server.errors.internal });
  }
  return reply.status(api.status).send({ code: api.code, message: api.describe(all.server.errors), ...api.details });
}
