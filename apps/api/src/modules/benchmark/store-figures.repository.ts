/**
 * The store's own figures of several municipalities for the benchmark (source=store). Read on the
 * owner connection, which sees every municipality: each statement returns sums per municipality
 * (and area) or per municipality and age, never a unit's row.
 */
import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';
import { operating, yearClosed } from './area-accounts.repository.ts';
import { storeAreaRanges } from './area-functions.ts';

type Db = Kysely<Database>;

/** The municipalities of the list whose year is closed (December has actuals). */
export async function closedAmong(db: Db, municipalities: readonly string[], year: number): Promise<string[]> {
  if (municipalities.length === 0) return [];
  const { rows } = await sql<{ municipality: string }>`
    select m.code as municipality from unnest(${[...municipalities]}::text[]) as m(code)
    where ${yearClosed(sql.ref('m.code'), year)}`.execute(db);
  return rows.map((r) => r.municipality);
}

/** Per municipality and area, the year's actuals on dranst 1+2 on the area's functions, over all its units. */
export async function areaSpending(
  db: Db,
  municipalities: readonly string[],
  year: number,
): Promise<{ municipality: string; area: string; amount: number }[]> {
  const ranges = storeAreaRanges();
  if (municipalities.length === 0 || ranges.length === 0) return [];
  const areas = sql.join(ranges.map((r) => sql`(${r.area}::text, ${r.from}::text, ${r.to}::text)`));
  const { rows } = await sql<{ municipality: string; area: string; amount: number }>`
    select e.municipality, a.area, sum(e.amount)::float8 as amount
    from economy e join (values ${areas}) as a(area, lo, hi) on replace(e.function, '.', '') between a.lo and a.hi
    where e.municipality in (${sql.join([...municipalities])}) and e.active and e.amount_type = 'actual'
      and e.dranst in (${operating})
      and e.period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)
    group by 1, 2`.execute(db);
  return rows;
}

/** The actual population of the year (1 January) each municipality delivered about itself, by age. */
export async function actualPopulation(db: Db, municipalities: readonly string[], year: number) {
  if (municipalities.length === 0) return [];
  const { rows } = await sql<{ municipality: string; age: string; count: number }>`
    select municipality, age, count::float8 as count from population
    where municipality in (${sql.join([...municipalities])}) and subject_municipality = municipality
      and active and kind = 'actual' and year = ${year}`.execute(db);
  return rows;
}

/**
 * The years with actual population that are closed for the municipality, oldest first; with
 * `withOthers`, only those another municipality of the store has as well.
 */
export async function closedPopulationYears(db: Db, municipality: string, withOthers: boolean): Promise<number[]> {
  const others = withOthers
    ? sql`and exists (select 1 from population q where q.municipality <> ${municipality}
        and q.subject_municipality = q.municipality and q.active and q.kind = 'actual' and q.year = p.year
        and ${yearClosed(sql.ref('q.municipality'), sql.ref('p.year'))})`
    : sql``;
  const { rows } = await sql<{ year: number }>`
    select distinct p.year from population p
    where p.municipality = ${municipality} and p.subject_municipality = ${municipality} and p.active and p.kind = 'actual'
      and ${yearClosed(municipality, sql.ref('p.year'))} ${others}
    order by p.year`.execute(db);
  return rows.map((r) => r.year);
}
