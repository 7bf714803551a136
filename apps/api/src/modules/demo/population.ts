/**
 * Approximate inhabitants of the 98 municipalities around 2016 (rounded, from memory of
 * Danmarks Statistik's FOLK1A; good enough for plausible target populations, not a source) and
 * age-group shares that follow the DST municipality group: cities are young, rural
 * municipalities and small islands old.
 */

/** thousands of inhabitants, 2016 */
// biome-ignore format: a table reads better ten to a line
const INHABITANTS_K: Readonly<Record<string, number>> = {
  '101': 591, '147': 104, '151': 48, '153': 35, '155': 14, '157': 75, '159': 68, '161': 22, '163': 28, '165': 28,
  '167': 53, '169': 50, '173': 55, '175': 38, '183': 22, '185': 43, '187': 16, '190': 40, '201': 25, '210': 40,
  '217': 62, '219': 50, '223': 25, '230': 56, '240': 43, '250': 45, '253': 49, '259': 59, '260': 31, '265': 86,
  '269': 22, '270': 41, '306': 33, '316': 70, '320': 36, '326': 49, '329': 34, '330': 78, '336': 22, '340': 29,
  '350': 27, '360': 42, '370': 82, '376': 61, '390': 45, '400': 40, '410': 38, '420': 41, '430': 51, '440': 24,
  '450': 32, '461': 200, '479': 58, '480': 29, '482': 12.6, '492': 6.2, '510': 56, '530': 26.5, '540': 75, '550': 38,
  '561': 115, '563': 3.3, '573': 50, '575': 42.5, '580': 59, '607': 51, '615': 88, '621': 92, '630': 112, '657': 88,
  '661': 58, '665': 20, '671': 21.5, '706': 42, '707': 37.5, '710': 48, '727': 22.5, '730': 97, '740': 91, '741': 3.7,
  '746': 60, '751': 335, '756': 41, '760': 57, '766': 46, '773': 21, '779': 46.5, '787': 44, '791': 95, '810': 36,
  '813': 60.5, '820': 37, '825': 1.8, '840': 29.5, '846': 42, '849': 38.4, '851': 210, '860': 65,
};

/** yearly population change: the big cities grow, the rural municipalities shrink slowly */
const GROWTH_BY_GROUP: Readonly<Record<number, number>> = { 1: 0.009, 2: 0.014, 3: 0.006, 4: 0.003, 5: -0.003 };

export interface AgeShares {
  age0to5: number;
  age6to16: number;
  age18to64: number;
  age65plus: number;
}

const SHARES_BY_GROUP: Readonly<Record<number, AgeShares>> = {
  1: { age0to5: 0.069, age6to16: 0.128, age18to64: 0.6, age65plus: 0.19 },
  2: { age0to5: 0.07, age6to16: 0.115, age18to64: 0.65, age65plus: 0.15 },
  3: { age0to5: 0.064, age6to16: 0.132, age18to64: 0.59, age65plus: 0.2 },
  4: { age0to5: 0.06, age6to16: 0.14, age18to64: 0.57, age65plus: 0.215 },
  5: { age0to5: 0.055, age6to16: 0.13, age18to64: 0.56, age65plus: 0.24 },
};

/** where the group average is far off */
const SHARE_OVERRIDES: Readonly<Record<string, AgeShares>> = {
  '101': { age0to5: 0.074, age6to16: 0.085, age18to64: 0.74, age65plus: 0.1 },
  '147': { age0to5: 0.07, age6to16: 0.09, age18to64: 0.72, age65plus: 0.12 },
  '849': { age0to5: 0.052, age6to16: 0.131, age18to64: 0.567, age65plus: 0.228 },
  '825': { age0to5: 0.03, age6to16: 0.09, age18to64: 0.5, age65plus: 0.36 },
  '741': { age0to5: 0.035, age6to16: 0.1, age18to64: 0.52, age65plus: 0.33 },
  '492': { age0to5: 0.035, age6to16: 0.1, age18to64: 0.52, age65plus: 0.33 },
  '563': { age0to5: 0.045, age6to16: 0.12, age18to64: 0.53, age65plus: 0.29 },
  '482': { age0to5: 0.038, age6to16: 0.105, age18to64: 0.52, age65plus: 0.32 },
};

export function inhabitants(code: string, group: number, year: number): number {
  const k = INHABITANTS_K[code];
  if (k === undefined) throw new Error(`no population for municipality ${code}`);
  return Math.round(k * 1000 * (1 + (GROWTH_BY_GROUP[group] ?? 0)) ** (year - 2016));
}

export function ageShares(code: string, group: number): AgeShares {
  const shares = SHARE_OVERRIDES[code] ?? SHARES_BY_GROUP[group];
  if (!shares) throw new Error(`no age shares for group ${group}`);
  return shares;
}
