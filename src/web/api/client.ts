/**
 * The one way the UI talks to the server: JSON over fetch with the session cookie, the CSRF token
 * on every state-changing request (fetched once, refreshed when the server refuses it), the
 * document version in If-Match, and the UI language in Accept-Language so server messages match.
 */
import type { Finding } from '../../core/review/finding.ts';

/** What a refused request says: the server's machine code and its message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: { currentVersion?: number; findings?: Finding[]; [key: string]: unknown } = {},
  ) {
    super(message);
  }
  get isConflict(): boolean {
    return this.status === 409 && this.code === 'stale_version';
  }
  /** A record already holds this place and date: `existing` names it (actuals). */
  get existing(): { id: number; version: number } | null {
    return this.status === 409 && this.code === 'actual_exists'
      ? ((this.body.existing as { id: number; version: number } | undefined) ?? null)
      : null;
  }
}

/** What to tell the user of a failure: its message, else `fallback` (a failed fetch says nothing useful). */
export const failureText = (e: unknown, fallback: string): string => (e instanceof Error && e.message ? e.message : fallback);

let language = 'zh-CN';
export const setRequestLanguage = (locale: string) => {
  language = locale;
};

let csrfToken: Promise<string> | null = null;
const freshCsrfToken = () =>
  (csrfToken = fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<{ token: string }>)
    .then((b) => b.token)
    .catch((e: unknown) => {
      csrfToken = null;
      throw e;
    }));

export interface RequestOptions {
  body?: unknown;
  /** Raw bytes (an uploaded file) instead of JSON. */
  raw?: Blob;
  /** The document version the write is based on. */
  version?: number;
  query?: Record<string, string | number | readonly (string | number)[] | undefined>;
  signal?: AbortSignal;
}

export function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language, accept: 'application/json' };
  const safe = method === 'GET' || method === 'HEAD';
  if (!safe) headers['x-csrf-token'] = await (csrfToken ?? freshCsrfToken());
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path + queryString(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiFailure(0, 'network', '');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (response.ok) return data as T;
  const failure = (data ?? {}) as { code?: string; message?: string };
  if (response.status === 403 && failure.code === 'csrf' && !retried) {
    await freshCsrfToken();
    return request(method, path, options, true);
  }
  throw new ApiFailure(
    response.status,
    failure.code ?? 'http_' + response.status,
    failure.message ?? response.statusText,
    failure as ApiFailure['body'],
  );
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, options?: RequestOptions) => request<T>('POST', path, options),
  put: <T>(path: string, options?: RequestOptions) => request<T>('PUT', path, options),
  patch: <T>(path: string, options?: RequestOptions) => request<T>('PATCH', path, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
