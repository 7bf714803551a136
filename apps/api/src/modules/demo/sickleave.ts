/**
 * sickleave: one row per staffed enhed and month, hours in the shape of a payroll export.
 * Own sickness = short spells (seasonal, more in January–March) + long spells (over 29 days,
 * lasting 2–6 months, a few per unit and year), so long_term_hours ≤ own_sickness_hours holds by
 * construction. Child sickness and parental leave are shown separately and left empty for the
 * few units whose payroll system does not deliver them.
 */
import { MONTHS } from './calendar.ts';
import { decimalComma, dstMonth } from './format.ts';
import { type DemoUnit, roleOf } from './organisation.ts';
import type { Random } from './random.ts';
import type { Headcounts } from './staffing.ts';

/** normed monthly hours of one full-time employee: 37 h × 52 weeks / 12 */
const NORM_HOURS_PER_FTE = 160.33;
const HOURS_PER_DAY = 7.4;
/** short-term sickness as a share of planned hours for an average unit */
const SHORT_TERM_RATE = 0.025;
/** long spells begun per employee and month for an average unit */
const LONG_SPELL_START_RATE = 0.0065;
/** parental leaves begun per employee and month for an average unit */
const PARENTAL_START_RATE = 0.0028;
/** January … December: colds and influenza in winter, holidays in July */
const SEASON = [1.25, 1.3, 1.15, 1, 0.9, 0.85, 0.65, 0.85, 0.95, 1, 1.05, 1.05];
/** the 2016 strategy put sick leave on the agenda */
const YEAR_LEVEL: Readonly<Record<number, number>> = { 2014: 1.04, 2015: 1, 2016: 0.95 };

interface UnitState {
  unit: DemoUnit;
  random: Random;
  level: number;
  fteRatio: number;
  deliversOptional: boolean;
  longSpells: { monthsLeft: number; partTime: boolean; first: boolean }[];
  parentalLeaves: number[];
}

export function* sickleaveRows(units: readonly DemoUnit[], headcounts: Headcounts, random: Random): Generator<string[]> {
  const states: UnitState[] = units
    .filter((u) => headcounts.has(u.id))
    .map((unit) => {
      const r = random.fork(unit.id);
      return {
        unit,
        random: r,
        level: r.logNormal(1, 0.18),
        fteRatio: Math.min(0.99, roleOf(unit).fteRatio + r.normal(0, 0.02)),
        deliversOptional: !r.chance(0.07),
        longSpells: [],
        parentalLeaves: [],
      };
    })
    .map(warmUp);
  for (const [i, { year, month }] of MONTHS.entries()) {
    for (const state of states) {
      const headcount = headcounts.get(state.unit.id)?.[i];
      if (headcount === null || headcount === undefined) continue;
      yield row(state, headcount, year, month);
    }
  }
}

/**
 * Runs a year of spell starts before 2014-01, so the first months already carry the long spells
 * and parental leaves that began in 2013 (otherwise sick leave would start artificially low).
 */
function warmUp(state: UnitState): UnitState {
  const { random: r, unit } = state;
  const role = roleOf(unit);
  for (let month = 0; month < 12; month++) {
    for (let k = r.poisson(unit.staff * LONG_SPELL_START_RATE * role.sickness); k > 0; k--) {
      state.longSpells.push({ monthsLeft: r.int(2, 6), partTime: r.chance(0.3), first: false });
    }
    for (let k = r.poisson(unit.staff * PARENTAL_START_RATE * role.family); k > 0; k--) state.parentalLeaves.push(r.int(6, 11));
    state.longSpells = state.longSpells.map((s) => ({ ...s, monthsLeft: s.monthsLeft - 1 })).filter((s) => s.monthsLeft > 0);
    state.parentalLeaves = state.parentalLeaves.map((m) => m - 1).filter((m) => m > 0);
  }
  return state;
}

function row(state: UnitState, headcount: number, year: number, month: number): string[] {
  const { random: r } = state;
  const role = roleOf(state.unit);
  const season = SEASON[month - 1] ?? 1;
  const fte = round2(headcount * (state.fteRatio + r.normal(0, 0.005)));
  const planned = round2(fte * NORM_HOURS_PER_FTE);
  const perPerson = planned / headcount;

  const longStarts = r.poisson(headcount * LONG_SPELL_START_RATE * role.sickness * season);
  for (let k = 0; k < longStarts; k++) state.longSpells.push({ monthsLeft: r.int(2, 6), partTime: r.chance(0.3), first: true });
  let longTerm = 0;
  for (const spell of state.longSpells) {
    longTerm += perPerson * (spell.first ? r.uniform(0.2, 0.7) : spell.partTime ? 0.5 : 1);
    spell.first = false;
    spell.monthsLeft--;
  }
  state.longSpells = state.longSpells.filter((s) => s.monthsLeft > 0);
  longTerm = Math.min(longTerm, planned * 0.6);

  const yearLevel = YEAR_LEVEL[year] ?? 1;
  let shortTerm = planned * SHORT_TERM_RATE * role.sickness * state.level * season * yearLevel * r.logNormal(1, 0.3);
  shortTerm = Math.min(shortTerm, planned * 0.8 - longTerm);
  const injury = r.chance(Math.min(0.5, 0.035 * role.injury * (headcount / 20)))
    ? Math.min(HOURS_PER_DAY * r.int(1, 8), planned * 0.15)
    : 0;

  for (let k = r.poisson(headcount * PARENTAL_START_RATE * role.family); k > 0; k--) state.parentalLeaves.push(r.int(6, 11));
  const parental = Math.min(state.parentalLeaves.length * perPerson, planned * 0.6);
  state.parentalLeaves = state.parentalLeaves.map((m) => m - 1).filter((m) => m > 0);
  const child = planned * 0.0045 * role.family * (0.6 + 0.4 * season) * r.logNormal(1, 0.5);
  const spells = r.poisson(shortTerm / (HOURS_PER_DAY * 2.3)) + longStarts;

  const own = round2(shortTerm + longTerm);
  const hours = (h: number) => decimalComma(round2(h));
  return [
    dstMonth(year, month),
    state.unit.id,
    String(headcount),
    decimalComma(fte),
    decimalComma(planned),
    decimalComma(own),
    hours(injury),
    // own ≥ longTerm before rounding, and rounding keeps the order
    hours(Math.min(longTerm, own + injury)),
    state.deliversOptional ? hours(child) : '',
    state.deliversOptional ? hours(parental) : '',
    String(spells),
  ];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
