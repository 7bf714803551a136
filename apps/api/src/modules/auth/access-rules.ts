import { hasUnits } from '@lis/contracts';
import type { Role } from '@lis/db';

/** An admin's rule: a person whose provider claim holds this value gets this role (a chef: these units). */
export interface AccessRule {
  id: number;
  /** the ID token claim to look in, e.g. "groups" (Entra ID: group object ids) or "roles" (app roles) */
  claim: string;
  value: string;
  role: Role;
  /** the units a chef rule gives (with their subtrees); empty for every other role */
  orgIds: string[];
  note: string | null;
}

export interface Access {
  role: Role;
  /** a chef's units; null for the roles that read everything (and for feeders, who read nothing) */
  orgIds: string[] | null;
  /** the rules that matched, for the audit log */
  ruleIds: number[];
}

/** When rules give one person several roles, the first of these wins. */
const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'direktion', 'oekonom', 'chef', 'feeder'];

/** The values a claim holds: a string, or the strings of a list (groups, roles). */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * A person's role and units from their claims: the strongest role any matching rule gives, and
 * for a chef the units of every matching chef rule together. No matching rule: no access (null).
 */
export function accessFromClaims(rules: readonly AccessRule[], claims: Record<string, unknown>): Access | null {
  const matching = rules.filter((rule) => claimValues(claims, rule.claim).includes(rule.value));
  if (matching.length === 0) return null;
  const role = ROLE_PRECEDENCE.find((r) => matching.some((rule) => rule.role === r)) as Role;
  const granting = matching.filter((rule) => rule.role === role);
  const orgIds = hasUnits(role) ? [...new Set(granting.flatMap((rule) => rule.orgIds))].sort() : null;
  return { role, orgIds, ruleIds: granting.map((rule) => rule.id) };
}
