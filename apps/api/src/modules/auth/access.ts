import { type Permission, type Role, roleCan } from '@lis/contracts';

// The grant table itself is @lis/contracts' GRANTS, which the CLI and the web app read too.

/** Who is asking: a signed-in person, a machine token, or the local `lis` command. */
export interface Principal {
  kind: 'user' | 'token' | 'cli';
  /** the municipality whose user or token this is: every figure it reads is that municipality's */
  municipality: string;
  id: number | null;
  name: string;
  displayName: string;
  role: Role;
  /** the units a chef may read (with their subtrees); null = everything */
  orgIds: string[] | null;
  sessionId: string | null;
}

export const can = (principal: Principal, permission: Permission) => roleCan(principal.role, permission);
