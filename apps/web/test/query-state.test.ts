import { describe, expect, it, vi } from 'vitest';
import { describeError } from '../src/components/ui/query-state';
import { ApiError } from '../src/lib/api-client';
import { getJson } from '../src/lib/api-typed';
import { retryOnce } from '../src/lib/query-client';

describe('a load in progress on the embedded store', () => {
  it('is shown as "Indlæsning i gang" at once, not retried behind a spinner', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              statusCode: 503,
              code: 'load_in_progress',
              error: 'A delivery is being loaded; try again in a moment',
            }),
            { status: 503, headers: { 'retry-after': '5' } },
          ),
      ),
    );
    const error = await getJson('/dashboard', {}).catch((e: unknown) => e);
    vi.unstubAllGlobals();
    expect(error).toMatchObject({ status: 503, code: 'load_in_progress' });
    expect(describeError((error as ApiError).code, null)).toEqual({
      title: 'Indlæsning i gang',
      text: 'Indlæsning i gang – prøv igen om lidt.',
    });
    expect(retryOnce(0, error)).toBe(false);
  });

  it('keeps retrying other server errors once', () => {
    expect(retryOnce(0, new ApiError(500, 'x', { code: 'internal' }))).toBe(true);
    expect(retryOnce(1, new ApiError(500, 'x', { code: 'internal' }))).toBe(false);
    expect(retryOnce(0, new ApiError(503, 'x', { code: 'store_unavailable' }))).toBe(false);
    expect(retryOnce(0, new ApiError(404, 'x', { code: 'not_found' }))).toBe(false);
  });
});
