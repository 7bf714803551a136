import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, disableUser } from '../src/modules/auth/auth.service.ts';
import { writeExplanation } from '../src/modules/explanations/explanations.service.ts';
import type { Notifier } from '../src/modules/notifications/notifications.service.ts';
import { setUserEmail } from '../src/modules/notifications/notifications.service.ts';
import { sendWeeklyReminders } from '../src/modules/notifications/weekly-reminder.ts';
import { createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
A1;F1;Afdeling 1;afdeling
A2;F2;Afdeling 2;afdeling
E1;A1;Enhed 1;enhed
E2;A1;Enhed 2;enhed
E4;A2;Enhed 4;enhed
`;
const TARGETS = 'kpi_id;org_id;year;target;tolerance\nsick_leave_pct;K;2016;5;0,1\n';
const SICK_HEADER = 'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours\n';
/** January: E1 and E2 at 5 % (green), E4 at 10 % (red, and with it A2, F2 and K). */
const JANUARY = `${SICK_HEADER}2016-01;E1;40;36;6000;300;0;0\n2016-01;E2;40;36;6000;300;0;0\n2016-01;E4;100;90;15000;1500;0;0\n`;
/** February: E1 at 10 % as well (red, and with it A1 and F1). */
const FEBRUARY = `${SICK_HEADER}2016-02;E1;40;36;6000;600;0;0\n2016-02;E2;40;36;6000;300;0;0\n2016-02;E4;100;90;15000;1500;0;0\n`;
/** February again with E2 a little better: nothing turns red. */
const FEBRUARY_AGAIN = FEBRUARY.replace('2016-02;E2;40;36;6000;300', '2016-02;E2;40;36;6000;290');
const PUBLIC_URL = 'http://localhost:5173';
const PASSWORD = 'en adgangskode til notifikationer';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes a MIME encoded-word header (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
const decodeHeader = (value: string) =>
  value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
const decodeQuotedPrintable = (value: string) =>
  Buffer.from(
    value.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

function parseMail(raw: string, to: string[]): Received {
  const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text = body.join('\n\n');
  const decoded =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(text)
      : encoding === 'base64'
        ? Buffer.from(text, 'base64').toString('utf8')
        : text;
  return { to, subject, text: decoded.replace(/\r\n/g, '\n') };
}

const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push(
        parseMail(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        ),
      );
      callback();
    });
  },
});

let t: TestApp;
let notifier: Notifier;
const ctx = () => ({ db: t.store.db, municipality: '849' });
let addresses = 0;

const person = async (username: string, role: 'chef' | 'admin', orgIds: string[], email: string | null) => {
  await createUser(ctx(), { username, role, orgIds, password: PASSWORD });
  if (email) await setUserEmail(ctx(), username, email, { name: 'test' });
};
const cookieOf = async (username: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': `198.51.100.${++addresses}` },
    payload: { username, password: PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0] as string;
};
/** Loads a file and waits for the e-mails it causes; returns them. */
const deliver = async (feed: string, file: string) => {
  const before = received.length;
  const response = await postFeed(t.app, feed, file);
  expect(response.statusCode, response.body).toBe(200);
  await notifier.idle();
  return received.slice(before);
};

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestApp({
    LIS_SMTP_URL: `smtp://127.0.0.1:${port}`,
    LIS_SMTP_FROM: 'LIS <lis@kommune.test>',
    LIS_PUBLIC_URL: `${PUBLIC_URL}/`,
    LIS_FEED_DUE_DAY: '10',
  });
  notifier = t.app.lis.servedFor(t.app.lis.config.municipality).notifier as Notifier;
  expect(notifier).not.toBeNull();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['targets', TARGETS],
  ] as const)
    expect((await postFeed(t.app, feed, file)).statusCode).toBe(200);
  await person('chef-f1', 'chef', ['F1'], 'chef-f1@kommune.test');
  await person('chef-a1-off', 'chef', ['A1'], 'chef-a1@kommune.test');
  await person('chef-f1-disabled', 'chef', ['F1'], 'disabled@kommune.test');
  await person('chef-f1-no-mail', 'chef', ['F1'], null);
  await person('chef-f2', 'chef', ['F2'], 'chef-f2@kommune.test');
  await person('admin-mail', 'admin', [], 'admin@kommune.test');
  await person('admin-off', 'admin', [], 'admin-off@kommune.test');
  await disableUser(ctx(), 'chef-f1-disabled', { name: 'test', role: 'admin', ip: null });
});
afterAll(async () => {
  await t?.done();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('notification settings', () => {
  it('shows each person their own address and kinds, and lets them turn a kind off (audited)', async () => {
    const cookie = await cookieOf('chef-a1-off');
    const settings = await t.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: { cookie } });
    expect(settings.statusCode).toBe(200);
    expect(settings.json()).toEqual({
      email: 'chef-a1@kommune.test',
      enabled: true,
      kinds: [
        { kind: 'red_figures', on: true },
        { kind: 'weekly_reminder', on: true },
        { kind: 'feed_missing', on: true },
      ],
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notifications',
      headers: { cookie, 'x-lis-request': '1' },
      payload: { kinds: [{ kind: 'red_figures', on: false }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().kinds).toContainEqual({ kind: 'red_figures', on: false });
    const audit = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'notification_settings').execute();
    expect(audit.map((a) => [a.actor, a.target])).toEqual([['chef-a1-off', 'user:chef-a1-off']]);

    const admin = await cookieOf('admin-off');
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notifications',
      headers: { cookie: admin, 'x-lis-request': '1' },
      payload: { kinds: [{ kind: 'feed_missing', on: false }] },
    });
    expect(off.statusCode).toBe(200);
  });

  it('takes an address for a user (audited), and refuses one that is not an address or a user who does not exist', async () => {
    await expect(setUserEmail(ctx(), 'chef-f1', 'ikke en adresse', { name: 'test' })).rejects.toThrow(/not an e-mail address/);
    await expect(setUserEmail(ctx(), 'ingen', 'ingen@kommune.test', { name: 'test' })).rejects.toThrow(/no user ingen/);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['target', 'details'])
      .where('action', '=', 'user_email')
      .execute();
    expect(audit).toContainEqual({ target: 'user:chef-f1', details: { email: 'chef-f1@kommune.test' } });
  });

  it('refuses an unknown kind, naming the problem', async () => {
    const cookie = await cookieOf('chef-f1');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notifications',
      headers: { cookie, 'x-lis-request': '1' },
      payload: { kinds: [{ kind: 'everything', on: false }] },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().code).toBe('invalid_parameter');
  });
});

describe('e-mail when a delivery turns a KPI red', () => {
  it('sends each chef one e-mail per delivery with what turned red in their units, with links', async () => {
    const january = await deliver('sickleave', JANUARY);
    expect(january.map((m) => m.to)).toEqual([['chef-f2@kommune.test']]);
    const [mail] = january;
    expect(mail?.subject).toMatch(/^LIS: \d+ nøgletal er blevet røde$/);
    for (const org of ['E4', 'A2', 'F2'])
      expect(mail?.text).toContain(`${PUBLIC_URL}/kpi/sick_leave_pct?org=${org}&period=2016-01`);
    expect(mail?.text).not.toMatch(/org=(K|F1|A1|E1|E2)&/); // not their units, or not red
    expect(mail?.text).toContain('Hej chef-f2');

    const february = await deliver('sickleave', FEBRUARY);
    // chef-a1-off turned red figures off; chef-f1-disabled is disabled; chef-f1-no-mail has no address
    expect(february.map((m) => m.to).sort()).toEqual([['chef-f1@kommune.test'], ['chef-f2@kommune.test']]);
    const f1 = february.find((m) => m.to[0] === 'chef-f1@kommune.test');
    for (const org of ['E1', 'A1', 'F1'])
      expect(f1?.text).toContain(`${PUBLIC_URL}/kpi/sick_leave_pct?org=${org}&period=2016-02`);
    expect(f1?.text).not.toMatch(/org=(E2|E4|A2|F2|K)&/);
    expect(f1?.text).toContain('Sygefravær');
  });

  it('sends nothing for a delivery that turns nothing red, nor for the same file again', async () => {
    expect(await deliver('sickleave', FEBRUARY_AGAIN)).toEqual([]);
    expect(await deliver('sickleave', FEBRUARY_AGAIN)).toEqual([]);
  });

  it('audits every e-mail sent', async () => {
    const rows = await t.store.db
      .selectFrom('audit_log')
      .select(['target', 'outcome'])
      .where('action', '=', 'notification')
      .orderBy('id')
      .execute();
    expect(rows.every((r) => r.outcome === 'ok')).toBe(true);
    expect(rows[0]?.target).toBe('red_figures:chef-f2'); // January
    expect(
      rows
        .slice(1)
        .map((r) => r.target)
        .sort(),
    ).toEqual(['red_figures:chef-f1', 'red_figures:chef-f2']);
  });
});

describe('the weekly reminder', () => {
  it('sends each chef the figures of their units missing an explanation and their overdue actions, once a week', async () => {
    await writeExplanation(
      ctx(),
      { kpiId: 'sick_leave_pct', orgId: 'F1', period: '2016-02' },
      { text: 'Influenza', action: 'Sygefraværssamtaler', actionOwner: 'Birthe', actionDue: '2016-03-01' },
      { name: 'chef-f1' },
    );
    const before = received.length;
    expect(await sendWeeklyReminders(notifier, new Date('2016-03-15T07:00:00Z'))).toBe(3);
    const mails = received.slice(before);
    const to = (address: string) => mails.find((m) => m.to[0] === address);
    // each chef answers for their own units: chef-a1-off for A1 and below, chef-f1 for F1 alone
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['chef-a1@kommune.test', 'chef-f1@kommune.test', 'chef-f2@kommune.test']);
    expect(to('chef-f1@kommune.test')?.subject).toBe('LIS: 1 handling over tid');
    expect(to('chef-f1@kommune.test')?.text).toContain('Sygefraværssamtaler');
    expect(to('chef-f1@kommune.test')?.text).toContain(`${PUBLIC_URL}/kpi/sick_leave_pct?org=F1&period=2016-02`);
    expect(to('chef-f1@kommune.test')?.text).not.toContain('mangler en forklaring');
    expect(to('chef-a1@kommune.test')?.subject).toMatch(/^LIS: \d+ tal mangler forklaring$/);
    for (const org of ['A1', 'E1'])
      expect(to('chef-a1@kommune.test')?.text).toContain(`${PUBLIC_URL}/kpi/sick_leave_pct?org=${org}&period=2016-02`);
    expect(to('chef-f2@kommune.test')?.text).toContain(`${PUBLIC_URL}/kpi/sick_leave_pct?org=E4&period=2016-02`);
    expect(to('chef-f2@kommune.test')?.text).not.toMatch(/org=(F1|A1|E1)&/);
    expect(await sendWeeklyReminders(notifier, new Date('2016-03-17T07:00:00Z'))).toBeNull(); // once a week
    expect(received.length).toBe(before + 3);
  });
});

describe('e-mail when a monthly feed has not arrived', () => {
  it('tells the admins once per feed and month, from the due day on, of the feeds the municipality delivers', async () => {
    const before = received.length;
    // sick leave arrived for February; economy and cases were never delivered, so are not expected
    expect(await notifier.feedsMissing(new Date('2016-03-25T08:00:00Z'))).toEqual([]);
    expect(await notifier.feedsMissing(new Date('2016-04-09T08:00:00Z'))).toEqual([]); // before the due day
    expect(await notifier.feedsMissing(new Date('2016-04-10T08:00:00Z'))).toEqual(['sickleave']);
    const mails = received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([['admin@kommune.test']]); // admin-off turned it off
    expect(mails[0]?.subject).toBe('LIS: Sygefravær for marts 2016 mangler');
    expect(mails[0]?.text).toContain('senest den 10. i måneden');
    expect(mails[0]?.text).toContain('til og med februar 2016');
    expect(mails[0]?.text).toContain(`${PUBLIC_URL}/leverancer`);
    expect(await notifier.feedsMissing(new Date('2016-04-11T08:00:00Z'))).toEqual([]); // once
    expect(received.length).toBe(before + 1);
  });
});

describe('without SMTP', () => {
  it('sends nothing and says why', async () => {
    const off = await createTestApp({ LIS_PUBLIC_URL: PUBLIC_URL });
    try {
      expect(off.app.lis.servedFor(off.app.lis.config.municipality).notifier).toBeNull();
      expect(off.app.lis.config.notificationsOff).toBe('no LIS_SMTP_URL');
      const before = received.length;
      for (const [feed, file] of [
        ['organisation', ORG],
        ['targets', TARGETS],
        ['sickleave', JANUARY],
      ] as const)
        expect((await postFeed(off.app, feed, file)).statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received.length).toBe(before);
    } finally {
      await off.done();
    }
  });

  it('loads a delivery even when the mail server does not answer, and audits the failure', async () => {
    const broken = await createTestApp({ LIS_SMTP_URL: 'smtp://127.0.0.1:9', LIS_PUBLIC_URL: PUBLIC_URL });
    try {
      for (const [feed, file] of [
        ['organisation', ORG],
        ['targets', TARGETS],
      ] as const)
        expect((await postFeed(broken.app, feed, file)).statusCode).toBe(200);
      await createUser(
        { db: broken.store.db, municipality: '849' },
        { username: 'chef-y', role: 'chef', orgIds: ['F2'], password: PASSWORD },
      );
      await setUserEmail({ db: broken.store.db, municipality: '849' }, 'chef-y', 'chef-y@kommune.test', { name: 'test' });
      expect((await postFeed(broken.app, 'sickleave', JANUARY)).statusCode).toBe(200);
      await (broken.app.lis.servedFor(broken.app.lis.config.municipality).notifier as Notifier).idle();
      const audit = await broken.store.db
        .selectFrom('audit_log')
        .select(['target', 'outcome'])
        .where('action', '=', 'notification')
        .execute();
      expect(audit).toEqual([{ target: 'red_figures:chef-y', outcome: 'failed' }]);
    } finally {
      await broken.done();
    }
  });
});
