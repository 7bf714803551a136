import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

export interface BenchmarkRow {
  municipality: string;
  area: string;
  netExpenditure: number;
  targetPopulation: number;
  needIndex: number | null;
}

export async function rowsFor(db: Db, municipality: string, year: number, area: string | null): Promise<BenchmarkRow[]> {
  let query = db
    .selectFrom('benchmark')
    .select([
      'subject_municipality as municipality',
      'area',
      'net_expenditure as netExpenditure',
      'target_population as targetPopulation',
      'need_index as needIndex',
    ])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('year', '=', year);
  if (area) query = query.where('area', '=', area);
  return query.execute();
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

export async function listPeerGroups(db: Db, municipality: string) {
  return db
    .selectFrom('peer_groups')
    .select(['name', 'municipalities'])
    .where('municipality', '=', municipality)
    .orderBy('name')
    .execute();
}

export async function savePeerGroup(db: Db, municipality: string, name: string, codes: string[], createdBy: string) {
  await db
    .insertInto('peer_groups')
    .values({ municipality, name, municipalities: codes, created_by: createdBy })
    .onConflict((oc) => oc.columns(['municipality', 'name']).doUpdateSet({ municipalities: codes, created_by: createdBy }))
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
