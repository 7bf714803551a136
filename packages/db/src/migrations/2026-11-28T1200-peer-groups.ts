import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Benchmark peer groups an economist picks and saves under a name, shared within the municipality.
  await sql`
    create table peer_groups (
      municipality text not null,
      name text not null,
      municipalities text[] not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      primary key (municipality, name)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table peer_groups`.execute(db);
}
