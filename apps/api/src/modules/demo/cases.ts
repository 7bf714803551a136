/**
 * cases: about 20.000 cases received 2014–2016 by the visitation, assistive-devices and building
 * units. Durations are right-skewed (log-normal): most cases are decided within the deadline,
 * some take far longer. Building cases carry `complete` (fully documented), from which their
 * duration counts. Cases not decided by the extraction date (end of 2016) are delivered open.
 * A few stories for the demo: building cases slow down in the second half of 2015 (staff
 * shortage), visitation gets faster in 2016, everything is slower over the summer holidays.
 */
import { dayNumber, daysInMonth, MONTHS, toWorkingDay, weekday } from './calendar.ts';
import { deadlineOn } from './case-types.ts';
import { danishDate } from './format.ts';
import type { Random } from './random.ts';

/** the day the case system was extracted: later decisions are not known yet */
const EXTRACTED = dayNumber(2016, 12, 31);

type Season = readonly number[];
const WINTER_PEAK: Season = [1.15, 1.1, 1.05, 1, 0.95, 0.9, 0.85, 0.95, 1, 1, 1, 1.05];
const SPRING_PEAK: Season = [0.7, 0.8, 1.1, 1.3, 1.3, 1.2, 0.8, 1, 1.1, 1, 0.9, 0.8];
const EVEN: Season = [1, 1, 1, 1, 1, 1, 0.9, 1, 1, 1, 1, 1];
/** more applications each year as the population ages */
const VOLUME: Readonly<Record<number, number>> = { 2014: 0.97, 2015: 1, 2016: 1.03 };

interface Flow {
  orgId: string;
  caseType: string;
  perYear: number;
  season: Season;
  /** median duration as a share of the deadline */
  medianShare: number;
  sigma: number;
  building?: boolean;
}

const VISITATION_EAST = '351010';
const VISITATION_WEST = '351020';
const AIDS = '351030';
const AIDS_DEPOT = '351040';
const BUILDING_HOMES = '441010';
const BUILDING_BUSINESS = '441020';

const FLOWS: readonly Flow[] = [
  { orgId: VISITATION_EAST, caseType: 'SEL83P', perYear: 700, season: WINTER_PEAK, medianShare: 0.42, sigma: 0.8 },
  { orgId: VISITATION_EAST, caseType: 'SEL83H', perYear: 650, season: WINTER_PEAK, medianShare: 0.5, sigma: 0.6 },
  { orgId: VISITATION_EAST, caseType: 'PLEJEBOLIG', perYear: 95, season: WINTER_PEAK, medianShare: 0.55, sigma: 0.5 },
  { orgId: VISITATION_WEST, caseType: 'SEL83P', perYear: 560, season: WINTER_PEAK, medianShare: 0.48, sigma: 0.85 },
  { orgId: VISITATION_WEST, caseType: 'SEL83H', perYear: 520, season: WINTER_PEAK, medianShare: 0.58, sigma: 0.6 },
  { orgId: VISITATION_WEST, caseType: 'PLEJEBOLIG', perYear: 80, season: WINTER_PEAK, medianShare: 0.6, sigma: 0.5 },
  { orgId: AIDS, caseType: 'SEL112', perYear: 1250, season: EVEN, medianShare: 0.55, sigma: 0.6 },
  { orgId: AIDS, caseType: 'SEL113', perYear: 240, season: EVEN, medianShare: 0.5, sigma: 0.6 },
  { orgId: AIDS, caseType: 'SEL116', perYear: 240, season: EVEN, medianShare: 0.6, sigma: 0.55 },
  { orgId: AIDS, caseType: 'SEL114', perYear: 80, season: EVEN, medianShare: 0.7, sigma: 0.45 },
  { orgId: AIDS_DEPOT, caseType: 'SEL112', perYear: 1000, season: EVEN, medianShare: 0.3, sigma: 0.7 },
  {
    orgId: BUILDING_HOMES,
    caseType: 'BYG-EN',
    perYear: 980,
    season: SPRING_PEAK,
    medianShare: 0.55,
    sigma: 0.55,
    building: true,
  },
  {
    orgId: BUILDING_HOMES,
    caseType: 'BYG-ETAGE',
    perYear: 30,
    season: SPRING_PEAK,
    medianShare: 0.6,
    sigma: 0.5,
    building: true,
  },
  {
    orgId: BUILDING_BUSINESS,
    caseType: 'BYG-ERHV',
    perYear: 120,
    season: SPRING_PEAK,
    medianShare: 0.55,
    sigma: 0.5,
    building: true,
  },
  {
    orgId: BUILDING_BUSINESS,
    caseType: 'BYG-KONTOR',
    perYear: 40,
    season: SPRING_PEAK,
    medianShare: 0.6,
    sigma: 0.5,
    building: true,
  },
];

interface DemoCase {
  orgId: string;
  caseType: string;
  received: number;
  complete: number | null;
  decided: number | null;
}

export function* caseRows(random: Random): Generator<string[]> {
  const cases = FLOWS.flatMap((flow, i) => flowCases(flow, random.fork(`${i}/${flow.orgId}/${flow.caseType}`)));
  // the case system numbers cases in the order they arrive, per year
  cases.sort((a, b) => a.received - b.received || a.orgId.localeCompare(b.orgId) || a.caseType.localeCompare(b.caseType));
  const serial = new Map<number, number>();
  for (const c of cases) {
    const year = new Date(c.received * 86_400_000).getUTCFullYear();
    const n = (serial.get(year) ?? 0) + 1;
    serial.set(year, n);
    yield [
      `S${String(year).slice(2)}-${String(n).padStart(5, '0')}`,
      c.orgId,
      c.caseType,
      danishDate(c.received),
      c.complete === null ? '' : danishDate(c.complete),
      c.decided === null ? '' : danishDate(c.decided),
    ];
  }
}

function flowCases(flow: Flow, r: Random): DemoCase[] {
  const cases: DemoCase[] = [];
  for (const { year, month } of MONTHS) {
    const expected = (flow.perYear / 12) * (flow.season[month - 1] ?? 1) * (VOLUME[year] ?? 1);
    for (let k = r.poisson(expected); k > 0; k--) {
      const received = workingDayIn(year, month, r);
      const deadline = deadlineOn(flow.caseType, received);
      // building cases wait for the applicant's documents before the clock starts
      const complete = flow.building ? received + Math.round(r.logNormal(12, 0.9)) : null;
      const start = complete ?? received;
      const median = deadline * flow.medianShare * pace(flow, year, month);
      const decided = toWorkingDay(start + Math.max(0, Math.round(r.logNormal(median, flow.sigma))));
      cases.push({
        orgId: flow.orgId,
        caseType: flow.caseType,
        received,
        complete: complete !== null && complete <= EXTRACTED ? complete : null,
        decided: decided <= EXTRACTED ? decided : null,
      });
    }
  }
  return cases;
}

/** how much slower (> 1) or faster than usual cases received in this month are handled */
function pace(flow: Flow, year: number, month: number): number {
  let factor = month === 6 || month === 7 ? 1.25 : 1;
  if (flow.building && year === 2015 && month >= 6) factor *= 1.45;
  if ((flow.orgId === VISITATION_EAST || flow.orgId === VISITATION_WEST) && year === 2016) factor *= 0.85;
  if (flow.caseType === 'SEL112' && year === 2016 && month >= 7) factor *= 0.85;
  return factor;
}

function workingDayIn(year: number, month: number, r: Random): number {
  for (;;) {
    const day = dayNumber(year, month, r.int(1, daysInMonth(year, month)));
    const wd = weekday(day);
    if (wd !== 0 && wd !== 6) return day;
  }
}
