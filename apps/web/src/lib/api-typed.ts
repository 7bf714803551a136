/**
 * The API's calls typed by its OpenAPI document (api-schema.gen.ts, `pnpm gen:api`): the path,
 * its parameters, the body and the answer all come from the contract, so a changed contract
 * breaks the web app's typecheck instead of a page at run time.
 */
import { apiDelete, apiGet, apiPost, apiPostForm, apiUrl } from './api-client';
import type { paths } from './api-schema.gen';

type Prefixed = Extract<keyof paths, `/api/v1${string}`>;
/** A path after /api/v1 as the document writes it, e.g. '/kpis/{kpiId}/series'. */
type ApiPath = Prefixed extends `/api/v1${infer P}` ? P : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Operation<P extends ApiPath, M extends Method> = paths[`/api/v1${P}`][M];

/** The paths that have an operation for the method. */
export type PathsWith<M extends Method> = {
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
export type ApiInput<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: Nullish<QueryParams<O>> });

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

const queryStrings = (input: AnyInput) =>
  Object.fromEntries(
    Object.entries(input.query ?? {}).map(([key, value]) => [key, value === null || value === undefined ? value : String(value)]),
  );

export function getJson<P extends PathsWith<'get'>>(
  path: P,
  input: ApiInput<Operation<P, 'get'>>,
  signal?: AbortSignal,
): Promise<ApiResult<P, 'get'>> {
  return apiGet(fill(path, input as AnyInput), queryStrings(input as AnyInput), signal);
}

export function postJson<P extends PathsWith<'post'>>(
  path: P,
  input: ApiInput<Operation<P, 'post'>> &
    ([JsonBody<Operation<P, 'post'>>] extends [never] ? { body?: never } : { body: JsonBody<Operation<P, 'post'>> }),
): Promise<ApiResult<P, 'post'>> {
  return apiPost(fill(path, input as AnyInput), (input as { body?: unknown }).body);
}

/** A file upload as multipart/form-data to an operation that documents that body. */
export function postForm<P extends PathsWith<'post'>>(
  path: P,
  input: ApiInput<Operation<P, 'post'>>,
  form: BodyContent<Operation<P, 'post'>> extends { 'multipart/form-data': unknown } ? FormData : never,
): Promise<ApiResult<P, 'post'>> {
  return apiPostForm(fill(path, input as AnyInput), form);
}

export function deleteJson<P extends PathsWith<'delete'>>(
  path: P,
  input: ApiInput<Operation<P, 'delete'>>,
): Promise<ApiResult<P, 'delete'>> {
  return apiDelete(fill(path, input as AnyInput));
}

/** The GET paths that answer a CSV and an XLSX file as well (?format=csv|xlsx). */
export type ExportPath = {
  [P in PathsWith<'get'>]: Operation<P, 'get'> extends {
    responses: { 200: { content: { 'text/csv; charset=utf-8': unknown } } };
  }
    ? P
    : never;
}[PathsWith<'get'>];

/** The address of an export's download (the browser fetches it with the session cookie). */
export function exportUrl<P extends ExportPath>(path: P, input: ApiInput<Operation<P, 'get'>>, format: 'csv' | 'xlsx'): string {
  const query = { ...queryStrings(input as AnyInput), format };
  // apiUrl adds /api/v1; the path is filled here
  return apiUrl(fill(path, input as AnyInput), query);
}
