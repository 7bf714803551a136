import { describe, expect, it } from 'vitest';
import { type AccessRule, accessFromClaims, claimValues } from '../src/modules/auth/access-rules.ts';

const rule = (id: number, claim: string, value: string, role: AccessRule['role'], orgIds: string[] = []): AccessRule => ({
  id,
  claim,
  value,
  role,
  orgIds,
  note: null,
});

describe("access from the identity provider's claims", () => {
  const rules = [
    rule(1, 'groups', 'g-chef-skole', 'chef', ['200']),
    rule(2, 'groups', 'g-chef-dagtilbud', 'chef', ['210', '200']),
    rule(3, 'groups', 'g-direktion', 'direktion'),
    rule(4, 'roles', 'LIS.Oekonom', 'oekonom'),
    rule(5, 'groups', 'g-feeder', 'feeder'),
  ];

  it('gives nothing to a person no rule matches', () => {
    expect(accessFromClaims(rules, { groups: ['g-other'], roles: [] })).toBeNull();
    expect(accessFromClaims(rules, {})).toBeNull();
    expect(accessFromClaims([], { groups: ['g-direktion'] })).toBeNull();
  });

  it('gives a chef the units of every matching chef rule, once each', () => {
    expect(accessFromClaims(rules, { groups: ['g-chef-skole', 'g-chef-dagtilbud'] })).toEqual({
      role: 'chef',
      orgIds: ['200', '210'],
      ruleIds: [1, 2],
    });
  });

  it('lets the strongest role win, and a reader of everything has no unit list', () => {
    expect(accessFromClaims(rules, { groups: ['g-chef-skole', 'g-direktion'] })).toEqual({
      role: 'direktion',
      orgIds: null,
      ruleIds: [3],
    });
    expect(accessFromClaims(rules, { groups: ['g-feeder', 'g-chef-skole'] })?.role).toBe('chef');
    expect(accessFromClaims(rules, { groups: ['g-feeder'], roles: 'LIS.Oekonom' })?.role).toBe('oekonom');
  });

  it('reads a claim that is a string or a list, ignoring other kinds of values', () => {
    expect(claimValues({ roles: 'LIS.Oekonom' }, 'roles')).toEqual(['LIS.Oekonom']);
    expect(claimValues({ groups: ['a', 3, null, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ groups: { a: 1 } }, 'groups')).toEqual([]);
    // claim values are compared exactly: an Entra group id in another case is another group
    expect(accessFromClaims(rules, { groups: ['G-DIREKTION'] })).toBeNull();
  });
});
