import { type Kysely, sql } from 'kysely';

// Frozen: never import application code here, never edit after release; add a new migration instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // People who sign in through the municipality's identity provider (OpenID Connect) have no
  // password; they are known by the provider's issuer and subject, never by a name alone.
  await sql`alter table users alter column password_hash drop not null`.execute(db);
  await sql`alter table users add column source text not null default 'local' check (source in ('local','oidc'))`.execute(db);
  await sql`alter table users add column oidc_issuer text`.execute(db);
  await sql`alter table users add column oidc_subject text`.execute(db);
  await sql`alter table users add column last_sign_in_at timestamptz`.execute(db);
  await sql`
    alter table users add constraint users_source_credentials check (
      (source = 'local' and password_hash is not null and oidc_subject is null)
      or (source = 'oidc' and password_hash is null and oidc_issuer is not null and oidc_subject is not null)
    )`.execute(db);
  await sql`create unique index users_by_oidc_subject on users (municipality, oidc_issuer, oidc_subject) where source = 'oidc'`.execute(
    db,
  );
  // The provider's ID token of an OIDC session: the hint its logout endpoint asks for.
  await sql`alter table sessions add column id_token text`.execute(db);

  // The admin's mapping from a provider claim value (a group's id, an app role) to a role and units.
  await sql`
    create table access_rules (
      id bigint generated always as identity primary key,
      municipality text not null,
      claim text not null,
      value text not null,
      role text not null check (role in ('admin','direktion','oekonom','chef','feeder')),
      org_ids text[] not null default '{}',
      note text,
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (municipality, claim, value)
    )`.execute(db);

  // A sign-in under way at the provider: the PKCE verifier and nonce stay on the server, the
  // browser holds only the state (in a cookie), and a row is used once and lives 10 minutes.
  await sql`
    create table oidc_logins (
      state text primary key,
      municipality text not null,
      code_verifier text not null,
      nonce text not null,
      return_to text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table oidc_logins`.execute(db);
  await sql`drop table access_rules`.execute(db);
  await sql`alter table sessions drop column id_token`.execute(db);
  await sql`drop index users_by_oidc_subject`.execute(db);
  await sql`alter table users drop constraint users_source_credentials`.execute(db);
  for (const column of ['last_sign_in_at', 'oidc_subject', 'oidc_issuer', 'source'])
    await sql.raw(`alter table users drop column ${column}`).execute(db);
  await sql`alter table users alter column password_hash set not null`.execute(db);
}
