import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/auth/auth.service.ts';
import { markDemoUsers } from '../src/modules/demo-store/demo-store.repository.ts';
import { ensureDemoExplanations } from '../src/modules/explanations/demo-explanations.ts';
import { overdueActions } from '../src/modules/explanations/explanations.service.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

// Explanations and actions on yellow and red figures: who may read and write where, the history,
// actions done and overdue, and "Mangler forklaring" for a chef and for the direktion.

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
F2;K;Forvaltning 2;forvaltning
A1;F1;Afdeling 1;afdeling
A2;F2;Afdeling 2;afdeling
E1;A1;Enhed 1;enhed
E4;A2;Enhed 4;enhed
`;
// Against a target of 5 %: E1 5,25 % is yellow (within 10 %), E4 10 % is red, and so is every unit above E4 and the kommune.
const SICK = `period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours
2016-01;E1;40;36;6000;315;0;0
2016-01;E4;100;90;15000;1500;0;0
`;
const TARGETS = 'kpi_id;org_id;year;target\nsick_leave_pct;K;2016;5\n';
const KPI = 'sick_leave_pct';

let t: TestApp;
type Who = 'admin' | 'direktion' | 'oekonom' | 'feeder' | 'chefF1' | 'chefA1';
const auth: Partial<Record<Who, Record<string, string>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['sickleave', SICK],
    ['targets', TARGETS],
  ] as const)
    expect((await postFeed(t.app, feed, file)).statusCode).toBe(200);
  for (const role of ['admin', 'direktion', 'oekonom', 'feeder'] as const) auth[role] = bearer(await t.token(role));
  auth.chefF1 = bearer(await t.token('chef', ['F1']));
  auth.chefA1 = bearer(await t.token('chef', ['A1']));
  // A1 has a chef of its own: A1 and E1 are theirs to explain, not the F1 chef's
  await createUser(
    { db: t.store.db, municipality: '849' },
    { username: 'chef-a1', password: 'en lang adgangskode', role: 'chef', orgIds: ['A1'], displayName: 'Chef A1' },
  );
});
afterAll(() => t.done());

const put = (who: Who, orgId: string, body: unknown, period = '2016-01', kpi = KPI) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/explanations/${kpi}/${orgId}/${period}`,
    headers: { ...auth[who], 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
const get = (who: Who, url: string) => t.app.inject({ method: 'GET', url, headers: auth[who] });
const done = (who: Who, orgId: string, value: boolean) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/explanations/${KPI}/${orgId}/2016-01/action-done`,
    headers: { ...auth[who], 'content-type': 'application/json' },
    payload: JSON.stringify({ done: value }),
  });
const missing = async (who: Who) => {
  const response = await get(who, '/api/v1/explanations/missing?period=2016-01');
  expect(response.statusCode).toBe(200);
  return (response.json().items as { orgId: string; kpiId: string; status: string }[]).map((i) => `${i.orgId}:${i.status}`);
};

describe('explanations', () => {
  it('lists yellow and red figures without an explanation for the chefs who answer for them', async () => {
    // the nearest chef answers: A1 and E1 are the A1 chef's, F1 stays the F1 chef's
    expect(await missing('chefF1')).toEqual(['F1:yellow']);
    expect((await missing('chefA1')).sort()).toEqual(['A1:yellow', 'E1:yellow']);
    // the direktion answers for everything: red first, then yellow
    const all = await missing('direktion');
    expect(all.slice(0, 4).sort()).toEqual(['A2:red', 'E4:red', 'F2:red', 'K:red']);
    expect(all.slice(4).sort()).toEqual(['A1:yellow', 'E1:yellow', 'F1:yellow']);
    expect((await get('feeder', '/api/v1/explanations/missing')).statusCode).toBe(403);
  });

  it('lets a chef write in their own subtree only, the direktion and admin everywhere, never the økonom or feeder', async () => {
    const body = { text: 'Influenzaepidemi i januar' };
    const cases: [Who, string, number][] = [
      ['chefF1', 'E1', 200],
      ['chefF1', 'F1', 200],
      ['chefF1', 'E4', 403], // another forvaltning
      ['chefF1', 'K', 403], // the kommune totals a chef reads are not theirs to explain
      ['chefA1', 'F1', 403], // above their own unit
      ['direktion', 'E4', 200],
      ['admin', 'K', 200],
      ['oekonom', 'E1', 403],
      ['feeder', 'E1', 403],
    ];
    const statuses = [];
    for (const [who, org] of cases) statuses.push((await put(who, org, body)).statusCode);
    expect(statuses).toEqual(cases.map(([, , expected]) => expected));
    const refused = await put('chefF1', 'E4', body);
    expect(refused.json()).toMatchObject({ code: 'org_forbidden' });
  });

  it('reads with the right to read the unit and says whether the caller may explain it', async () => {
    const read = async (who: Who, org: string) => get(who, `/api/v1/explanations?org=${org}&period=2016-01`);
    const own = await read('chefF1', 'E1');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      orgId: 'E1',
      mayExplain: true,
      items: [{ kpiId: KPI, text: 'Influenzaepidemi i januar' }],
    });
    expect((await read('chefF1', 'K')).json()).toMatchObject({
      mayExplain: false,
      items: [{ orgId: 'K', orgName: 'Testkommune' }],
    });
    expect((await read('chefF1', 'E4')).statusCode).toBe(403);
    expect((await read('oekonom', 'E4')).json()).toMatchObject({ mayExplain: false, items: [{ orgId: 'E4' }] });
    expect((await read('direktion', 'E4')).json().mayExplain).toBe(true);
    expect((await read('feeder', 'E1')).statusCode).toBe(403);
    // a KPI's series: every month of the unit
    const series = await get('direktion', `/api/v1/explanations?org=E1&kpi=${KPI}`);
    expect(series.json()).toMatchObject({ period: null, items: [{ period: '2016-01' }] });
    expect((await get('direktion', '/api/v1/explanations?org=E1&kpi=nope')).statusCode).toBe(404);
    expect((await get('direktion', '/api/v1/explanations?org=NOPE')).statusCode).toBe(404);
  });

  it('takes explained figures off the missing list', async () => {
    expect(await missing('chefF1')).toEqual([]);
    expect(await missing('chefA1')).toEqual(['A1:yellow']);
    expect((await missing('direktion')).sort()).toEqual(['A1:yellow', 'A2:red', 'F2:red']);
  });

  it('keeps every edit as a version and audits it', async () => {
    const first = await put('chefA1', 'A1', { text: 'Første udkast' });
    expect(first.json()).toMatchObject({ version: 1, updatedBy: 'token:chef:A1', action: null });
    const second = await put('direktion', 'A1', {
      text: 'Sygefravær steget efter omlægning',
      action: 'Fraværssamtaler med alle over 10 dage',
      actionOwner: 'Afdelingsleder',
      actionDue: '2016-03-31',
      expectedEffect: 'Under 5 % i april',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      version: 2,
      actionDue: '2016-03-31',
      actionOwner: 'Afdelingsleder',
      actionDoneAt: null,
    });
    const history = await get('oekonom', `/api/v1/explanations/${KPI}/A1/2016-01/history`);
    expect(
      history.json().items.map((v: { version: number; changedBy: string; text: string }) => [v.version, v.changedBy, v.text]),
    ).toEqual([
      [2, 'token:direktion:', 'Sygefravær steget efter omlægning'],
      [1, 'token:chef:A1', 'Første udkast'],
    ]);
    expect((await get('chefF1', `/api/v1/explanations/${KPI}/E4/2016-01/history`)).statusCode).toBe(403);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'outcome'])
      .where('target', '=', `explanation:${KPI}/A1/2016-01`)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { actor: 'token:chef:A1', action: 'write_explanation', outcome: 'ok' },
      { actor: 'token:direktion:', action: 'write_explanation', outcome: 'ok' },
    ]);
    const denied = await t.store.db
      .selectFrom('audit_log')
      .select('target')
      .where('actor', '=', 'token:chef:F1')
      .where('outcome', '=', 'denied')
      .execute();
    // the kommune a chef may read but not explain, and the sibling they may not even read
    expect(new Set(denied.map((d) => d.target))).toEqual(new Set([`explanation:${KPI}/K/2016-01`, 'org:E4']));
  });

  it('lists overdue actions until they are done, a chef only those of their subtree', async () => {
    expect(
      (await put('direktion', 'E4', { text: 'Langtidssyge', action: 'Tæt opfølgning', actionDue: '2016-02-29' })).statusCode,
    ).toBe(200);
    const overdue = async (who: Who) =>
      ((await get(who, '/api/v1/explanations/overdue')).json().items as { orgId: string }[]).map((i) => i.orgId);
    expect(await overdue('direktion')).toEqual(['E4', 'A1']);
    expect(await overdue('chefF1')).toEqual(['A1']);
    expect(await overdue('oekonom')).toEqual(['E4', 'A1']);

    const marked = await done('chefA1', 'A1', true);
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ version: 3, actionDoneBy: 'token:chef:A1' });
    expect(marked.json().actionDoneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await overdue('direktion')).toEqual(['E4']);
    expect((await done('chefF1', 'E4', true)).statusCode).toBe(403);
    expect((await done('oekonom', 'E4', true)).statusCode).toBe(403);

    // opening it again is a version too; the history says what each did
    expect((await done('direktion', 'A1', false)).json()).toMatchObject({ version: 4, actionDoneAt: null });
    const history = await get('direktion', `/api/v1/explanations/${KPI}/A1/2016-01/history`);
    expect(history.json().items.map((v: { change: string }) => v.change)).toEqual([
      'action_reopened',
      'action_done',
      'written',
      'written',
    ]);
    // rewriting the same action keeps it done; a new action starts open
    await done('direktion', 'A1', true);
    const same = await put('direktion', 'A1', {
      text: 'Sygefravær steget efter omlægning (opdateret)',
      action: 'Fraværssamtaler med alle over 10 dage',
      actionDue: '2016-03-31',
    });
    expect(same.json().actionDoneBy).toBe('token:direktion:');
    const changed = await put('direktion', 'A1', { text: 'Ny plan', action: 'Ny handling', actionDue: '2016-03-31' });
    expect(changed.json().actionDoneAt).toBeNull();
  });

  it('refuses bad input naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ text: '' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(2001) }, 'text'],
      [{ text: 'ok', action: 'x'.repeat(1001) }, 'action'],
      [{ text: 'ok', action: 'a', actionOwner: 'x'.repeat(201) }, 'actionOwner'],
      [{ text: 'ok', action: 'a', actionDue: '2016-02-30' }, 'actionDue'],
      [{ text: 'ok', action: 'a', actionDue: '31-03-2016' }, 'actionDue'],
      [{ text: 'ok', actionOwner: 'Nogen' }, 'actionOwner'],
      [{ text: 'ok', expectedEffect: 'Bedre' }, 'expectedEffect'],
      [{ text: 'ok', extra: 1 }, 'body'],
    ];
    for (const [body, parameter] of cases) {
      const response = await put('direktion', 'E1', body);
      expect({ status: response.statusCode, parameter: response.json().parameter }).toEqual({ status: 400, parameter });
    }
    expect((await put('direktion', 'E1', { text: 'ok' }, '2016-13')).statusCode).toBe(400);
    expect((await put('direktion', 'E1', { text: 'ok' }, '2016-01', 'nope')).statusCode).toBe(404);
    expect((await put('direktion', 'NOPE', { text: 'ok' })).statusCode).toBe(404);
    // an explanation without an action has nothing to mark done
    expect((await done('direktion', 'F1', true)).json()).toMatchObject({ parameter: 'done' });
    expect((await done('direktion', 'F2', true)).statusCode).toBe(404);
  });
});

describe('explanations in the exports', () => {
  it('adds a Forklaring column to the series and the breakdown files', async () => {
    const series = await get('oekonom', `/api/v1/kpis/${KPI}/series?org=A1&from=2016-01&to=2016-01&format=csv`);
    expect(series.statusCode).toBe(200);
    const [header, row] = series.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header?.split(';').at(-1)).toBe('Forklaring');
    expect(row?.split(';').at(-1)).toBe('Ny plan');
    const breakdown = await get('chefF1', `/api/v1/kpis/${KPI}/breakdown?org=F1&period=2016-01&format=csv`);
    expect(breakdown.statusCode).toBe(200);
    expect(breakdown.body).toContain('Forklaring');
    expect(
      breakdown.body
        .split(/\r?\n/)
        .find((line) => line.startsWith('Afdeling 1;'))
        ?.split(';')
        .at(-1),
    ).toBe('Ny plan');
    // JSON stays as it is
    expect(JSON.stringify((await get('oekonom', `/api/v1/kpis/${KPI}/series?org=A1`)).json())).not.toContain('Ny plan');
  });
});

describe('the demo explanations', () => {
  it('explains red figures as the demo chef once, with an open, an overdue and a done action, and leaves others missing', async () => {
    const ctx = { db: t.store.db, municipality: '849' };
    await createUser(ctx, { username: 'demo-chef', password: 'en lang adgangskode', role: 'chef', orgIds: ['F2'] });
    await markDemoUsers(t.store.db, '849', ['demo-chef']);
    // start from a forvaltning nobody has explained yet
    for (const table of ['explanation_versions', 'explanations'] as const)
      await t.store.db.deleteFrom(table).where('org_id', 'in', ['F2', 'A2', 'E4']).execute();
    const today = new Date('2016-04-15T12:00:00Z');
    expect(await ensureDemoExplanations(ctx, today)).toBe(3);
    const written = await t.store.db
      .selectFrom('explanations')
      .select(['org_id', 'updated_by', 'from_demo', 'action_done_at'])
      .where('from_demo', '=', true)
      .orderBy('org_id')
      .execute();
    expect(written.map((w) => [w.org_id, w.updated_by])).toEqual([
      ['A2', 'demo-chef'],
      ['E4', 'demo-chef'],
      ['F2', 'demo-chef'],
    ]);
    expect(written.filter((w) => w.action_done_at !== null)).toHaveLength(1);
    const overdue = await overdueActions(ctx, { visible: null, today: '2016-04-15' });
    expect(overdue.filter((o) => o.updatedBy === 'demo-chef')).toHaveLength(1);
    expect(await ensureDemoExplanations(ctx, today)).toBe(0);
  });
});
