import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * An organisation that changes over time (docs/adr/0011-organisation-over-time.md): the
 * organisation feed's rows are versions of units, stored in org_unit_versions (several per unit,
 * keyed by valid_from); org_units keeps one row per unit, its newest version, so that its readers
 * see today's tree; org_closure_history holds the ancestor pairs with the months they hold in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table org_unit_versions (
      municipality text not null,
      org_id text not null,
      parent_id text,
      name text not null,
      level text not null check (level in ('kommune','forvaltning','afdeling','enhed')),
      valid_from date,
      valid_to date,
      batch_id bigint not null,
      active boolean not null default true
    )`.execute(db);
  await sql`
    create unique index org_unit_versions_active_key
    on org_unit_versions (municipality, org_id, coalesce(valid_from, '-infinity'::date)) where active`.execute(db);
  await sql`
    insert into org_unit_versions (municipality, org_id, parent_id, name, level, valid_from, valid_to, batch_id, active)
    select municipality, org_id, parent_id, name, level, valid_from, valid_to, batch_id, active from org_units`.execute(db);
  // org_units is derived from the versions now: the rows set aside live on in org_unit_versions.
  await sql`delete from org_units where not active`.execute(db);

  // valid_from/valid_to: the first and last month (its first day) the pair holds in; ±infinity when open.
  await sql`
    create table org_closure_history (
      municipality text not null,
      ancestor_id text not null,
      descendant_id text not null,
      depth integer not null,
      valid_from date not null,
      valid_to date not null,
      primary key (municipality, descendant_id, ancestor_id, valid_from)
    )`.execute(db);
  await sql`
    insert into org_closure_history (municipality, ancestor_id, descendant_id, depth, valid_from, valid_to)
    select municipality, ancestor_id, descendant_id, depth, '-infinity'::date, 'infinity'::date from org_closure`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table org_closure_history`.execute(db);
  await sql`drop table org_unit_versions`.execute(db);
}
