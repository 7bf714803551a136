import type { Command } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../config.ts';
import { Notifier } from '../modules/notifications/notifications.service.ts';
import { sendWeeklyReminders } from '../modules/notifications/weekly-reminder.ts';
import { CliError, openLocal } from './backend.ts';

/** Runs with a notifier on the store; refuses when e-mail is not configured. */
async function withNotifier(run: (notifier: Notifier) => Promise<void>) {
  const config = loadConfig();
  if (!config.notifications) throw new CliError(`Notifications are off (${config.notificationsOff})`);
  const opened = await openLocal(config);
  const notifier = new Notifier(config.notifications, opened.store, config.municipality, {
    error: (obj, msg) => console.error(pc.red(msg), obj),
  });
  try {
    await run(notifier);
  } finally {
    await notifier.close();
    await opened.close();
  }
}

/** `lis notify reminders|feeds`: the scheduled e-mails, for a cron job (each is sent once, whoever runs it). */
export function registerNotifyCommands(program: Command): void {
  const notify = program.command('notify').description('send the e-mails that are due (once; the server sends them too)');
  notify
    .command('reminders')
    .description("send this week's reminder of figures missing an explanation and overdue actions")
    .action(() =>
      withNotifier(async (notifier) => {
        const sent = await sendWeeklyReminders(notifier);
        console.log(sent === null ? "This week's reminders were sent already." : `${pc.green('✓')} Sent ${sent} reminder(s).`);
      }),
    );
  notify
    .command('feeds')
    .description('tell the admins of monthly feeds whose last month has not arrived by LIS_FEED_DUE_DAY')
    .action(() =>
      withNotifier(async (notifier) => {
        const missing = await notifier.feedsMissing();
        console.log(
          missing.length === 0 ? 'No feed to report missing.' : `${pc.green('✓')} Reported missing: ${missing.join(', ')}.`,
        );
      }),
    );
}
