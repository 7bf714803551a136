import { USAGE_MAX_MONTHS, type UsageMonthTotal, type UsagePageKind, type UsageReport, type UsageRow } from '@lis/contracts';
import { addMonths, periodRange } from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { ancestorPaths, listOrgUnits } from '../org/org.service.ts';
import * as repo from './usage.repository.ts';

/** A span of months the caller asked for that cannot be answered; the route says which parameter. */
export class UsageSpanError extends Error {}

/** The month now in Danish time, 'YYYY-MM'. */
const currentMonth = (now = new Date()): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit' }).format(now);

/** Records that a person viewed a kind of page now (nothing about the page beyond its kind). */
export function recordPageView(ctx: ReadContext, userId: number, page: UsagePageKind, at = new Date()): Promise<void> {
  return repo.insertPageView(ctx.db, { municipality: ctx.municipality, userId, page, at });
}

/** The months asked for, defaulting to the twelve months up to now. */
export function usageSpan(query: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  const to = query.to ?? currentMonth(now);
  const from = query.from ?? addMonths(to, -11);
  if (from > to) throw new UsageSpanError(`from (${from}) is after to (${to})`);
  if (periodRange(from, to).length > USAGE_MAX_MONTHS)
    throw new UsageSpanError(`At most ${USAGE_MAX_MONTHS} months at a time (${from} to ${to})`);
  return { from, to };
}

/** null = the cross-cutting group ("Hele kommunen / tværgående"). */
type GroupId = string | null;

/**
 * Per forvaltning and month: active users (signed in or viewed a page), sign-ins, page views and
 * explanations written on time. A chef belongs to the forvaltning above each of their units
 * (today's tree); everyone else, and a chef of units above any forvaltning, to the cross-cutting
 * group. An explanation belongs to the forvaltning above its unit.
 */
export async function usageReport(ctx: ReadContext, span: { from: string; to: string }): Promise<UsageReport> {
  const months = periodRange(span.from, span.to);
  const until = addMonths(span.to, 1);
  const [users, signIns, pageViews, explanations, units] = await Promise.all([
    repo.usersWithScopes(ctx.db, ctx.municipality),
    repo.signInsByUserMonth(ctx.db, ctx.municipality, span.from, until),
    repo.pageViewsByUserMonth(ctx.db, ctx.municipality, span.from, until),
    repo.explanationsOnTimeByUnitMonth(ctx.db, ctx.municipality, span.from, until),
    listOrgUnits(ctx.db, ctx.municipality),
  ]);
  const forvaltninger = new Map(units.filter((u) => u.level === 'forvaltning').map((u) => [u.id, u.name]));
  const orgIds = [...new Set([...users.flatMap((u) => u.orgIds), ...explanations.map((e) => e.orgId)])];
  const paths = await ancestorPaths(ctx.db, ctx.municipality, orgIds);
  const forvaltningOf = (orgId: string): GroupId => paths.get(orgId)?.find((id) => forvaltninger.has(id)) ?? null;
  const groupsOf = new Map<number, GroupId[]>();
  for (const user of users) {
    const found = new Set<GroupId>();
    if (user.role === 'chef') for (const orgId of user.orgIds) found.add(forvaltningOf(orgId));
    groupsOf.set(user.id, found.size > 0 ? [...found] : [null]);
  }

  const cells = new Map<string, Cell>();
  const cell = (group: GroupId, month: string) => {
    const key = `${group ?? ''}|${month}`;
    if (!cells.has(key)) cells.set(key, newCell());
    return cells.get(key) as Cell;
  };
  const totals = new Map(months.map((month) => [month, newCell()]));
  const add = (counts: repo.UserMonthCount[], field: 'signIns' | 'pageViews') => {
    for (const { userId, month, count } of counts) {
      const total = totals.get(month);
      if (!total) continue;
      for (const target of [total, ...(groupsOf.get(userId) ?? [null]).map((group) => cell(group, month))]) {
        target[field] += count;
        target.users.add(userId);
      }
    }
  };
  add(signIns, 'signIns');
  add(pageViews, 'pageViews');
  for (const { orgId, month, count } of explanations) {
    const total = totals.get(month);
    if (!total) continue;
    total.explanationsOnTime += count;
    cell(forvaltningOf(orgId), month).explanationsOnTime += count;
  }

  const groups: GroupId[] = [
    ...[...forvaltninger.keys()].sort((a, b) => (forvaltninger.get(a) ?? '').localeCompare(forvaltninger.get(b) ?? '', 'da')),
    null,
  ];
  const rows: UsageRow[] = groups.flatMap((group) =>
    months.map((month) => ({
      forvaltning: group === null ? null : { id: group, name: forvaltninger.get(group) ?? group },
      ...counted(month, cells.get(`${group ?? ''}|${month}`) ?? newCell()),
    })),
  );
  return { ...span, months, rows, totals: months.map((month) => counted(month, totals.get(month) ?? newCell())) };
}

interface Cell {
  users: Set<number>;
  signIns: number;
  pageViews: number;
  explanationsOnTime: number;
}
const newCell = (): Cell => ({ users: new Set(), signIns: 0, pageViews: 0, explanationsOnTime: 0 });
const counted = (month: string, c: Cell): UsageMonthTotal => ({
  month,
  activeUsers: c.users.size,
  signIns: c.signIns,
  pageViews: c.pageViews,
  explanationsOnTime: c.explanationsOnTime,
});
