import { describe, expect, it } from 'vitest';
import { savesPeerGroups } from '../src/features/benchmark/lib/peer-group-rights';

describe('who sees "Gem listen"', () => {
  it('shows it to the roles the API lets save peer groups, and to nobody before the user is known', () => {
    expect(['admin', 'direktion', 'oekonom', 'chef', 'feeder'].filter((role) => savesPeerGroups(role as 'admin'))).toEqual([
      'admin',
      'oekonom',
    ]);
    expect(savesPeerGroups(undefined)).toBe(false);
  });
});
