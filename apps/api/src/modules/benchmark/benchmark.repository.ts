import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

export interface BenchmarkRow {
  municipality: string;
  area: string;
  netExpenditure: number;
  targetPopulation: number;
  needIndex: number | null;
  /** the year whose prices netExpenditure is in; null when not delivered */
  priceYear: number | null;
}

export async function rowsFor(db: Db, municipality: string, year: number, area: string | null): Promise<BenchmarkRow[]> {
  return (await rowsForYears(db, municipality, [year], area)).map(({ year: _, ...row }) => row);
}

/** The rows of several years at once (a trend), each with its year. */
export async function rowsForYears(
  db: Db,
  municipality: string,
  years: readonly number[],
  area: string | null,
): Promise<(BenchmarkRow & { year: number })[]> {
  let query = db
    .selectFrom('benchmark')
    .select([
      'year',
      'subject_municipality as municipality',
      'area',
      'net_expenditure as netExpenditure',
      'target_population as targetPopulation',
      'need_index as needIndex',
      'price_year as priceYear',
    ])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('year', 'in', [...years]);
  if (area) query = query.where('area', '=', area);
  return query.execute();
}

/** The deliveries the year's rows (of one area, or all) come from: where the figures are from. */
export async function sourcesOf(db: Db, municipality: string, year: number, area: string | null) {
  let query = db
    .selectFrom('benchmark as b')
    .innerJoin('batches as t', 't.id', 'b.batch_id')
    .select(['t.id as batchId', 't.file_name as fileName', 't.from_demo as fromDemo'])
    .distinct()
    .where('b.municipality', '=', municipality)
    .where('b.active', '=', true)
    .where('b.year', '=', year);
  if (area) query = query.where('b.area', '=', area);
  return query.orderBy('t.id').execute();
}

export async function areasAndYears(db: Db, municipality: string) {
  const { rows } = await sql<{ area: string; years: number[] }>`
    select area, array_agg(distinct year order by year) as years from benchmark
    where municipality = ${municipality} and active group by area order by area`.execute(db);
  return rows;
}

export async function latestYear(db: Db, municipality: string): Promise<number | null> {
  const row = await db
    .selectFrom('benchmark')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.year ?? null;
}

/** The saved peer groups; `owner` is who saved each first (created_by). */
export async function listPeerGroups(db: Db, municipality: string) {
  return db
    .selectFrom('peer_groups')
    .select(['name', 'municipalities', 'created_by as owner'])
    .where('municipality', '=', municipality)
    .orderBy('name')
    .execute();
}

export async function findPeerGroup(db: Db, municipality: string, name: string): Promise<{ owner: string } | null> {
  const row = await db
    .selectFrom('peer_groups')
    .select('created_by as owner')
    .where('municipality', '=', municipality)
    .where('name', '=', name)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Saves a new group unless the municipality already has `max` (checked in the same statement) or
 * the name was taken meanwhile; false when nothing was saved.
 */
export async function insertPeerGroup(
  db: Db,
  municipality: string,
  group: { name: string; codes: string[]; owner: string },
  max: number,
): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`
    insert into peer_groups (municipality, name, municipalities, created_by)
    select ${municipality}, ${group.name}, ${group.codes}::text[], ${group.owner}
    where (select count(*) from peer_groups where municipality = ${municipality}) < ${max}
    on conflict (municipality, name) do nothing
    returning name`.execute(db);
  return rows.length > 0;
}

/** Replaces a group's municipalities; its owner stays. */
export async function replacePeerGroup(db: Db, municipality: string, name: string, codes: string[]) {
  await db
    .updateTable('peer_groups')
    .set({ municipalities: codes })
    .where('municipality', '=', municipality)
    .where('name', '=', name)
    .execute();
}

export async function deletePeerGroup(db: Db, municipality: string, name: string): Promise<boolean> {
  const result = await db
    .deleteFrom('peer_groups')
    .where('municipality', '=', municipality)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
