import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

/**
 * Row-level security for the readers (ADR 0015): the role `lis_reader` may only select, and on
 * every table it may select, only the rows of the municipality its connection names in the
 * setting `lis.municipality` (none while it is unset). The owner, who writes (the ingest's COPY,
 * the refreshes, restore), is not subject to the policies: row-level security is enabled, not
 * forced. Superusers bypass it whatever is set, so readers must connect as the role.
 *
 * The policies apply to every role but the owner (`to public`), not only to `lis_reader`: they are
 * made even where the role could not be, and a read-only role a DBA adds later is held to one
 * municipality too.
 */

const READER = 'lis_reader';

/** What the API's read routes read; each has a `municipality` column and gets the policy. */
const READ_TABLES = [
  'batches',
  'org_units',
  'org_closure',
  'org_unit_versions',
  'org_closure_history',
  'economy',
  'economy_rollup',
  'economy_rollup_category',
  'budget_plan',
  'sickleave',
  'case_types',
  'cases',
  'benchmark',
  'population',
  'kpi_values',
  'targets',
  'kpi_rollup',
  'kpi_rollup_now',
  'kpi_periods',
  'explanations',
  'explanation_versions',
  'peer_groups',
  'access_scopes',
  'access_rules',
  'audit_log',
  'page_views',
];
/**
 * Users without their secrets and sign-in bindings: password_hash, the identity provider's issuer
 * and subject, and the e-mail address (read only by the notifications, which write too).
 */
const USER_COLUMNS = [
  'id',
  'municipality',
  'username',
  'display_name',
  'role',
  'source',
  'disabled',
  'created_at',
  'last_sign_in_at',
  'from_demo',
];
const POLICY = 'one_municipality';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles belong to the whole cluster, and CI migrates many databases at once: a concurrent
  // create fails with duplicate_object or unique_violation, which means the role is there.
  await sql
    .raw(`
    do $$
    begin
      if not exists (select from pg_roles where rolname = '${READER}') then
        begin
          create role ${READER} nologin nosuperuser noinherit nocreatedb nocreaterole noreplication nobypassrls;
        exception
          when duplicate_object or unique_violation then null;
          when insufficient_privilege then
            raise notice 'LIS: cannot create the role ${READER}; a DBA must create it and grant it to %, then grant it what this migration grants (docs/deployment.md)', current_user;
        end;
      end if;
      if exists (select from pg_roles where rolname = '${READER}') and not pg_has_role(current_user, '${READER}', 'MEMBER') then
        begin
          grant ${READER} to current_user;
        exception
          when duplicate_object or unique_violation then null;
          when insufficient_privilege or invalid_grant_operation then
            raise notice 'LIS: cannot grant ${READER} to %; a DBA must, for the readers to connect as it', current_user;
        end;
      end if;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    do $$
    begin
      if not exists (select from pg_roles where rolname = '${READER}') then return; end if;
      begin
        execute format('grant usage on schema %I to ${READER}', current_schema());
      exception when insufficient_privilege then
        raise notice 'LIS: cannot grant usage on schema % to ${READER}; it has it only if public has', current_schema();
      end;
      grant select on ${READ_TABLES.join(', ')} to ${READER};
      grant select (${USER_COLUMNS.join(', ')}) on users to ${READER};
    end $$`)
    .execute(db);
  for (const table of [...READ_TABLES, 'users']) {
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql
      .raw(
        `create policy ${POLICY} on ${table} for select to public using (municipality = current_setting('lis.municipality', true))`,
      )
      .execute(db);
  }
}

// The role stays: it belongs to the cluster, and other databases on it may still use it.
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...READ_TABLES, 'users']) {
    await sql.raw(`drop policy ${POLICY} on ${table}`).execute(db);
    await sql.raw(`alter table ${table} disable row level security`).execute(db);
  }
  await sql
    .raw(`
    do $$
    begin
      if not exists (select from pg_roles where rolname = '${READER}') then return; end if;
      revoke select on ${READ_TABLES.join(', ')} from ${READER};
      revoke select (${USER_COLUMNS.join(', ')}) on users from ${READER};
      execute format('revoke usage on schema %I from ${READER}', current_schema());
    end $$`)
    .execute(db);
}
