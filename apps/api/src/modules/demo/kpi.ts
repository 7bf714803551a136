/**
 * kpi: the indicators of the catalogue that are delivered rather than computed (sourceFeed 'kpi'):
 * - wellbeing_score: the yearly workplace survey in November, per staffed enhed: sum of the
 *   respondents' scores (0–100) and the number of respondents
 * - development_talks_pct: monthly, employees who had their MUS in the last 12 months / employees;
 *   dips before the spring MUS season
 * - citizen_satisfaction_pct: quarterly user survey in the units that serve citizens
 * - promises_kept_pct: per forvaltning, the political initiatives due so far this year and those
 *   delivered on time (a year-to-date state, hence on the forvaltning itself)
 */
import { MONTHS, YEARS } from './calendar.ts';
import { isoMonth } from './format.ts';
import { type DemoUnit, roleOf } from './organisation.ts';
import type { Random } from './random.ts';
import type { Headcounts } from './staffing.ts';

const SURVEY_MONTH = 11;
const QUARTER_ENDS = new Set([3, 6, 9, 12]);
/** the organisation-wide wellbeing level each year (the strategy's "good workplace") */
const WELLBEING_LEVEL: Readonly<Record<number, number>> = { 2014: 72.5, 2015: 73.5, 2016: 75 };
/** January … December: last year's talks expire before this year's MUS season in March–May */
const MUS_SEASON = [0, -0.03, -0.06, -0.04, 0, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0];

export function* kpiRows(units: readonly DemoUnit[], headcounts: Headcounts, random: Random): Generator<string[]> {
  const staffed = units.filter((u) => headcounts.has(u.id));
  const profiles = new Map(
    staffed.map((u) => {
      const r = random.fork(u.id);
      const care = roleOf(u).sickness > 1.2;
      return [
        u.id,
        {
          r,
          wellbeing: r.normal(care ? -2 : 0.5, 3.5),
          musLevel: r.uniform(0.86, 0.99),
          satisfaction: r.uniform(0.78, 0.93),
        },
      ];
    }),
  );
  const promises = forvaltningPromises(units, random.fork('promises'));

  for (const [i, { year, month }] of MONTHS.entries()) {
    const period = isoMonth(year, month);
    for (const [orgId, byMonth] of promises) {
      const due = byMonth(year, month);
      if (due.total > 0) yield [period, orgId, 'promises_kept_pct', String(due.kept), String(due.total)];
    }
    for (const u of staffed) {
      const headcount = headcounts.get(u.id)?.[i];
      const p = profiles.get(u.id);
      if (headcount === null || headcount === undefined || !p) continue;
      const { r } = p;
      const mus = Math.min(1, Math.max(0.5, p.musLevel + (MUS_SEASON[month - 1] ?? 0) + r.normal(0, 0.015)));
      yield [period, u.id, 'development_talks_pct', String(Math.round(mus * headcount)), String(headcount)];
      if (month === SURVEY_MONTH) {
        const responses = Math.max(1, Math.round(headcount * r.uniform(0.72, 0.95)));
        const mean = Math.min(95, Math.max(40, (WELLBEING_LEVEL[year] ?? 74) + p.wellbeing + r.normal(0, 1.5)));
        yield [period, u.id, 'wellbeing_score', String(Math.round(mean * responses)), String(responses)];
      }
      if (roleOf(u).survey && QUARTER_ENDS.has(month)) {
        const responses = Math.round(r.uniform(20, 40) + headcount * r.uniform(0.8, 1.6));
        const share = Math.min(1, Math.max(0.5, p.satisfaction + r.normal(0, 0.025)));
        yield [period, u.id, 'citizen_satisfaction_pct', String(Math.round(share * responses)), String(responses)];
      }
    }
  }
}

type PromisesDue = (year: number, month: number) => { kept: number; total: number };

/** Initiatives of each forvaltning with their deadline month and whether they were kept. */
function forvaltningPromises(units: readonly DemoUnit[], random: Random): Map<string, PromisesDue> {
  const result = new Map<string, PromisesDue>();
  for (const f of units.filter((u) => u.level === 'forvaltning')) {
    const r = random.fork(f.id);
    const reliability = r.uniform(0.78, 0.95);
    const initiatives = new Map<number, { month: number; kept: boolean }[]>();
    for (const year of YEARS) {
      initiatives.set(
        year,
        Array.from({ length: r.int(10, 16) }, () => ({ month: r.int(1, 12), kept: r.chance(reliability) })),
      );
    }
    result.set(f.id, (year, month) => {
      const due = (initiatives.get(year) ?? []).filter((x) => x.month <= month);
      return { kept: due.filter((x) => x.kept).length, total: due.length };
    });
  }
  return result;
}
