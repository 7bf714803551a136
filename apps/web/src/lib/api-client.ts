/** The one place that talks HTTP to the API (same origin, session cookie). */
import { API_ERROR_CODES, type ApiErrorCodeName, LIS_REQUEST_HEADER } from '@lis/contracts';

const API_BASE = '/api/v1';

type Query = Record<string, string | null | undefined>;

/** The API's codes, plus 'network' when no answer came at all. */
export type ApiErrorCode = ApiErrorCodeName | 'network';

/**
 * An error the API answered with ({ error, statusCode, code, parameter? }), or a network failure
 * (status 0, code 'network'). The UI decides by `code`; `status` stays for logs and old checks.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode | null;
  readonly parameter: string | null;
  /** the whole answer, for errors that carry more (a rejected file's list of errors) */
  readonly body: unknown;

  constructor(
    readonly status: number,
    message: string,
    details: { code?: string | null; parameter?: string | null; body?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.parameter = details.parameter ?? null;
    this.code = errorCode(status, details.code ?? null, this.parameter);
    this.body = details.body ?? null;
  }
}

/**
 * The documented code the answer carries; otherwise (a proxy's answer, a generic 'forbidden') the
 * one its status means. A 403 without a code is about the unit when it names the org parameter.
 */
function errorCode(status: number, code: string | null, parameter: string | null): ApiErrorCode | null {
  if ((API_ERROR_CODES as readonly string[]).includes(code ?? '')) return code as ApiErrorCode;
  if (status === 0) return 'network';
  if (status === 403) return parameter === 'org' ? 'org_forbidden' : 'role_forbidden';
  if (status >= 500) return 'internal';
  return STATUS_CODES[status] ?? null;
}

const STATUS_CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: 'invalid_parameter',
  401: 'unauthenticated',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Whether `error` is an ApiError with one of the codes. */
export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && error.code !== null && codes.includes(error.code);
}

/** '/api/v1/dashboard?org=849&period=2016-12'; empty query values are left out. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export function apiGet<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return request<T>(apiUrl(path, query), { method: 'GET', signal: signal ?? null });
}

export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return request<T>(apiUrl(path), {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

/** A file upload as multipart/form-data (the browser sets the boundary). */
export function apiPostForm<T>(path: string, form: FormData): Promise<T> {
  return request<T>(apiUrl(path), { method: 'POST', body: form });
}

/** DELETE of a resource; the caller encodes path segments (encodeURIComponent). */
export function apiDelete<T>(path: string): Promise<T> {
  return request<T>(apiUrl(path), { method: 'DELETE' });
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', [LIS_REQUEST_HEADER]: '1', ...init.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { error, code, parameter } = (body ?? {}) as { error?: unknown; code?: unknown; parameter?: unknown };
    throw new ApiError(response.status, typeof error === 'string' ? error : response.statusText, {
      code: typeof code === 'string' ? code : null,
      parameter: typeof parameter === 'string' ? parameter : null,
      body,
    });
  }
  return body as T;
}
