import { AGE_BANDS, MAX_AGE } from '@lis/contracts';
import type { RowError } from './errors.ts';
import type { StoredValue } from './validate-row.ts';

type Problem = Omit<RowError, 'line'>;

const SINGLE_AGE = /^(0|[1-9]\d{0,2})$/;
const isAge = (age: string) => (SINGLE_AGE.test(age) && Number(age) <= MAX_AGE) || (AGE_BANDS as readonly string[]).includes(age);

/**
 * The population feed's rules (docs/feeds.md): an age is a single year or one of the bands, and a
 * forecast names its vintage while an actual count has none (the key tells forecasts apart by it).
 */
export function populationRule(row: Readonly<Record<string, StoredValue>>): readonly Problem[] {
  const problems: Problem[] = [];
  const { age, kind, vintage } = row;
  if (typeof age === 'string' && !isAge(age)) {
    problems.push({
      column: 'age',
      value: age,
      message: `er ikke en alder 0–${MAX_AGE} eller et af aldersbåndene ${AGE_BANDS.join(', ')}`,
    });
  }
  if (kind === 'forecast' && vintage === null) {
    problems.push({ column: 'vintage', value: null, message: 'skal udfyldes for en prognose (fx "prognose 2016")' });
  }
  if (kind === 'actual' && typeof vintage === 'string') {
    problems.push({ column: 'vintage', value: vintage, message: 'skal være tom for faktiske tal (kind actual)' });
  }
  return problems;
}
