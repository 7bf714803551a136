// The baseline of the read benchmark: the same dashboard request answered by aggregating the raw
// facts at request time (what a BI tool querying the fact tables does), over HTTP like the API,
// with a pool of the same size. It computes the month, the previous month, the same month last
// year, year to date and the 12-month series of the sick-leave, case, economy and kpi-feed
// indicators of the unit's subtree. It skips suppression and provenance, so it is a lower bound.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const municipality = process.env.LIS_MUNICIPALITY ?? '849';

const addMonths = (period: string, n: number) => {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

async function dashboard(org: string, period: string) {
  const from = `${addMonths(period, -12)}-01`;
  const yearStart = `${Number(period.slice(0, 4)) - 1}-01-01`;
  const to = `${period}-01`;
  const subtree = 'join org_closure c on c.municipality = f.municipality and c.descendant_id = f.org_id and c.ancestor_id = $2';
  const [sick, economy, cases, backlog, kpi, targets] = await Promise.all([
    pool.query(
      `select to_char(f.period, 'YYYY-MM') as p, sum(f.own_sickness_hours + f.work_injury_hours) as counted, sum(f.planned_hours) as planned,
              sum(f.long_term_hours) as long_term, sum(f.headcount) as headcount
       from sickleave f ${subtree} where f.municipality = $1 and f.active and f.period between $3 and $4 group by 1`,
      [municipality, org, from, to],
    ),
    pool.query(
      `select to_char(f.period, 'YYYY-MM') as p, f.amount_type, sum(f.amount) as amount
       from economy f ${subtree} where f.municipality = $1 and f.active and f.dranst in (1, 2) and f.period between $3 and $4 group by 1, 2`,
      [municipality, org, yearStart, to],
    ),
    pool.query(
      `select to_char(date_trunc('month', f.decided), 'YYYY-MM') as p, count(*) as n,
              count(*) filter (where f.decided - f.received <= t.deadline_days) as within,
              percentile_cont(0.5) within group (order by f.decided - f.received) as median,
              percentile_cont(0.9) within group (order by f.decided - f.received) as p90
       from cases f ${subtree} join case_types t on t.municipality = f.municipality and t.case_type = f.case_type and t.active
       where f.municipality = $1 and f.active and f.decided between $3 and ($4::date + interval '1 month' - interval '1 day') group by 1`,
      [municipality, org, from, to],
    ),
    pool.query(
      `select count(*) as open from cases f ${subtree}
       where f.municipality = $1 and f.active and f.received <= ($3::date + interval '1 month' - interval '1 day')
         and (f.decided is null or f.decided > ($3::date + interval '1 month' - interval '1 day'))`,
      [municipality, org, to],
    ),
    pool.query(
      `select to_char(f.period, 'YYYY-MM') as p, f.kpi_id, sum(f.numerator) / nullif(sum(f.denominator), 0) * 100 as value
       from kpi_values f ${subtree} where f.municipality = $1 and f.active and f.period between $3 and $4 group by 1, 2`,
      [municipality, org, from, to],
    ),
    pool.query(
      `select t.kpi_id, t.target, c.depth from targets t join org_closure c on c.municipality = t.municipality and c.ancestor_id = t.org_id
       where t.municipality = $1 and t.active and c.descendant_id = $2 and t.year = $3 order by c.depth`,
      [municipality, org, Number(period.slice(0, 4))],
    ),
  ]);
  const byMonth = new Map(sick.rows.map((r) => [r.p, r]));
  const pct = (p: string) => {
    const r = byMonth.get(p);
    return r ? (Number(r.counted) / Number(r.planned)) * 100 : null;
  };
  return {
    org,
    period,
    sickLeave: { value: pct(period), previous: pct(addMonths(period, -1)), sameMonthLastYear: pct(addMonths(period, -12)) },
    sickLeaveSeries: Array.from({ length: 12 }, (_, i) => pct(addMonths(period, i - 11))),
    cases: cases.rows,
    backlog: Number(backlog.rows[0]?.open ?? 0),
    economy: economy.rows.length,
    kpi: kpi.rows,
    targets: targets.rows,
  };
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  try {
    const body = JSON.stringify(await dashboard(url.searchParams.get('org') ?? 'K', url.searchParams.get('period') ?? '2016-12'));
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
