import type { Notifier } from './notifications.service.ts';
import { sendWeeklyReminders } from './weekly-reminder.ts';

const HOUR_MS = 60 * 60 * 1000;
/** The weekly reminder goes on Monday morning (UTC), or at the first check after it. */
const REMINDER_HOUR_UTC = 6;

/** Whether the week's reminder is due: any time in the ISO week from Monday 06:00 UTC on. */
const reminderDue = (now: Date) => !(now.getUTCDay() === 1 && now.getUTCHours() < REMINDER_HOUR_UTC);

/**
 * One timer for the e-mails the calendar makes due (a feed missing on the due day, the weekly
 * reminder). Every server may run it: each e-mail is recorded as sent before it goes, and only the
 * first server to record it sends. Returns the stop.
 */
export function startNotificationSchedule(notifier: Notifier, log: { error: (obj: object, msg: string) => void }): () => void {
  const tick = async () => {
    const now = new Date();
    try {
      await notifier.feedsMissing(now);
      if (reminderDue(now)) await sendWeeklyReminders(notifier, now);
    } catch (error) {
      log.error({ err: error }, 'the notification schedule failed');
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
