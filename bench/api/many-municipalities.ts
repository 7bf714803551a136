import { createHash } from 'node:crypto';
import pg from 'pg';
// bench does not depend on @lis/domain; the generated list is one file without imports (as export-memory.ts reads apps/api).
import { MUNICIPALITIES } from '../../packages/domain/src/municipalities.gen.ts';
import { type LoadResult, resultRow } from './load.ts';

/**
 * Issue 13's stage of the read benchmark: BENCH_MUNICIPALITIES=N (default 1: no stage) fills the
 * bench database with N − 1 more municipalities (the first codes of MUNICIPALITIES other than 849),
 * copies of 849's rows, and measures 849's dashboard again. Every key and index leads with
 * `municipality`, so the others' rows should cost a read of one municipality little.
 */
const HOME = '849';
const ALL = MUNICIPALITIES.length;
const COUNT = Number(process.env.BENCH_MUNICIPALITIES ?? 1);
if (!Number.isInteger(COUNT) || COUNT < 1 || COUNT > ALL) throw new Error(`BENCH_MUNICIPALITIES: 1 to ${ALL}, not ${COUNT}`);

/** The feeds' tables of facts, summed for the row count (run.ts counts the same feeds). */
const FACT_TABLES = ['economy', 'sickleave', 'cases', 'kpi_values', 'population', 'benchmark'];
/**
 * People, sign-in, access and what they did: rows about 849's users, not data a read of the
 * dashboard goes through, and a copy would hand them to municipalities they do not belong to.
 */
const PEOPLE_TABLES = [
  'users',
  'sessions',
  'api_tokens',
  'oidc_logins',
  'login_throttle',
  'access_rules',
  'access_scopes',
  'audit_log',
  'page_views',
  'notifications_sent',
];

// Every base table with a `municipality` column, and why a copy could not keep it valid: an identity
// column (a copied id would repeat: batches, whose ids the copied rows keep pointing to) or a unique
// key without `municipality` (a copied row would break it).
const TABLES = `
  select t.table_name as name,
         case
           when exists (select from information_schema.columns i
                         where i.table_schema = t.table_schema and i.table_name = t.table_name
                           and (i.is_identity = 'YES' or i.column_default like 'nextval(%')) then 'identity column'
           when exists (select from pg_index x
                         where x.indrelid = format('%I.%I', t.table_schema, t.table_name)::regclass and x.indisunique
                           and not exists (select from pg_attribute a
                                            where a.attrelid = x.indrelid and a.attnum = any (x.indkey)
                                              and a.attname = 'municipality')) then 'unique key without municipality'
         end as obstacle,
         array(select c.column_name::text from information_schema.columns c
                where c.table_schema = t.table_schema and c.table_name = t.table_name and c.is_generated = 'NEVER'
                order by c.ordinal_position) as columns
    from information_schema.tables t
   where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
     and exists (select from information_schema.columns m
                  where m.table_schema = t.table_schema and m.table_name = t.table_name and m.column_name = 'municipality')
   order by 1`;

interface Table {
  name: string;
  obstacle: string | null;
  columns: string[];
}

/**
 * When BENCH_MUNICIPALITIES > 1: copies 849 to the others, then `measureDashboard` again (the same
 * requests, warm-up and settings that gave `single`) and prints both with the goals of issue 13.
 */
export async function measureManyMunicipalities(
  databaseUrl: string,
  measureDashboard: () => Promise<LoadResult>,
  single: LoadResult,
  servedAtOnce: (codes: string[], tokenOf: (code: string) => string) => Promise<LoadResult>,
): Promise<void> {
  if (COUNT === 1) return;
  const others = MUNICIPALITIES.map((m) => m.code)
    .filter((code) => code !== HOME)
    .slice(0, COUNT - 1);
  console.log(`\n${COUNT} municipalities (issue 13): copying ${HOME}'s rows to ${others.join(', ')}…`);
  const perMunicipality = await fill(databaseUrl, others);
  const rows = (n: number) => n.toLocaleString('da-DK');
  console.log(
    `extrapolation basis: ${rows(perMunicipality)} fact rows per municipality × ${COUNT} = ${rows(perMunicipality * COUNT)} in the store, ` +
      `${((100 * COUNT) / ALL).toFixed(1)} % of ${ALL} × ${rows(perMunicipality)} = ${rows(perMunicipality * ALL)}`,
  );

  const many = await measureDashboard();
  const label = (n: number) => `dashboard, ${n} ${n === 1 ? 'municipality' : 'municipalities'}`;
  console.log(`\n${'GET, 32 connections'.padEnd(28)}   p50 ms   p95 ms   p99 ms    req/s  errors`);
  console.log(resultRow(label(1), single));
  console.log(resultRow(label(COUNT), many));
  const ratio = many.p95 / single.p95;
  console.log(`ratio: p95 with ${COUNT} ÷ p95 with 1: ${ratio.toFixed(2)}×`);
  console.log(
    `goals: dashboard p95 < 50 ms with ${COUNT}: ${many.p95 < 50 ? 'met' : 'missed'}; ≤ 1.5× the p95 with 1: ${ratio <= 1.5 ? 'met' : 'missed'}`,
  );

  // One server for all of them (LIS_MUNICIPALITIES), the same requests spread over the municipalities,
  // each with a token of its own: the readers' shared pool switches municipality between queries.
  const codes = [HOME, ...others];
  await createTokens(databaseUrl, codes);
  const spread = await servedAtOnce(codes, benchToken);
  console.log(resultRow(`${COUNT} served at once`.padEnd(27), spread));
  console.log(
    `ratio: p95 served at once ÷ p95 of ${HOME} alone with ${COUNT} in the store: ${(spread.p95 / many.p95).toFixed(2)}×`,
  );
}

/** The token a municipality's requests carry in the bench: known, so the load generator can send it. */
const benchToken = (code: string) => `lis_bench_${code}`;

/** A `direktion` token per municipality, stored as LIS stores them (sha256 of the secret). */
async function createTokens(databaseUrl: string, codes: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const hashes = codes.map((code) => createHash('sha256').update(benchToken(code)).digest('hex'));
    await client.query(
      `insert into api_tokens (municipality, name, role, token_hash)
       select code, 'bench-' || code, 'direktion', hash from unnest($1::text[], $2::text[]) as t(code, hash)`,
      [codes, hashes],
    );
  } finally {
    await client.end();
  }
}

/** Copies 849 to `others` and vacuums; returns 849's fact rows. */
async function fill(databaseUrl: string, others: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const facts = await countFacts(client);
    await copyHome(client, others);
    const started = performance.now();
    await client.query('vacuum analyze');
    console.log(`vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return facts;
  } finally {
    await client.end();
  }
}

/** 849's fact rows: every other municipality is a copy of them. */
async function countFacts(client: pg.Client): Promise<number> {
  const counts = FACT_TABLES.map((t) => `(select count(*) from ${client.escapeIdentifier(t)} where municipality = $1)`);
  const result = await client.query<{ rows: string }>(`select ${counts.join(' + ')} as rows`, [HOME]);
  return Number(result.rows[0]?.rows);
}

/** One `insert … select` per table, for all the other municipalities at once (cross join unnest). */
async function copyHome(client: pg.Client, others: string[]): Promise<void> {
  const tables = (await client.query<Table>(TABLES)).rows;
  const copied = tables.filter((t) => t.obstacle === null && !PEOPLE_TABLES.includes(t.name));
  const started = performance.now();
  for (const table of copied) {
    const name = client.escapeIdentifier(table.name);
    const columns = table.columns.map((c) => client.escapeIdentifier(c));
    const values = table.columns.map((c, i) => (c === 'municipality' ? 'other.code' : `t.${columns[i]}`));
    await client.query(
      `insert into ${name} (${columns.join(', ')})
       select ${values.join(', ')} from ${name} t cross join unnest($1::text[]) as other(code)
        where t.municipality = $2`,
      [others, HOME],
    );
  }
  console.log(`copied in ${((performance.now() - started) / 1000).toFixed(1)} s: ${copied.map((t) => t.name).join(', ')}`);
  const left = tables.filter((t) => !copied.includes(t));
  console.log(`left out: ${left.map((t) => `${t.name} (${t.obstacle ?? 'people and access'})`).join(', ')}`);
}
