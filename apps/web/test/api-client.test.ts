import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, isApiError } from '../src/lib/api-client';
import { deleteJson, getJson } from '../src/lib/api-typed';

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API client', () => {
  it('keeps the code and parameter of the API’s error answer', async () => {
    vi.stubGlobal(
      'fetch',
      answer(403, { error: 'You may not see org unit 2100', statusCode: 403, code: 'org_forbidden', parameter: 'org' }),
    );
    const error = await failure(getJson('/dashboard', { query: { org: '2100' } }));
    expect(error).toMatchObject({
      status: 403,
      code: 'org_forbidden',
      parameter: 'org',
      message: 'You may not see org unit 2100',
    });
    expect(isApiError(error, 'org_forbidden', 'role_forbidden')).toBe(true);
    expect(isApiError(error, 'not_found')).toBe(false);

    vi.stubGlobal('fetch', answer(403, { error: 'The role feeder may not do this', statusCode: 403, code: 'role_forbidden' }));
    expect(await failure(getJson('/budget/plans', {}))).toMatchObject({ code: 'role_forbidden', parameter: null });
  });

  it('names the situation from the status when the answer has no documented code', async () => {
    vi.stubGlobal('fetch', answer(403, { error: 'no', code: 'forbidden', parameter: 'org' }));
    expect((await failure(getJson('/kpis', {}))).code).toBe('org_forbidden');
    vi.stubGlobal('fetch', answer(403, { error: 'no' }));
    expect((await failure(getJson('/kpis', {}))).code).toBe('role_forbidden');
    vi.stubGlobal('fetch', answer(401, undefined));
    expect((await failure(getJson('/kpis', {}))).code).toBe('unauthenticated');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    expect(await failure(getJson('/kpis', {}))).toMatchObject({ status: 502, code: 'internal' });
    vi.stubGlobal('fetch', answer(418, {}));
    expect((await failure(getJson('/kpis', {}))).code).toBeNull();
  });

  it('calls a failed connection a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await failure(getJson('/kpis', {}))).toMatchObject({ status: 0, code: 'network' });
  });

  it('deletes with DELETE and returns the answer', async () => {
    const fetch = answer(200, [{ name: 'kora', municipalities: [], builtIn: true, description: '' }]);
    vi.stubGlobal('fetch', fetch);
    await expect(deleteJson('/benchmark/peer-groups/{name}', { path: { name: 'Vest & nord' } })).resolves.toHaveLength(1);
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/benchmark/peer-groups/Vest%20%26%20nord',
      expect.objectContaining({ method: 'DELETE', credentials: 'same-origin' }),
    );
  });
});
