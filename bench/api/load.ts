import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/**
 * autocannon with `connections` connections for `seconds`, each request taking the next path of
 * `paths`; latencies are recorded per response, so p95 is exact (autocannon itself reports p97.5).
 */
export async function load(
  base: string,
  paths: readonly string[],
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    /** the i-th request's own headers beside `headers` (a token per municipality) */
    headersOf?: (i: number) => Record<string, string>;
    timeoutSeconds?: number;
  },
): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    timeout: options.timeoutSeconds ?? 10,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const i = next++;
          const headers = options.headersOf ? { ...(request.headers as object), ...options.headersOf(i) } : request.headers;
          return { ...request, headers, path: paths[i % paths.length] };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = (await instance) as unknown as { errors: number; non2xx: number; duration: number; requests: { total: number } };
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: result.errors,
    non2xx: result.non2xx,
    seconds: result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    perSecond: latencies.length / result.duration,
  };
}

/** One line of the results table: p50, p95, p99, requests per second and errors. */
export const resultRow = (name: string, r: LoadResult) =>
  `${name.padEnd(28)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.perSecond.toFixed(0).padStart(8)} ${String(r.errors + r.non2xx).padStart(7)}`;
