import { accountLines, budgetFollowUp, type EconomyAmount } from '@lis/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

/**
 * The economy read model (ADR 0012) against the computation it replaced: the domain's
 * budgetFollowUp and accountLines over the raw facts of the subtree, read here as the follow-up
 * read them before. Every figure must be the same number, not a near one.
 */
const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
A1;F1;Afdeling 1;afdeling
E1;A1;Enhed 1;enhed
E2;A1;Enhed 2;enhed
E4;F1;Enhed 4;enhed
F2;K;Forvaltning 2;forvaltning
E3;F2;Enhed 3;enhed
`;
const HEADER = 'period;org_id;function;dranst;amount_type;amount';
const UNITS = ['E1', 'E2', 'E3', 'E4', 'A1', 'F2'];
// service, overførsler (5.57), anlæg (dranst 3), forsyning (1.x), finansiering (7.x), income (dranst 2)
const ACCOUNTS: [string, number][] = [
  ['3.22.01', 1],
  ['3.22.05', 1],
  ['5.57.71', 1],
  ['5.57.71', 2],
  ['5.32.32', 1],
  ['0.25.11', 3],
  ['1.38.60', 1],
  ['7.68.90', 7],
];

/** Deterministic amounts in whole kroner and quarters (exact in binary, as øre sums are not). */
function economy(seed: number, years: readonly number[]): string {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const rows = [HEADER];
  const kr = (amount: number) => String(amount).replace('.', ','); // the feed's decimal comma
  for (const year of years)
    for (const org of UNITS)
      for (const [fn, dranst] of ACCOUNTS) {
        if (next(5) === 0) continue; // not every unit has every account
        const budget = (next(4000) - 500) / 4;
        for (let m = 1; m <= 12; m++) {
          const p = `${year}-${String(m).padStart(2, '0')}`;
          rows.push(`${p};${org};${fn};${dranst};original_budget;${kr(budget)}`);
          rows.push(`${p};${org};${fn};${dranst};corrected_budget;${kr(budget + (m === 6 ? 250 : 0))}`);
          if (m <= 9 && next(6) > 0) rows.push(`${p};${org};${fn};${dranst};actual;${kr(budget + next(400) - 200)}`);
          // forecasts at different months per key, some keys never
          if (next(4) === 0) rows.push(`${p};${org};${fn};${dranst};forecast;${kr(budget * 12 + next(2000) - 1000)}`);
        }
      }
  return `${rows.join('\n')}\n`;
}

let t: TestApp;
let economist: Record<string, string>;
let chef: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  for (const [feed, file] of [
    ['organisation', ORG],
    ['economy', economy(7, [2015, 2016])],
  ] as const) {
    const response = await postFeed(t.app, feed, file);
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
  economist = bearer(await t.token('oekonom'));
  // a chef of F1, of A1 inside it, and of E3: at the kommune root their breakdowns are F1 and E3
  chef = bearer(await t.token('chef', ['F1', 'A1', 'E3']));
});
afterAll(() => t.done());

const get = async (url: string, headers = economist) => {
  const response = await t.app.inject({ method: 'GET', url, headers });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
};

/** The raw facts of a year of the units' subtrees, each once (as the follow-up read them before the read model). */
async function rawAmounts(orgIds: readonly string[], year: number): Promise<EconomyAmount[]> {
  const { rows } = await sql<EconomyAmount>`
    select e.org_id as "orgId", e.function as fn, e.dranst, e.amount_type as "amountType",
           to_char(e.period, 'YYYY-MM') as period, e.amount::float8 as amount
    from economy e
    where e.municipality = '849' and e.active and extract(year from e.period) = ${year}
      and e.org_id in (select descendant_id from org_closure where municipality = '849' and ancestor_id in (${sql.join([...orgIds])}))`.execute(
    t.store.db,
  );
  return rows;
}

const FIGURES = ['originalBudget', 'correctedBudget', 'phasedBudgetYtd', 'actualsYtd', 'forecastMadeIn', 'deviation'] as const;
/** The figures as the API shows them: the forecast only once one was made. */
const shown = (f: Record<string, unknown>) => ({
  ...Object.fromEntries(FIGURES.map((k) => [k, f[k]])),
  forecast: f.forecastMadeIn ? f.forecast : null,
});

async function expectSameFollowUp(org: string, period: string, children: readonly string[], headers = economist, own?: string[]) {
  const year = Number(period.slice(0, 4));
  const api = await get(`/api/v1/budget/followup?org=${org}&period=${period}`, headers);
  const reference = budgetFollowUp(await rawAmounts([org], year), period);
  expect(shown(api)).toEqual(shown(reference.operating as unknown as Record<string, unknown>));
  expect(api.months.map(({ cumulativeActualLastYear: _, ...m }: Record<string, unknown>) => m)).toEqual(reference.months);
  const parts = own ? budgetFollowUp(await rawAmounts(own, year), period) : reference;
  expect(api.byCategory.map((c: Record<string, unknown>) => ({ category: c.category, ...shown(c) }))).toEqual(
    parts.byCategory.map((c) => ({ category: c.category, ...shown(c as unknown as Record<string, unknown>) })),
  );
  expect(api.children.map((c: { org: { id: string } }) => c.org.id)).toEqual(children);
  for (const child of api.children) {
    const figures = budgetFollowUp(await rawAmounts([child.org.id], year), period).operating;
    expect(shown(child)).toEqual(shown(figures as unknown as Record<string, unknown>));
  }
  // last year: the same month, from the same facts
  const last = budgetFollowUp(await rawAmounts([org], year - 1), `${year - 1}${period.slice(4)}`);
  if (api.lastYear) expect(api.lastYear.actualsYtd).toBe(last.operating.actualsYtd);
  expect(api.months.map((m: { cumulativeActualLastYear: number | null }) => m.cumulativeActualLastYear)).toEqual(
    api.lastYear ? last.months.map((m) => m.cumulativeActual) : Array(12).fill(null),
  );
}

async function expectSameAccounts(org: string, period: string, prefix: string, headers = economist, own?: string[]) {
  const api = await get(`/api/v1/budget/accounts?org=${org}&period=${period}&prefix=${prefix}`, headers);
  const reference = accountLines(await rawAmounts(own ?? [org], Number(period.slice(0, 4))), period, prefix);
  expect(
    api.lines.map((l: Record<string, unknown>) => ({ code: l.code, name: l.name, category: l.category, ...shown(l) })),
  ).toEqual(
    reference.map((l) => ({
      code: l.code,
      name: l.name,
      category: l.category,
      ...shown(l as unknown as Record<string, unknown>),
    })),
  );
}

async function expectAllSame() {
  for (const period of ['2016-01', '2016-03', '2016-06', '2016-09', '2016-12', '2015-05']) {
    await expectSameFollowUp('K', period, ['F1', 'F2']);
    await expectSameFollowUp('F1', period, ['A1', 'E4']);
    await expectSameFollowUp('E2', period, []);
    for (const prefix of ['', '5', '5.57', '3.22']) await expectSameAccounts('K', period, prefix);
    await expectSameAccounts('A1', period, '');
  }
}

/** The read model's rows, to prove that a rejected delivery left it as it was. */
async function readModel() {
  const { rows } = await sql`
    select org_id, year, function, dranst, category, original_year_ore, corrected_year_ore, phased_ytd_ore, actual_ytd_ore,
           forecast_ore, forecast_month, has_original
    from economy_rollup where municipality = '849' order by 1, 2, 3, 4`.execute(t.store.db);
  return rows;
}

describe('the economy read model answers as the raw facts did', () => {
  it('for units, their children, the chart of accounts and every month', async () => {
    await expectAllSame();
  });

  it('for a chef at the kommune root: breakdowns of their own units, each fact once where they nest', async () => {
    for (const period of ['2016-03', '2016-09']) {
      // own units F1 and E3 (A1 lies inside F1): the headline stays the kommune's
      await expectSameFollowUp('K', period, ['E3', 'F1'], chef, ['F1', 'E3']);
      await expectSameAccounts('K', period, '', chef, ['F1', 'A1', 'E3']);
      await expectSameAccounts('K', period, '5', chef, ['F1', 'E3']);
    }
  });

  it('after a restatement: facts replaced by a later delivery, a forecast added, a key of last year changed', async () => {
    const restated = [
      HEADER,
      '2016-02;E1;3.22.01;1;actual;9999',
      '2016-02;E1;3.22.01;1;corrected_budget;-17,25',
      '2016-04;E2;5.57.71;1;forecast;123456',
      '2016-07;E3;0.25.11;3;actual;5000',
      '2015-05;E4;3.22.05;1;actual;77',
    ].join('\n');
    const before = await get('/api/v1/budget/followup?org=E1&period=2016-03');
    const response = await postFeed(t.app, 'economy', `${restated}\n`);
    expect(response.statusCode).toBe(200);
    const after = await get('/api/v1/budget/followup?org=E1&period=2016-03');
    expect(after.actualsYtd).not.toBe(before.actualsYtd); // the restatement moved the figures; below: to the right ones
    await expectAllSame();
  });

  it('leaves the read model as it was when a delivery is rejected', async () => {
    const before = await readModel();
    const response = await postFeed(
      t.app,
      'economy',
      `${HEADER}\n2016-03;NOPE;3.22.01;1;actual;100\n2016-03;E1;3.22.01;1;actual;1\n`,
    );
    expect(response.statusCode).not.toBe(200);
    expect(await readModel()).toEqual(before);
    await expectAllSame();
  });

  it('builds every year when the read model is empty, e.g. after a migration, not only the delivered one', async () => {
    await sql`delete from economy_rollup_category`.execute(t.store.db);
    await sql`delete from economy_rollup`.execute(t.store.db);
    expect((await postFeed(t.app, 'economy', `${HEADER}\n2016-08;E1;3.22.01;1;actual;12\n`)).statusCode).toBe(200);
    await expectAllSame(); // 2015 too
  });

  it('follows a new organisation: a unit moved rolls up under its new parent', async () => {
    const moved = ORG.replace('E4;F1;Enhed 4;enhed', 'E4;F2;Enhed 4;enhed');
    expect((await postFeed(t.app, 'organisation', moved)).statusCode).toBe(200);
    await expectSameFollowUp('F2', '2016-06', ['E3', 'E4']);
    await expectSameFollowUp('K', '2016-06', ['F1', 'F2']);
  });
});
