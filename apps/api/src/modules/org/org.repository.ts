import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';

// All SQL of the organisation: the units in effect and the tree over them (org_closure lists
// every unit as its own ancestor at depth 0).

type Db = Kysely<Database>;
const monthStart = (period: string) => `${period}-01`;

export interface OrgRow {
  id: string;
  parentId: string | null;
  name: string;
  level: 'kommune' | 'forvaltning' | 'afdeling' | 'enhed';
  validFrom: string | null;
  validTo: string | null;
}

const orgColumns = [
  'org_id as id',
  'parent_id as parentId',
  'name',
  'level',
  'valid_from as validFrom',
  'valid_to as validTo',
] as const;

/** A unit (table alias `alias`) as an OrgRow in JSON, for reads that bring it in the same statement as their figures. */
export const orgJson = (alias: string) => {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<OrgRow>`json_build_object('id', ${column('org_id')}, 'parentId', ${column('parent_id')}, 'name', ${column('name')},
    'level', ${column('level')}, 'validFrom', ${column('valid_from')}, 'validTo', ${column('valid_to')})`;
};

export async function listOrgUnits(db: Db, municipality: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org_units')
    .select(orgColumns)
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export async function findOrgUnit(db: Db, municipality: string, orgId: string): Promise<OrgRow | null> {
  return (
    (await db
      .selectFrom('org_units')
      .select(orgColumns)
      .where('municipality', '=', municipality)
      .where('active', '=', true)
      .where('org_id', '=', orgId)
      .executeTakeFirst()) ?? null
  );
}

/** The kommune: the unit in effect without a parent. */
export async function rootOrgId(db: Db, municipality: string): Promise<string | null> {
  const root = await db
    .selectFrom('org_units')
    .select('org_id')
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  return root?.org_id ?? null;
}

export async function childrenOf(db: Db, municipality: string, orgId: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org_units')
    .select(orgColumns)
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('parent_id', '=', orgId)
    .orderBy('name')
    .execute();
}

/** The unit and its ancestors, nearest first. */
export async function ancestorsOf(db: Db, municipality: string, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('municipality', '=', municipality)
    .where('descendant_id', '=', orgId)
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.ancestor_id);
}

/** Each of the units with its ancestors (nearest first), for target inheritance in a breakdown. */
export async function ancestorPaths(db: Db, municipality: string, orgIds: readonly string[]): Promise<Map<string, string[]>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_closure')
    .select(['descendant_id', 'ancestor_id'])
    .where('municipality', '=', municipality)
    .where('descendant_id', 'in', [...orgIds])
    .orderBy('depth')
    .execute();
  const paths = new Map<string, string[]>();
  for (const r of rows) paths.set(r.descendant_id, [...(paths.get(r.descendant_id) ?? []), r.ancestor_id]);
  return paths;
}

/** The units a set of scope units opens: each with its whole subtree. */
export async function subtreeOf(db: Db, municipality: string, orgIds: readonly string[]): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('org_closure')
    .select('descendant_id')
    .where('municipality', '=', municipality)
    .where('ancestor_id', 'in', [...orgIds])
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}

/**
 * A `units(org_id)` CTE: the given units that no other of them holds, so that a fact counts once
 * where a chef's own units nest. An array, not a list of values, so a statement's text stays the
 * same and is prepared once per connection.
 */
export function topmostOf(municipality: string, orgIds: readonly string[]) {
  return sql`
    given(org_id) as (select distinct unnest(${[...orgIds]}::text[])),
    units as (
      select g.org_id from given g
      where not exists (
        select 1 from org_closure c join given o on o.org_id = c.ancestor_id
        where c.municipality = ${municipality} and c.descendant_id = g.org_id and c.depth > 0))`;
}

/** Of the given units, those in effect that no other of them holds: a chef's topmost own units. */
export async function topmostUnits(db: Db, municipality: string, orgIds: readonly string[]): Promise<OrgRow[]> {
  const { rows } = await sql<{ units: OrgRow[] | null }>`
    with ${topmostOf(municipality, orgIds)}
    select json_agg(${orgJson('u')}) as units
    from units s join org_units u on u.municipality = ${municipality} and u.active and u.org_id = s.org_id`.execute(db);
  return rows[0]?.units ?? [];
}

/** The subtrees of the scope units and the kommune's root, in one round trip (what a scoped caller may read). */
export async function subtreesAndRoot(db: Db, municipality: string, orgIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await sql<{ org_id: string }>`
    select descendant_id as org_id from org_closure where municipality = ${municipality} and ancestor_id = any(${[...orgIds]}::text[])
    union
    select org_id from org_units where municipality = ${municipality} and active and parent_id is null`.execute(db);
  return new Set(rows.map((r) => r.org_id));
}

/** Each unit's ancestors (itself first), the parent of each unit and the root: the whole tree for a refresh. */
export async function loadTree(db: Db, municipality: string) {
  const { rows } = await sql<{ ancestor_id: string; descendant_id: string; depth: number }>`
    select ancestor_id, descendant_id, depth from org_closure where municipality = ${municipality} order by depth`.execute(db);
  const ancestors = new Map<string, string[]>();
  const parentOf = new Map<string, string>();
  for (const r of rows) {
    ancestors.set(r.descendant_id, [...(ancestors.get(r.descendant_id) ?? []), r.ancestor_id]);
    if (r.depth === 1) parentOf.set(r.descendant_id, r.ancestor_id);
  }
  const root = [...ancestors.keys()].find((id) => !parentOf.has(id)) ?? null;
  return { ancestorsOf: (id: string) => ancestors.get(id) ?? [], parentOf, root, units: [...ancestors.keys()] };
}

/** A pair of org_closure_history: the first and last month it holds in ('YYYY-MM', null when open). */
export interface ClosurePair {
  ancestorId: string;
  descendantId: string;
  depth: number;
  first: string | null;
  last: string | null;
}

/** Every pair of every month's tree, with the first and last month it holds in (null when open). */
export async function closureHistory(db: Db, municipality: string): Promise<ClosurePair[]> {
  const { rows } = await sql<ClosurePair>`
    select ancestor_id as "ancestorId", descendant_id as "descendantId", depth,
           case when valid_from = '-infinity' then null else to_char(valid_from, 'YYYY-MM') end as first,
           case when valid_to = 'infinity' then null else to_char(valid_to, 'YYYY-MM') end as last
    from org_closure_history where municipality = ${municipality}`.execute(db);
  return rows;
}

/** The children of a unit in the tree valid in a month (docs/adr/0011), each named as in its newest version. */
export async function childrenInMonth(db: Db, municipality: string, orgId: string, period: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org_closure_history as h')
    .innerJoin('org_units as u', (join) =>
      join.onRef('u.municipality', '=', 'h.municipality').onRef('u.org_id', '=', 'h.descendant_id'),
    )
    .select([
      'u.org_id as id',
      'h.ancestor_id as parentId',
      'u.name',
      'u.level',
      'u.valid_from as validFrom',
      'u.valid_to as validTo',
    ])
    .where('h.municipality', '=', municipality)
    .where('h.ancestor_id', '=', orgId)
    .where('h.depth', '=', 1)
    .where('h.valid_from', '<=', monthStart(period))
    .where('h.valid_to', '>=', monthStart(period))
    .where('u.active', '=', true)
    .orderBy('u.name')
    .execute();
}
