import { type Role, roleCan } from '@lis/contracts';

// The API decides; these only keep the menu and pages to what the role can use, read from the
// grant table the API's access check uses (@lis/contracts GRANTS).

/** May read indicators, the economy pages and the benchmark. */
export const readsIndicators = (role: Role): boolean => roleCan(role, 'kpi:read');

/** May see the population and the demographic pressure (the page Demografi). */
export const readsDemography = (role: Role): boolean => roleCan(role, 'demography:read');

/** May send feed files. */
export const loadsFeeds = (role: Role): boolean => roleCan(role, 'feeds:write');

/** May see and change users and the access rules (the page Brugere). */
export const administersUsers = (role: Role): boolean => roleCan(role, 'users:admin');

/** May see how much LIS is used (the page Anvendelse). */
export const readsUsage = (role: Role): boolean => roleCan(role, 'usage:read');
