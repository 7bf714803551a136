import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteJson, getJson, postForm, postJson } from '../src/lib/api-typed';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API client: proof that a request comes from LIS’s own pages', () => {
  it('sends X-LIS-Request: 1 with reads, changes and uploads, beside the session cookie', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        sent.push({ url, init });
        return new Response('{}', { status: 200 });
      }),
    );
    const form = new FormData();
    form.append('file', new Blob(['org_id;parent_id;name;level\n']), 'organisation.csv');
    await getJson('/kpis', {});
    await postJson('/auth/logout', {});
    await postJson('/auth/login', { body: { username: 'chef', password: 'x' } });
    await postForm('/feeds/{feed}', { path: { feed: 'organisation' } }, form);
    await deleteJson('/benchmark/peer-groups/{name}', { path: { name: 'nabo' } });

    expect(sent.map((s) => s.init.method)).toEqual(['GET', 'POST', 'POST', 'POST', 'DELETE']);
    for (const { init } of sent) {
      expect(init.credentials).toBe('same-origin');
      expect(init.headers).toMatchObject({ 'x-lis-request': '1' });
    }
    // the upload keeps the browser's multipart boundary: no content-type of its own
    expect(sent[3]?.init.headers).not.toHaveProperty('content-type');
    expect(sent[2]?.init.headers).toMatchObject({ 'content-type': 'application/json' });
  });
});
