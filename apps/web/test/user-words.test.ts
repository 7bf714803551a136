import { describe, expect, it } from 'vitest';
import { signInParts, unitNames } from '../src/features/users/lib/user-words';
import { buildOrgTree } from '../src/lib/org-tree';
import { parseRoute, routeHref, USERS_PATH } from '../src/lib/url-state';

const unit = { validFrom: null, validTo: null };
const tree = buildOrgTree([
  { ...unit, id: 'K', parentId: null, name: 'Kommunen', level: 'kommune' },
  { ...unit, id: 'F2', parentId: 'K', name: 'Børn og Unge', level: 'forvaltning' },
  { ...unit, id: 'F1', parentId: 'K', name: 'Ældre', level: 'forvaltning' },
]);

describe('the users page in words', () => {
  it('writes a sign-in as a Danish date and time, nothing for never', () => {
    const at = new Date(2026, 11, 4, 9, 5);
    expect(signInParts(at.toISOString())).toEqual(['4. dec. 2026', 'kl. 09:05']);
    expect(signInParts(null)).toBeNull();
  });

  it('names units from the org tree in name order, an unknown id as itself', () => {
    expect(unitNames(tree, ['F1', 'F2'])).toBe('Børn og Unge, Ældre');
    expect(unitNames(tree, ['F1', 'GONE'])).toBe('GONE, Ældre');
    expect(unitNames(tree, [])).toBe('–');
  });

  it('has its own address', () => {
    expect(parseRoute(USERS_PATH, '')).toEqual({ page: 'users' });
    expect(routeHref({ page: 'users' })).toBe('/brugere');
  });
});
