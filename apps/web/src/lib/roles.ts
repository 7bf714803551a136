import type { Me } from '@lis/contracts';

// The API decides; these only keep the menu and pages to what the role can use (access.ts GRANTS).
const READERS: readonly Me['role'][] = ['admin', 'direktion', 'oekonom', 'chef'];
const LOADERS: readonly Me['role'][] = ['admin', 'feeder'];

/** May read indicators, the economy pages and the benchmark. */
export const readsIndicators = (role: Me['role']): boolean => READERS.includes(role);

/** May send feed files. */
export const loadsFeeds = (role: Me['role']): boolean => LOADERS.includes(role);

/** May see and change users and the access rules (the page Brugere). */
export const administersUsers = (role: Me['role']): boolean => role === 'admin';

export const ROLE_NAMES: Readonly<Record<Me['role'], string>> = {
  admin: 'Administrator',
  direktion: 'Direktion',
  oekonom: 'Økonom',
  chef: 'Chef',
  feeder: 'Dataleverandør',
};
