import type { FastifyInstance } from 'fastify';

// Every page's reads of the example data, for the tests that compare whole answers (municipality isolation).

/** The reads of every page, for a reader of everything and for a chef of one forvaltning. */
export const READS = [
  '/api/v1/org-units',
  '/api/v1/dashboard?org=849&period=2016-06',
  '/api/v1/dashboard?org=2000&period=2016-06',
  '/api/v1/kpis/sick_leave_pct/series?org=849',
  '/api/v1/kpis/sick_leave_pct/breakdown?org=849&period=2016-06',
  '/api/v1/matrix?org=849&period=2016-06',
  '/api/v1/budget/followup?org=849&period=2016-06',
  '/api/v1/budget/followup?org=2000&period=2016-06',
  '/api/v1/budget/accounts?org=849&period=2016-06',
  '/api/v1/budget/plans',
  '/api/v1/budget/balance?budgetYear=2017',
  '/api/v1/benchmark/areas',
  '/api/v1/benchmark?area=dagtilbud',
  '/api/v1/benchmark/summary',
  '/api/v1/benchmark/areas/dagtilbud/accounts',
  '/api/v1/demography',
  '/api/v1/demography/pressure',
  '/api/v1/explanations/missing?period=2016-06',
  '/api/v1/explanations/overdue',
  '/api/v1/benchmark/peer-groups',
];
/** What an admin reads beside the pages: the ledger, people, access rules, the audit log and usage. */
export const ADMIN_READS = [
  '/api/v1/batches',
  '/api/v1/users',
  '/api/v1/access-rules',
  '/api/v1/audit',
  '/api/v1/usage?from=2016-01&to=2016-12',
];

/** Each read's status and body, by URL. */
export const readAll = async (app: FastifyInstance, headers: Record<string, string>, urls = READS) => {
  const answers: Record<string, { status: number; body: string }> = {};
  for (const url of urls) {
    const response = await app.inject({ method: 'GET', url, headers });
    answers[url] = { status: response.statusCode, body: response.body };
  }
  return answers;
};
