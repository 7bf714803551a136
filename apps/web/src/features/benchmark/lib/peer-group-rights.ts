import { type Me, PEER_GROUP_EDITORS } from '@lis/contracts';

/**
 * May save peer groups: the roles the API grants benchmark:write, read from the one list both use.
 * Whether a saved group may be replaced or deleted is the server's `mayChange` per group.
 */
export const savesPeerGroups = (role: Me['role'] | undefined): boolean => role !== undefined && PEER_GROUP_EDITORS.includes(role);
