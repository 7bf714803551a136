import {
  FEEDS,
  type FeedName,
  MONTHLY_FEEDS,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationSettings,
} from '@lis/contracts';
import type { Database, Store } from '@lis/db';
import { addMonths, formatMonthLong } from '@lis/domain';
import type { Kysely } from 'kysely';
import type { NotificationsConfig } from '../../config.ts';
import { recordAudit } from '../auth/audit.service.ts';
import { AccessSetupError } from '../auth/auth.service.ts';
import type { PublishHook } from '../ingest/ingest.service.ts';
import { listOrgUnits } from '../org/org.service.ts';
import { type Mail, smtpMailer } from './mailer.ts';
import * as repo from './notifications.repository.ts';
import { comparedMonths, type RedCell, redCells, redLines, turnedRed } from './red-figures.ts';

type Log = { error: (obj: object, msg: string) => void };

/**
 * Sends LIS's e-mails. A mail that fails is logged and audited, never thrown: a delivery or a
 * request never fails because the mail server does.
 */
export class Notifier {
  private readonly mailer;
  /** sending under way, so that shutdown and tests can wait for it */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    readonly config: NotificationsConfig,
    readonly store: Store,
    readonly municipality: string,
    private readonly log: Log,
  ) {
    this.mailer = smtpMailer(config.smtpUrl, config.from);
  }

  /** Resolves once every notification begun so far is sent (or has failed). */
  async idle(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  async close() {
    await this.idle();
    this.mailer.close();
  }

  private track(work: Promise<void>) {
    this.sending.add(work);
    void work.finally(() => this.sending.delete(work));
  }

  /**
   * Wraps the publish hook: the red cells of the delivery's newest months are read before and after
   * the refresh inside the transaction, and the chefs are told once it has committed.
   */
  watchPublish(refresh: PublishHook): PublishHook {
    return async (tx, event) => {
      const months = event.feed === 'organisation' ? null : comparedMonths(event.periodFrom, event.periodTo);
      if (!months) return refresh(tx, event);
      const before = await redCells(tx.db, event.municipality, months);
      const afterRefresh = await refresh(tx, event);
      const cells = turnedRed(before, await redCells(tx.db, event.municipality, months));
      return () => {
        afterRefresh?.();
        if (cells.length > 0) this.track(this.redFigures(event.feed, cells));
      };
    };
  }

  /** One e-mail per chef listing the cells of their units that a delivery turned red. */
  async redFigures(feed: FeedName, cells: readonly RedCell[]): Promise<void> {
    try {
      const db = this.store.db;
      const names = new Map((await listOrgUnits(db, this.municipality)).map((u) => [u.id, u.name]));
      const chefs = await repo.reachableChefsOf(db, this.municipality, 'red_figures', [...new Set(cells.map((c) => c.orgId))]);
      const byChef = new Map<number, { recipient: repo.Recipient; orgIds: Set<string> }>();
      for (const chef of chefs) {
        const entry = byChef.get(chef.userId) ?? { recipient: chef, orgIds: new Set<string>() };
        entry.orgIds.add(chef.orgId);
        byChef.set(chef.userId, entry);
      }
      for (const { recipient, orgIds } of byChef.values()) {
        const theirs = cells.filter((c) => orgIds.has(c.orgId));
        const text = [
          `Hej ${recipient.displayName}`,
          '',
          `Leverancen af ${FEEDS[feed].title.toLowerCase()} har gjort ${theirs.length === 1 ? 'dette nøgletal rødt' : `disse ${theirs.length} nøgletal røde`} for dine enheder:`,
          '',
          ...redLines(theirs, (orgId) => names.get(orgId) ?? orgId, this.config.publicUrl),
          '',
          FOOTER(this.config.publicUrl),
        ].join('\n');
        const subject = `LIS: ${theirs.length === 1 ? 'et nøgletal er blevet rødt' : `${theirs.length} nøgletal er blevet røde`}`;
        await this.send('red_figures', recipient, { to: recipient.email, subject, text });
      }
    } catch (error) {
      this.log.error({ err: error }, 'could not send the red figures notifications');
    }
  }

  /**
   * Tells the admins of each monthly feed (one delivered before) whose last month has not arrived by the due day; once
   * per feed and month, also with several servers (the first to record it sends).
   */
  async feedsMissing(today: Date = new Date()): Promise<FeedName[]> {
    if (today.getUTCDate() < this.config.feedDueDay) return [];
    const month = addMonths(today.toISOString().slice(0, 7), -1);
    const db = this.store.db;
    const missing: FeedName[] = [];
    for (const feed of MONTHLY_FEEDS) {
      const latest = await repo.latestDeliveredMonth(db, this.municipality, feed);
      // a feed never delivered is not expected (the municipality does not send it yet)
      if (latest === null || latest.slice(0, 7) >= month) continue;
      if (!(await repo.claimSending(db, this.municipality, 'feed_missing', `${feed}:${month}`))) continue;
      missing.push(feed);
      const title = FEEDS[feed].title;
      for (const admin of await repo.reachableAdmins(db, this.municipality, 'feed_missing')) {
        const text = [
          `Hej ${admin.displayName}`,
          '',
          `Leverancen af ${title.toLowerCase()} for ${formatMonthLong(month)} er ikke kommet, og den skulle være kommet senest den ${this.config.feedDueDay}. i måneden.`,
          `Den nyeste leverance dækker til og med ${formatMonthLong(latest.slice(0, 7))}.`,
          '',
          `Se leverancerne: ${this.config.publicUrl}/leverancer`,
          '',
          FOOTER(this.config.publicUrl),
        ].join('\n');
        await this.send('feed_missing', admin, {
          to: admin.email,
          subject: `LIS: ${title} for ${formatMonthLong(month)} mangler`,
          text,
        });
      }
    }
    return missing;
  }

  /** Sends one e-mail and audits it; a failure is logged and audited, never thrown. */
  async send(kind: NotificationKind, recipient: repo.Recipient, mail: Mail) {
    const audit = (outcome: 'ok' | 'failed', details: Record<string, unknown>) =>
      recordAudit(this.store.db, {
        municipality: this.municipality,
        actor: 'lis',
        role: null,
        ip: null,
        action: 'notification',
        target: `${kind}:${recipient.username}`,
        outcome,
        details: { subject: mail.subject, ...details },
      }).catch((error) => this.log.error({ err: error }, 'could not audit a notification'));
    try {
      await this.mailer.send(mail);
      await audit('ok', {});
    } catch (error) {
      this.log.error({ err: error, kind, to: recipient.username }, 'could not send a notification');
      await audit('failed', { error: error instanceof Error ? error.message.slice(0, 200) : String(error) });
    }
  }
}

const FOOTER = (publicUrl: string) =>
  `Du får denne e-mail fra LIS (${publicUrl}). Du kan slå den slags e-mails fra i LIS under dit navn øverst til højre, "E-mails".`;

/** A person's address and kinds (every kind on unless turned off). */
export async function notificationSettings(
  db: Kysely<Database>,
  userId: number,
  enabled: boolean,
): Promise<NotificationSettings> {
  const rows = await repo.preferencesOf(db, userId);
  const off = new Set(rows.filter((r) => !r.enabled).map((r) => r.kind));
  return {
    email: await repo.emailOf(db, userId),
    enabled,
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, on: !off.has(kind) })),
  };
}

export async function saveNotificationKinds(
  db: Kysely<Database>,
  userId: number,
  kinds: readonly { kind: NotificationKind; on: boolean }[],
) {
  for (const { kind, on } of kinds) await repo.setPreference(db, userId, kind, on);
}

/** An address as people type it: something@somewhere.tld, no spaces (the mail server judges the rest). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A wrong address or unknown user: the CLI prints it as it prints the other account errors. */
class EmailAddressError extends AccessSetupError {}

/** Sets (or with null removes) where a person's notifications go; audited. */
export async function setUserEmail(
  ctx: { db: Kysely<Database>; municipality: string },
  username: string,
  email: string | null,
  actor: { name: string },
): Promise<void> {
  const address = email?.trim() || null;
  if (address !== null && (!EMAIL.test(address) || address.length > 254))
    throw new EmailAddressError(`"${email}" is not an e-mail address like navn@kommune.dk`);
  if (!(await repo.setEmail(ctx.db, ctx.municipality, username, address)))
    throw new EmailAddressError(`There is no user ${username}`);
  await recordAudit(ctx.db, {
    municipality: ctx.municipality,
    actor: actor.name,
    role: null,
    ip: null,
    action: 'user_email',
    target: `user:${username}`,
    outcome: 'ok',
    details: { email: address },
  });
}
