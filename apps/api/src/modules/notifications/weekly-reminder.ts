import { findKpi, formatDate, formatKpiValue, formatMonthLong } from '@lis/domain';
import { missingExplanations, overdueActions, responsibleUnits } from '../explanations/explanations.service.ts';
import * as repo from './notifications.repository.ts';
import type { Notifier } from './notifications.service.ts';
import { kpiLink } from './red-figures.ts';

/** The ISO week of a day, e.g. 2026-W49: a reminder is sent once per week. */
function isoWeek(day: Date): string {
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Sends each chef the figures of their units that miss an explanation and their overdue actions,
 * once per week (the first server or `lis notify reminders` to record the week sends). Returns
 * how many e-mails went, or null when this week's were sent already.
 */
export async function sendWeeklyReminders(notifier: Notifier, today: Date = new Date()): Promise<number | null> {
  const { store, municipality } = notifier;
  const publicUrl = notifier.config.publicUrl;
  const ctx = { db: store.db, municipality };
  if (!(await repo.claimSending(store.db, municipality, 'weekly_reminder', isoWeek(today)))) return null;
  const day = today.toISOString().slice(0, 10);
  let sent = 0;
  for (const chef of await repo.reachableChefs(store.db, municipality, 'weekly_reminder')) {
    const units = await responsibleUnits(ctx, chef.orgIds);
    const missing = await missingExplanations(ctx, { visible: units, period: null });
    const overdue = await overdueActions(ctx, { visible: units, today: day });
    if (missing.items.length === 0 && overdue.length === 0) continue;
    const period = missing.period ?? '';
    const lines = [`Hej ${chef.displayName}`, ''];
    if (missing.items.length > 0) {
      lines.push(`Disse tal for ${formatMonthLong(period)} mangler en forklaring:`, '');
      for (const item of missing.items) {
        const kpi = findKpi(item.kpiId);
        const value = kpi ? formatKpiValue(item.value, kpi) : String(item.value);
        lines.push(`- ${kpi?.name ?? item.kpiId}, ${item.orgName}: ${value} (${item.status === 'red' ? 'rød' : 'gul'})`);
        lines.push(`  ${kpiLink(publicUrl, { kpiId: item.kpiId, orgId: item.orgId, period })}`);
      }
      lines.push('');
    }
    if (overdue.length > 0) {
      lines.push('Disse handlinger er over tid:', '');
      for (const action of overdue) {
        const kpi = findKpi(action.kpiId);
        lines.push(
          `- ${action.action ?? action.text} (${kpi?.name ?? action.kpiId}, ${action.orgName}), frist ${formatDate(action.actionDue)}${action.actionOwner ? `, ansvarlig ${action.actionOwner}` : ''}`,
        );
        lines.push(`  ${kpiLink(publicUrl, action)}`);
      }
      lines.push('');
    }
    lines.push(
      `Du får denne e-mail fra LIS (${publicUrl}) hver uge. Du kan slå den fra i LIS under dit navn øverst til højre, "E-mails".`,
    );
    const counts = [
      missing.items.length > 0 ? `${missing.items.length} tal mangler forklaring` : null,
      overdue.length > 0 ? `${overdue.length} ${overdue.length === 1 ? 'handling' : 'handlinger'} over tid` : null,
    ].filter(Boolean);
    await notifier.send('weekly_reminder', chef, {
      to: chef.email,
      subject: `LIS: ${counts.join(', ')}`,
      text: lines.join('\n'),
    });
    sent++;
  }
  return sent;
}
