import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The benchmark feed's optional price_year: the year whose prices net_expenditure is in
  // ("faste 2016-priser"); null for rows delivered without it, shown as "prisår ikke oplyst".
  await sql`alter table benchmark add column price_year integer`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table benchmark drop column price_year`.execute(db);
}
