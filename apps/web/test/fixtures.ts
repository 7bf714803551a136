import type { Breakdown, OrgUnit, Series } from '@lis/contracts';

export const unit = (id: string, parentId: string | null, name: string, level: OrgUnit['level']): OrgUnit => ({
  id,
  parentId,
  name,
  level,
  validFrom: null,
  validTo: null,
});

export const ORG_UNITS: OrgUnit[] = [
  unit('2200', '2000', 'Skole', 'afdeling'),
  unit('849', null, 'Jammerbugt Kommune', 'kommune'),
  unit('221010', '2200', 'Aabybro Skole', 'enhed'),
  unit('2000', '849', 'Børne- og Familieforvaltningen', 'forvaltning'),
  unit('2100', '2000', 'Dagtilbud', 'afdeling'),
  unit('1000', '849', 'Økonomi og Personale', 'forvaltning'),
];

type Point = Series['points'][number];

export const point = (period: string, value: number | null, target: number | null, extra: Partial<Point> = {}): Point => ({
  period,
  value,
  target,
  tolerance: target === null ? null : 0.1,
  status: value === null ? 'no_data' : 'green',
  sameMonthLastYear: null,
  n: null,
  ...extra,
});

type Item = Breakdown['items'][number];

export const item = (id: string, name: string, value: number | null, extra: Partial<Item> = {}): Item => ({
  org: unit(id, '2000', name, 'afdeling'),
  value,
  target: 4.5,
  status: value === null ? 'no_data' : value > 4.5 ? 'red' : 'green',
  n: null,
  suppressedReason: null,
  ...extra,
});

export const SUPPRESSED_REASON = 'Diskretioneret: færre end 5 medarbejdere i enheden.';
