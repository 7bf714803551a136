import { pageUrl } from '../../../lib/api-typed';

/** The month's PDF report of a unit (GET /report): a download the browser fetches with the session cookie. */
export const reportUrl = (org: string, period: string): string => pageUrl('/report', { query: { org, period } });
