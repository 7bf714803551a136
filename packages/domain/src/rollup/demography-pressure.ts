import { periodRange } from '../period.ts';
import { emptyRow, type RollupRow } from './types.ts';

/** Next year's pressure, totalled over the areas counted in the total (demographicPressure's totals). */
export interface NextYearPressure {
  /** the latest year with actual counts */
  currentYear: number;
  atOwnUnitCost: number | null;
  atBenchmarkUnitCost: number | null;
  /** areas whose own unit cost priced the change */
  areasPriced: number;
  areasPricedAtBenchmark: number;
}

/**
 * demography_pressure and demography_pressure_benchmark at the root for every month of the current
 * year: the expenditure change the coming year's ages bring, as known in that year; `batchId` is the
 * population delivery behind it (the tile's "data pr.").
 */
export function demographyPressureRollups(
  pressure: NextYearPressure | null,
  rootOrgId: string,
  batchId: number | null,
): RollupRow[] {
  if (!pressure) return [];
  const rows: RollupRow[] = [];
  const { currentYear: year } = pressure;
  for (const period of periodRange(`${year}-01`, `${year}-12`)) {
    if (pressure.atOwnUnitCost !== null) {
      const value = pressure.atOwnUnitCost;
      rows.push({
        ...emptyRow(rootOrgId, period, 'demography_pressure'),
        value,
        numerator: value,
        n: pressure.areasPriced,
        batchId,
      });
    }
    if (pressure.atBenchmarkUnitCost !== null) {
      const value = pressure.atBenchmarkUnitCost;
      rows.push({
        ...emptyRow(rootOrgId, period, 'demography_pressure_benchmark'),
        value,
        numerator: value,
        n: pressure.areasPricedAtBenchmark,
        batchId,
      });
    }
  }
  return rows;
}
