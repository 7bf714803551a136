import { type Role, roleCan } from '@lis/contracts';

/**
 * May save peer groups: the roles the API grants benchmark:write, read from the one table both use.
 * Whether a saved group may be replaced or deleted is the server's `mayChange` per group.
 */
export const savesPeerGroups = (role: Role | undefined): boolean => role !== undefined && roleCan(role, 'benchmark:write');
