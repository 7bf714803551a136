/**
 * Monthly headcount per enhed: stable around the unit's usual size with small changes (people
 * leave and are hired), never above a unit's cap. Sick leave and the MUS indicator share it.
 */
import { MONTHS } from './calendar.ts';
import { type DemoUnit, existsIn } from './organisation.ts';
import type { Random } from './random.ts';

/** headcount per month index of MONTHS; null while the unit does not exist */
export type Headcounts = ReadonlyMap<string, readonly (number | null)[]>;

export function demoHeadcounts(units: readonly DemoUnit[], random: Random): Headcounts {
  const result = new Map<string, (number | null)[]>();
  for (const u of units) {
    if (u.level !== 'enhed' || u.staff === 0) continue;
    const r = random.fork(u.id);
    const spread = u.staff < 10 ? 1 : Math.max(2, Math.round(u.staff * 0.06));
    const max = Math.min(u.staff + spread, u.maxStaff ?? Number.POSITIVE_INFINITY);
    const min = Math.max(1, u.staff - spread);
    let headcount = u.staff;
    result.set(
      u.id,
      MONTHS.map(({ year, month }) => {
        if (!existsIn(u, year, month)) return null;
        if (r.chance(0.18)) headcount = clamp(headcount + (r.chance(0.5) ? 1 : -1), min, max);
        return headcount;
      }),
    );
  }
  return result;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
