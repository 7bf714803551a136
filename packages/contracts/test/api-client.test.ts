import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../src/client/index.ts';

interface Sent {
  url: string;
  init: RequestInit & { duplex?: string };
}

/** A client whose fetch records each request and answers `status` with `body`. */
function recording(status: number, body: unknown) {
  const sent: Sent[] = [];
  const client = createApiClient({
    baseUrl: 'http://127.0.0.1:3000/api/v1',
    headers: { authorization: 'Bearer secret' },
    fetch: async (url, init) => {
      sent.push({ url: String(url), init: init as Sent['init'] });
      return new Response(JSON.stringify(body), { status });
    },
  });
  return { client, sent };
}

describe('the API client (web app and CLI)', () => {
  it('hands a streamed upload to fetch as the stream itself, half-duplex, never read into memory first', async () => {
    const { client, sent } = recording(200, { batchId: 1 });
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => controller.close() });
    await client.postBody(
      '/feeds/{feed}',
      { path: { feed: 'economy' }, query: { fileName: 'maj & juni.csv' } },
      { contentType: 'application/octet-stream', data: stream },
    );
    const [request] = sent;
    expect(request?.url).toBe('http://127.0.0.1:3000/api/v1/feeds/economy?fileName=maj+%26+juni.csv');
    expect(request?.init.body).toBe(stream); // the stream itself: fetch reads it as it sends
    expect(request?.init.duplex).toBe('half');
    expect(request?.init.headers).toMatchObject({ authorization: 'Bearer secret', 'content-type': 'application/octet-stream' });
    expect(request?.init).not.toHaveProperty('credentials'); // a bearer token, no cookie
  });

  it('fills path parameters, leaves empty query values out and answers the JSON', async () => {
    const { client, sent } = recording(200, [{ id: 7 }]);
    expect(await client.getJson('/batches', { query: { limit: 5, feed: null } })).toEqual([{ id: 7 }]);
    await client.deleteJson('/benchmark/peer-groups/{name}', { path: { name: 'Vest/nord' } });
    expect(sent.map((s) => [s.init.method, s.url])).toEqual([
      ['GET', 'http://127.0.0.1:3000/api/v1/batches?limit=5'],
      ['DELETE', 'http://127.0.0.1:3000/api/v1/benchmark/peer-groups/Vest%2Fnord'],
    ]);
  });

  it('turns a refusal into an ApiError with the answer kept, and no answer into code network', async () => {
    const { client } = recording(422, { error: 'rejected', errorCount: 1, errors: [], batchId: 3 });
    const refused = await client.postJson('/batches/{batchId}/restore', { path: { batchId: 3 } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 422, message: 'rejected', body: { batchId: 3 } });

    const down = createApiClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await down.getJson('/kpis', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect((error as Error).message).toContain('fetch failed');
  });
});
