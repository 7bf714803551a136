import type { Dataset } from './dataset.ts';
import { type LoadResult, load, resultRow } from './load.ts';

const REQUESTS = 500;

/**
 * The economy pages' reads beside the dashboard (issue 12): the follow-up at the kommune root and
 * at a forvaltning (a unit with its children), the chart of accounts and the budget balance, the
 * same random requests from a fixed seed, each after a warm-up, at the dashboard's connections.
 */
export async function measureEconomyReads(
  base: string,
  dataset: Dataset,
  options: { connections: number; seconds: number; headers: Record<string, string> },
  dashboard: LoadResult,
): Promise<void> {
  let state = 12;
  const pick = <T>(list: readonly T[]) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return list[state % list.length] as T;
  };
  // from the second year, so that every request has a last year
  const periods = dataset.periods.slice(12);
  const forvaltninger = dataset.orgIds.filter((id) => /^F\d$/.test(id));
  const years = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const many = (path: () => string) => Array.from({ length: REQUESTS }, path);
  const cases: [string, string[]][] = [
    ['follow-up, kommune root', many(() => `/api/v1/budget/followup?org=K&period=${pick(periods)}`)],
    ['follow-up, a forvaltning', many(() => `/api/v1/budget/followup?org=${pick(forvaltninger)}&period=${pick(periods)}`)],
    ['accounts, any unit', many(() => `/api/v1/budget/accounts?org=${pick(dataset.orgIds)}&period=${pick(periods)}`)],
    ['balance', many(() => `/api/v1/budget/balance?budgetYear=${pick(years)}`)],
  ];
  const results: [string, LoadResult][] = [];
  // a slow path is measured, not cut off at autocannon's 10 s
  const slow = { ...options, timeoutSeconds: 60 };
  for (const [name, paths] of cases) {
    await load(base, paths, { ...slow, seconds: 3 });
    results.push([name, await load(base, paths, slow)]);
  }
  console.log(`\n${'economy pages, 32 connections'.padEnd(28)}   p50 ms   p95 ms   p99 ms    req/s  errors  p95 ÷ dashboard`);
  console.log(resultRow('/api/v1/dashboard (above)', dashboard));
  for (const [name, r] of results) console.log(`${resultRow(name, r)} ${(r.p95 / dashboard.p95).toFixed(2).padStart(15)}×`);
  const missed = results.filter(([, r]) => !(r.p95 < 50) || r.errors + r.non2xx > 0).map(([name]) => name);
  console.log(`goal: p95 < 50 ms for each: ${missed.length === 0 ? 'met' : `missed (${missed.join(', ')})`}`);
}
