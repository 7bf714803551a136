/**
 * case_types: the published deadlines (Retssikkerhedsloven § 3, stk. 2) and the national service
 * goals for building cases, in calendar days. Two deadlines change during the period, so the
 * deadline that applies depends on when a case was received.
 */
import { parseIsoDay } from './calendar.ts';

interface CaseTypeRow {
  id: string;
  name: string;
  deadlineDays: number;
  legalBasis: string;
  /** ISO date; null = since before the demo period */
  validFrom: string | null;
}

const RSL = 'Retssikkerhedsloven § 3, stk. 2';
const BUILDING_GOAL = 'Servicemål for byggesagsbehandling (KL og regeringen)';

const CASE_TYPES: readonly CaseTypeRow[] = [
  { id: 'SEL112', name: 'Hjælpemidler (SEL § 112)', deadlineDays: 56, legalBasis: `${RSL}; serviceloven § 112`, validFrom: null },
  // tightened from 8 to 6 weeks as part of the 2016 strategy's focus on case-processing times
  {
    id: 'SEL112',
    name: 'Hjælpemidler (SEL § 112)',
    deadlineDays: 42,
    legalBasis: `${RSL}; serviceloven § 112`,
    validFrom: '2016-07-01',
  },
  {
    id: 'SEL113',
    name: 'Forbrugsgoder (SEL § 113)',
    deadlineDays: 56,
    legalBasis: `${RSL}; serviceloven § 113`,
    validFrom: null,
  },
  {
    id: 'SEL116',
    name: 'Boligindretning (SEL § 116)',
    deadlineDays: 168,
    legalBasis: `${RSL}; serviceloven § 116`,
    validFrom: null,
  },
  {
    id: 'SEL114',
    name: 'Bil til personer med handicap (SEL § 114)',
    deadlineDays: 182,
    legalBasis: `${RSL}; serviceloven § 114`,
    validFrom: null,
  },
  { id: 'SEL83P', name: 'Personlig pleje (SEL § 83)', deadlineDays: 7, legalBasis: `${RSL}; serviceloven § 83`, validFrom: null },
  { id: 'SEL83H', name: 'Praktisk hjælp (SEL § 83)', deadlineDays: 28, legalBasis: `${RSL}; serviceloven § 83`, validFrom: null },
  {
    id: 'SEL83H',
    name: 'Praktisk hjælp (SEL § 83)',
    deadlineDays: 21,
    legalBasis: `${RSL}; serviceloven § 83`,
    validFrom: '2015-01-01',
  },
  {
    id: 'PLEJEBOLIG',
    name: 'Plejebolig (plejeboliggarantien)',
    deadlineDays: 56,
    legalBasis: 'Almenboligloven § 58 a',
    validFrom: null,
  },
  {
    id: 'BYG-EN',
    name: 'Byggesag, enfamiliehuse og simple konstruktioner',
    deadlineDays: 40,
    legalBasis: BUILDING_GOAL,
    validFrom: null,
  },
  { id: 'BYG-ERHV', name: 'Byggesag, industri og lager', deadlineDays: 50, legalBasis: BUILDING_GOAL, validFrom: null },
  { id: 'BYG-KONTOR', name: 'Byggesag, kontor og handel', deadlineDays: 55, legalBasis: BUILDING_GOAL, validFrom: null },
  { id: 'BYG-ETAGE', name: 'Byggesag, etageboliger', deadlineDays: 60, legalBasis: BUILDING_GOAL, validFrom: null },
];

/** The deadline that applied on the day a case was received (day number). */
export function deadlineOn(caseType: string, receivedDay: number): number {
  let best: CaseTypeRow | null = null;
  for (const row of CASE_TYPES) {
    if (row.id !== caseType) continue;
    const from = row.validFrom === null ? Number.NEGATIVE_INFINITY : parseIsoDay(row.validFrom);
    const bestFrom = best?.validFrom ? parseIsoDay(best.validFrom) : Number.NEGATIVE_INFINITY;
    if (from <= receivedDay && (best === null || from >= bestFrom)) best = row;
  }
  if (!best) throw new Error(`no deadline for ${caseType}`);
  return best.deadlineDays;
}

export function* caseTypeRows(): Generator<string[]> {
  for (const t of CASE_TYPES) yield [t.id, t.name, String(t.deadlineDays), t.legalBasis, t.validFrom ?? ''];
}
