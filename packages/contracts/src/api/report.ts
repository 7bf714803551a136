import { Type } from 'typebox';
import { BreakdownQuery } from './indicators.ts';

/** The month's report of a unit (GET /report): the unit and the month, as the breakdown takes them. */
export const ReportQuery = Type.Pick(BreakdownQuery, ['org', 'period']);

export const REPORT_MEDIA_TYPE = 'application/pdf';

/** The report's file, as a PDF. */
export const ReportPdf = Type.String({
  format: 'binary',
  description:
    'A4 landscape: front page with the status strip, the unit and its children × KPIs, the red and yellow figures with their explanations, actions and 13-month charts',
});

/** The file a report downloads as: lis-rapport-<org>-<YYYY-MM>.pdf */
export const reportFileName = (orgId: string, period: string) => `lis-rapport-${orgId}-${period}.pdf`;
