/**
 * The one HTTP client of the API, typed by its OpenAPI document (api-schema.gen.ts, `pnpm gen:api`):
 * the path, its parameters, the body and the answer all come from the contract, so a changed
 * contract breaks the callers' typecheck instead of a page or a command at run time. The web app
 * uses it on its own origin with the session cookie; the `lis` command with a bearer token
 * against the server that holds the store.
 */

import { ApiError } from './api-error.ts';
import type { paths } from './api-schema.gen.ts';

type Prefixed = Extract<keyof paths, `/api/v1${string}`>;
/** A path after /api/v1 as the document writes it, e.g. '/kpis/{kpiId}/series'. */
type ApiPath = Prefixed extends `/api/v1${infer P}` ? P : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = paths[`/api/v1${P}`][M];

/** The paths that have an operation for the method. */
type PathsWith<M extends Method> = {
  [P in ApiPath]: Operation<P, M> extends { responses: unknown } ? P : never;
}[ApiPath];

type JsonOf<A> = A extends { content: { 'application/json': infer T } } ? T : undefined;
/** The JSON of the operation's success answer (200, 201, or nothing for 204). */
export type ApiResult<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : undefined
    : never;

type ParametersOf<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = ParametersOf<O> extends { path: infer X } ? X : never;
type QueryParams<O> = ParametersOf<O> extends { query?: infer Q } ? NonNullable<Q> : never;
type BodyContent<O> = O extends { requestBody?: infer R } ? (NonNullable<R> extends { content: infer C } ? C : never) : never;
type JsonBody<O> = BodyContent<O> extends { 'application/json': infer B } ? B : never;
/** null or undefined leaves a query parameter out (the API's default applies). */
type Nullish<Q> = { [K in keyof Q]?: Q[K] | null };

/** What a call sends: path parameters when the path has some, the query when the operation takes one. */
type ApiInput<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: Nullish<QueryParams<O>> });

/** The GET paths that answer a CSV and an XLSX file as well (?format=csv|xlsx). */
type ExportPath = {
  [P in PathsWith<'get'>]: Operation<P, 'get'> extends {
    responses: { 200: { content: { 'text/csv; charset=utf-8': unknown } } };
  }
    ? P
    : never;
}[PathsWith<'get'>];

interface AnyInput {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | null | undefined>;
}

/** '/kpis/{kpiId}/series' with { kpiId: 'a/b' } → '/kpis/a%2Fb/series'. */
function fill(path: string, input: AnyInput): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = input.path?.[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string ('?a=1&b=x' or ''); empty values are left out. */
function search(query: AnyInput['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface ApiClientOptions {
  /** '/api/v1' on the web app's own origin; 'http://127.0.0.1:3000/api/v1' for the CLI */
  baseUrl: string;
  /** sent with every request (the web app's X-LIS-Request, the CLI's bearer token) */
  headers?: Readonly<Record<string, string>>;
  /** 'same-origin' sends the session cookie */
  credentials?: 'same-origin' | 'include' | 'omit';
  /** defaults to the global fetch, looked up at each call */
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions) {
  const url = (path: string, input: AnyInput, extra: AnyInput['query'] = {}) =>
    `${options.baseUrl}${fill(path, input)}${search({ ...input.query, ...extra })}`;

  async function request<T>(target: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(target, {
        ...init,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        headers: { accept: 'application/json', ...options.headers, ...(init.headers as Record<string, string>) },
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, `no answer from ${options.baseUrl}: ${(error as Error).message}`, { cause: error });
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

  return {
    getJson<P extends PathsWith<'get'>>(
      path: P,
      input: ApiInput<Operation<P, 'get'>>,
      signal?: AbortSignal,
    ): Promise<ApiResult<P, 'get'>> {
      return request(url(path, input as AnyInput), { method: 'GET', signal: signal ?? null });
    },

    postJson<P extends PathsWith<'post'>>(
      path: P,
      input: ApiInput<Operation<P, 'post'>> &
        ([JsonBody<Operation<P, 'post'>>] extends [never] ? { body?: never } : { body: JsonBody<Operation<P, 'post'>> }),
    ): Promise<ApiResult<P, 'post'>> {
      const body = (input as { body?: unknown }).body;
      return request(url(path, input as AnyInput), {
        method: 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    },

    putJson<P extends PathsWith<'put'>>(
      path: P,
      input: ApiInput<Operation<P, 'put'>> & { body: JsonBody<Operation<P, 'put'>> },
    ): Promise<ApiResult<P, 'put'>> {
      return request(url(path, input as AnyInput), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input.body),
      });
    },

    /** A file upload as multipart/form-data (fetch sets the boundary) to an operation that documents that body. */
    postForm<P extends PathsWith<'post'>>(
      path: P,
      input: ApiInput<Operation<P, 'post'>>,
      form: BodyContent<Operation<P, 'post'>> extends { 'multipart/form-data': unknown } ? FormData : never,
    ): Promise<ApiResult<P, 'post'>> {
      return request(url(path, input as AnyInput), { method: 'POST', body: form });
    },

    /**
     * A body sent as it is read, as one of the media types the operation documents: a stream is
     * never held in memory whole (a gigabyte file goes through).
     */
    postBody<P extends PathsWith<'post'>>(
      path: P,
      input: ApiInput<Operation<P, 'post'>>,
      body: { contentType: keyof BodyContent<Operation<P, 'post'>> & string; data: ReadableStream<Uint8Array> | Blob | string },
    ): Promise<ApiResult<P, 'post'>> {
      // fetch sends a stream only half-duplex (the answer after the whole body)
      const streamed = typeof body.data === 'object' && 'getReader' in body.data ? { duplex: 'half' } : {};
      return request(url(path, input as AnyInput), {
        method: 'POST',
        headers: { 'content-type': body.contentType },
        body: body.data,
        ...streamed,
      } as RequestInit);
    },

    deleteJson<P extends PathsWith<'delete'>>(path: P, input: ApiInput<Operation<P, 'delete'>>): Promise<ApiResult<P, 'delete'>> {
      return request(url(path, input as AnyInput), { method: 'DELETE' });
    },

    /** The address of an export's download (the browser fetches it with the session cookie). */
    exportUrl<P extends ExportPath>(path: P, input: ApiInput<Operation<P, 'get'>>, format: 'csv' | 'xlsx'): string {
      return url(path, input as AnyInput, { format });
    },

    /** The address of a path that is not called but visited (a sign-in redirect). */
    pageUrl<P extends PathsWith<'get'>>(path: P, input: ApiInput<Operation<P, 'get'>>): string {
      return url(path, input as AnyInput);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
