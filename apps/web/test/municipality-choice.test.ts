import { describe, expect, it } from 'vitest';
import { chosenMunicipality } from '../src/features/auth/lib/municipality-choice';

const JAMMERBUGT = { code: '849', name: 'Jammerbugt' };
const AALBORG = { code: '851', name: 'Aalborg' };

describe('the municipality the sign-in page signs in to', () => {
  it('offers no choice where the install serves one municipality', () => {
    expect(chosenMunicipality([JAMMERBUGT], '851')).toBeUndefined();
    expect(chosenMunicipality([], null)).toBeUndefined();
  });

  it("takes the one this browser chose last while it is served, else the install's own (listed first)", () => {
    expect(chosenMunicipality([JAMMERBUGT, AALBORG], '851')).toEqual(AALBORG);
    expect(chosenMunicipality([JAMMERBUGT, AALBORG], null)).toEqual(JAMMERBUGT);
    expect(chosenMunicipality([JAMMERBUGT, AALBORG], '860')).toEqual(JAMMERBUGT);
  });
});
