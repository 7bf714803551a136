import { type Static, Type } from 'typebox';

// Who may do what: the one table the API's access check, its OpenAPI document, the CLI and the web
// app's menus all read. The API decides; the web only hides what the API would refuse.

export const RoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('direktion'),
  Type.Literal('oekonom'),
  Type.Literal('chef'),
  Type.Literal('feeder'),
]);
export type Role = Static<typeof RoleSchema>;

export const ROLES: readonly Role[] = ['admin', 'direktion', 'oekonom', 'chef', 'feeder'];
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The role's name in the UI. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  admin: 'Administrator',
  direktion: 'Direktion',
  oekonom: 'Økonom',
  chef: 'Chef',
  feeder: 'Dataleverandør',
};

export const PERMISSIONS = [
  'kpi:read',
  'explanations:write',
  'economy:read',
  'benchmark:read',
  'benchmark:write',
  'demography:read',
  'feeds:write',
  'batches:read',
  'batches:restore',
  'audit:read',
  'users:admin',
  'usage:read',
  'session',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The roles that read figures; a chef reads the subtrees of their units plus the kommune totals. */
const READERS: readonly Role[] = ['admin', 'direktion', 'oekonom', 'chef'];

export const GRANTS: Readonly<Record<Permission, readonly Role[]>> = {
  'kpi:read': READERS,
  // a chef for their own subtree (checked per unit), direktion and admin everywhere; the økonom reads
  'explanations:write': ['admin', 'direktion', 'chef'],
  'economy:read': READERS,
  'benchmark:read': READERS,
  // those who prepare benchmarks save the shared peer groups (ADR 0003)
  'benchmark:write': ['admin', 'oekonom'],
  // population and demographic pressure are kommune totals (no unit's figures): every reader (docs/demography.md)
  'demography:read': READERS,
  'feeds:write': ['admin', 'feeder'],
  'batches:read': ['admin'],
  'batches:restore': ['admin'],
  'audit:read': ['admin'],
  'users:admin': ['admin'],
  // how much LIS is used, per forvaltning (the page Anvendelse)
  'usage:read': ['admin', 'direktion'],
  session: ['admin', 'direktion', 'oekonom', 'chef', 'feeder'],
};

/** Only a chef is limited to org units (each with its subtree); every other role reads all or nothing. */
export const hasUnits = (role: Role): boolean => role === 'chef';

export const roleCan = (role: Role, permission: Permission): boolean => GRANTS[permission].includes(role);
