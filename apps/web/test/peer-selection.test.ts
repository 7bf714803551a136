import { describe, expect, it } from 'vitest';
import type { PeerGroup } from '../src/features/benchmark/api/peer-groups';
import { CUSTOM, codesOf, peersForChoice, savedGroupOf, selectValue } from '../src/features/benchmark/lib/peer-selection';

const GROUPS: PeerGroup[] = [
  { name: 'kora', municipalities: ['787', '810', '820', '860'], builtIn: true, description: 'KORA-nabokommuner' },
  { name: 'Vest', municipalities: ['860', '787'], builtIn: false, description: '' },
  { name: 'kora kopi', municipalities: ['849', '810'], builtIn: false, description: '' },
];
const OWN = '849';

describe('peer selection', () => {
  it('shows a built-in or saved group as itself and a list of codes as the own list', () => {
    expect(selectValue('kora')).toBe('kora');
    expect(selectValue('saved:Vest')).toBe('saved:Vest');
    // a list that happens to hold a saved group's codes is still an own list: the URL says codes
    expect(selectValue('787,860')).toBe(CUSTOM);
  });

  it('finds the saved group a name points at, and none for another kind or a name that is gone', () => {
    expect(savedGroupOf('saved:Vest', GROUPS)?.municipalities).toEqual(['860', '787']);
    expect(savedGroupOf('saved:kora', GROUPS)).toBeNull(); // built-in groups are not saved ones
    expect(savedGroupOf('saved:Slettet', GROUPS)).toBeNull();
    expect(savedGroupOf('787,860', GROUPS)).toBeNull();
  });

  it('asks for a saved group by its name', () => {
    expect(peersForChoice('saved:Vest', 'kora', GROUPS, OWN)).toBe('saved:Vest');
    expect(peersForChoice('region', 'saved:Vest', GROUPS, OWN)).toBe('region');
  });

  it('starts the own list from the group shown, without the own municipality', () => {
    expect(codesOf('saved:Vest', GROUPS)).toEqual(['860', '787']);
    expect(peersForChoice(CUSTOM, 'saved:Vest', GROUPS, OWN)).toBe('787,860');
    expect(peersForChoice(CUSTOM, 'saved:kora kopi', GROUPS, OWN)).toBe('810');
    expect(peersForChoice(CUSTOM, 'kora', GROUPS, OWN)).toBe('787,810,820,860');
    // members not known (yet): stay with what is shown
    expect(peersForChoice(CUSTOM, 'saved:Slettet', GROUPS, OWN)).toBe('saved:Slettet');
  });
});
