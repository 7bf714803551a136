/** The one place that talks HTTP to the API (same origin, session cookie). */

export const API_BASE = '/api/v1';

type Query = Record<string, string | null | undefined>;

/** An error the API answered with ({ error, statusCode, parameter }), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
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

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { error, parameter } = (body ?? {}) as { error?: string; parameter?: string };
    throw new ApiError(response.status, error ?? response.statusText, parameter ?? null);
  }
  return body as T;
}
