import { describe, expect, it } from 'vitest';
import { methodIsGroupMean, methodNote, ownRank } from '../src/benchmark.ts';
import { commonPriceYear, priceBasisText, trendPriceNote, trendYears } from '../src/benchmark-prices.ts';

describe('ownRank', () => {
  // group unit costs: 44.000 44.000 45.000 50.000 (own) 50.000 60.000
  const GROUP = [50_000, 44_000, 60_000, 44_000, 50_000, 45_000];

  it('counts the strictly cheaper ones: two at 44.000 and one at 45.000 are cheaper, so 4th of 6', () => {
    expect(ownRank(50_000, GROUP, true)).toEqual({ position: 4, of: 6, ownInGroup: true });
  });

  it('gives a tie the better place: 44.000 ties the two cheapest, so 1st', () => {
    expect(ownRank(44_000, GROUP, true).position).toBe(1);
  });

  it('ranks the own municipality among the group plus itself when it is not a member', () => {
    // 6 others; 55.000 is dearer than 5 of them (all but 60.000): 6th of 7
    expect(ownRank(55_000, GROUP, false)).toEqual({ position: 6, of: 7, ownInGroup: false });
  });

  it('is last when dearest and first when cheapest', () => {
    expect(ownRank(61_000, GROUP, false)).toEqual({ position: 7, of: 7, ownInGroup: false });
    expect(ownRank(1, GROUP, false).position).toBe(1);
  });
});

describe('mean of the 5 cheapest with a small group', () => {
  it('is the group mean with 5 or fewer members, and says so', () => {
    expect(methodIsGroupMean('mean_5_cheapest', 5)).toBe(true);
    expect(methodIsGroupMean('mean_5_cheapest', 6)).toBe(false);
    expect(methodIsGroupMean('mean', 3)).toBe(false);
    expect(methodNote('mean_5_cheapest', 4)).toBe(
      'Gruppen har 4 kommuner med tal, så gennemsnittet af de 5 billigste er det samme som gruppens gennemsnit.',
    );
    expect(methodNote('mean_5_cheapest', 6)).toBeNull();
    expect(methodNote('median', 2)).toBeNull();
  });
});

describe('price basis', () => {
  it('names the one price year, and never guesses one', () => {
    expect(commonPriceYear([2016, 2016])).toBe(2016);
    expect(priceBasisText([2016, 2016])).toBe('faste 2016-priser');
    expect(priceBasisText([2016, null])).toBe('prisår ikke oplyst');
    expect(priceBasisText([])).toBe('prisår ikke oplyst');
    expect(priceBasisText([2015, 2016])).toBe('prisår ikke ens for alle kommuner');
  });

  it('takes the latest year and the two before for a trend', () => {
    expect(trendYears(2016)).toEqual([2014, 2015, 2016]);
  });

  it('warns when the years of a trend are in different or unknown price years', () => {
    const point = (priceYear: number | null, hasData = true) => ({ priceYear, hasData });
    expect(trendPriceNote([point(2016), point(2016), point(null, false)])).toBeNull();
    expect(trendPriceNote([point(2014), point(2015), point(2016)])).toBe(
      'Årene er i forskellige prisår (2014, 2015, 2016): udviklingen rummer prisstigninger.',
    );
    expect(trendPriceNote([point(2016), point(null)])).toContain('ikke oplyst');
  });
});
