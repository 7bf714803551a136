import { addMonths } from '@lis/domain';

/**
 * The months a version of a unit holds in ('YYYY-MM', null = open). A month belongs to the tree
 * of its first day (docs/adr/0011-organisation-over-time.md): a version from the 15th holds from
 * the next month, a version to the 15th holds in that month.
 */
export interface MonthSpan {
  from: string | null;
  to: string | null;
}

export function monthsOfVersion(validFrom: string | null, validTo: string | null): MonthSpan {
  const from =
    validFrom === null ? null : validFrom.endsWith('-01') ? validFrom.slice(0, 7) : addMonths(validFrom.slice(0, 7), 1);
  return { from, to: validTo === null ? null : validTo.slice(0, 7) };
}

export const isEmptySpan = (span: MonthSpan) => span.from !== null && span.to !== null && span.from > span.to;

export const spanHolds = (span: MonthSpan, month: string) =>
  (span.from === null || span.from <= month) && (span.to === null || month <= span.to);

export const spanText = (span: MonthSpan) => `${span.from ?? 'altid'} – ${span.to ?? 'fremover'}`;
