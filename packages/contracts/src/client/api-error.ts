import { API_ERROR_CODES, type ApiErrorCodeName } from '../api/common.ts';

/** The API's codes, plus 'network' when no answer came at all. */
export type ApiErrorCode = ApiErrorCodeName | 'network';

/**
 * An error the API answered with ({ error, statusCode, code, parameter? }), or a network failure
 * (status 0, code 'network'). Callers decide by `code`; `status` stays for logs and old checks.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode | null;
  readonly parameter: string | null;
  /** the whole answer, for errors that carry more (a rejected file's list of errors) */
  readonly body: unknown;

  constructor(
    readonly status: number,
    message: string,
    details: { code?: string | null; parameter?: string | null; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
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
