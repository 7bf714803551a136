import { PEER_GROUP_EDITORS } from '@lis/contracts';
import type { Role } from '@lis/db';

/** Who is asking: a signed-in person, a machine token, or the local `lis` command. */
export interface Principal {
  kind: 'user' | 'token' | 'cli';
  id: number | null;
  name: string;
  displayName: string;
  role: Role;
  /** the units a chef may read (with their subtrees); null = everything */
  orgIds: string[] | null;
  sessionId: string | null;
}

export type Permission =
  | 'kpi:read'
  | 'economy:read'
  | 'benchmark:read'
  | 'benchmark:write'
  | 'feeds:write'
  | 'batches:read'
  | 'batches:restore'
  | 'audit:read'
  | 'users:admin'
  | 'session';

const READERS: readonly Role[] = ['admin', 'direktion', 'oekonom', 'chef'];

export const GRANTS: Readonly<Record<Permission, readonly Role[]>> = {
  'kpi:read': READERS,
  'economy:read': READERS,
  'benchmark:read': READERS,
  'benchmark:write': PEER_GROUP_EDITORS,
  'feeds:write': ['admin', 'feeder'],
  'batches:read': ['admin'],
  'batches:restore': ['admin'],
  'audit:read': ['admin'],
  'users:admin': ['admin'],
  session: ['admin', 'direktion', 'oekonom', 'chef', 'feeder'],
};

export const can = (principal: Principal, permission: Permission) => GRANTS[permission].includes(principal.role);

/** Roles that read everything; a chef reads the subtree of their units plus the kommune totals. */
export const readsEverything = (principal: Principal) => principal.orgIds === null;

export const ROLES: readonly Role[] = ['admin', 'direktion', 'oekonom', 'chef', 'feeder'];
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
