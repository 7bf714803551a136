import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Balance, FollowUp } from '@lis/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoFeeds } from '../src/modules/demo/generate.ts';
import { ingestFile } from '../src/modules/ingest/ingest.service.ts';
import { bearer, createTestApp, postFeed, type TestApp } from './helpers.ts';

const ORG = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
E1;F1;Enhed 1;enhed
E2;F1;Enhed 2;enhed
`;

/** The original budget 2016 per month; corrected budgets and other years must not count. */
function economy(): string {
  const rows = ['period;org_id;function;dranst;amount_type;amount'];
  for (let m = 1; m <= 12; m++) {
    const p = `2016-${String(m).padStart(2, '0')}`;
    rows.push(
      `${p};E1;3.22.01;1;original_budget;100`,
      `${p};E1;3.22.01;1;corrected_budget;110`,
      `${p};E1;5.57.71;1;original_budget;50`,
      `${p};E1;5.57.71;2;original_budget;-20`,
      `${p};E2;1.38.60;1;original_budget;30`,
      `${p};E2;7.68.90;7;original_budget;-500`,
      `${p};E2;7.62.80;7;original_budget;-200`,
    );
  }
  rows.push('2016-03;E2;0.25.11;3;original_budget;1000', '2015-06;E1;3.22.01;1;original_budget;999');
  return `${rows.join('\n')}\n`;
}

const PLAN = `budget_year;year;line;amount
2016;2016;taxes;-6000
2016;2016;grants_equalisation;-2500
2016;2016;service;1200
2016;2016;transfers;360
2016;2016;interest;10
2016;2016;capital;1000
2016;2016;utilities;400
2016;2016;repayments;20
2016;2016;borrowing;-30
2016;2016;financial_movements;5
2017;2017;taxes;-6100
2017;2017;grants_equalisation;-2500
2017;2017;service;1250
2017;2017;transfers;370
2017;2017;interest;10
2017;2017;capital;900
2017;2017;utilities;400
2017;2017;repayments;20
2017;2017;borrowing;-30
2017;2017;financial_movements;5
`;

type Line = Balance['reconciliation']['lines'][number];
const byLine = (b: Balance) => Object.fromEntries(b.reconciliation.lines.map((l) => [l.line, l])) as Record<Line['line'], Line>;

describe('the budget plan reconciled with the economy feed (hand-computed)', () => {
  let t: TestApp;
  let get: (url: string) => Promise<Balance>;
  let sheet: (url: string, name: string) => Promise<unknown[][]>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const [feed, file] of [
      ['organisation', ORG],
      ['economy', economy()],
      ['budget_plan', PLAN],
    ] as const) {
      const response = await postFeed(t.app, feed, file);
      if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
    }
    const headers = bearer(await t.token('oekonom'));
    get = async (url) => (await t.app.inject({ method: 'GET', url, headers })).json();
    sheet = async (url, name) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await t.app.inject({ method: 'GET', url, headers })).rawPayload as unknown as ArrayBuffer);
      const rows = workbook.getWorksheet(name)?.getSheetValues() ?? [];
      // exceljs counts rows and cells from 1
      return rows.slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    };
  });
  afterAll(() => t.done());

  it('sums the original budget of the year over all units by line and says what agrees and why the rest differs', async () => {
    const b = await get('/api/v1/budget/balance?budgetYear=2016');
    expect(b.reconciliation.year).toBe(2016);
    expect(b.reconciliation.economyHasYear).toBe(true);
    const l = byLine(b);
    expect(l.taxes).toMatchObject({ plan: -6000, economy: -6000, difference: 0, status: 'agrees', reason: null }); // 12 × −500
    // 12 × −200 = −2.400; plan −2.500: −100
    expect(l.grants_equalisation).toMatchObject({ economy: -2400, difference: -100, status: 'differs' });
    expect(l.grants_equalisation.reason).toContain('7.62');
    // 12 × 100 (the corrected 110 and the 2015 999 do not count)
    expect(l.service).toMatchObject({ economy: 1200, difference: 0, status: 'agrees' });
    expect(l.transfers).toMatchObject({ economy: 360, status: 'agrees' }); // 12 × (50 − 20)
    expect(l.capital).toMatchObject({ economy: 1000, status: 'agrees' }); // dranst 3 in March
    expect(l.utilities).toMatchObject({ economy: 360, difference: 40, status: 'differs' }); // 12 × 30; plan 400
    expect(l.interest).toMatchObject({ plan: 10, economy: null, difference: null, status: 'not_in_economy' });
    expect(l.interest.reason).toContain('renter');
    expect(b.reconciliation.lines.map((x) => x.line)).toEqual([
      'taxes',
      'grants_equalisation',
      'service',
      'transfers',
      'interest',
      'capital',
      'utilities',
    ]);
  });

  it('says so when the economy feed has no budget for the plan’s year', async () => {
    const b = await get('/api/v1/budget/balance?budgetYear=2017');
    expect(b.reconciliation.economyHasYear).toBe(false);
    for (const line of b.reconciliation.lines) {
      expect(line.status).toBe('not_in_economy');
      expect(line.reason).toBe('økonomifeedet har intet oprindeligt budget for 2017');
    }
  });
  it('exports the reconciliation as its own sheet, signed as the screen shows it, in full kroner', async () => {
    const url = '/api/v1/budget/balance?budgetYear=2016&format=xlsx';
    const rows = await sheet(url, 'Afstemning med økonomien 2016');
    expect(rows[0]).toEqual([
      'Linje (virkning på resultatet: + indtægt, − udgift; kr.)',
      'Budgetplan',
      'Økonomifeed, oprindeligt budget',
      'Forskel',
      'Afstemning',
      'Begrundelse',
    ]);
    // the same figures as above, income + and expense −; a missing amount is an empty cell
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(byName.Skatter).toEqual([6000, 6000, 0, 'Stemmer']); // no reason: the row ends there
    // plan 2.500 income, feed 2.400: the plan has 100 more income
    expect(byName['Tilskud og udligning']?.slice(0, 4)).toEqual([2500, 2400, 100, 'Afviger']);
    expect(byName['Tilskud og udligning']?.[4]).toContain('7.62');
    expect(byName.Serviceudgifter).toEqual([-1200, -1200, 0, 'Stemmer']);
    // plan 400 expense, feed 360: 40 more expense
    expect(byName['Forsyningsvirksomheder (netto)']?.slice(0, 4)).toEqual([-400, -360, -40, 'Afviger']);
    expect(byName['Renter (netto)']?.slice(0, 4)).toEqual([-10, undefined, undefined, 'Ikke i økonomifeedet']);
    expect(byName['Renter (netto)']?.[4]).toContain('renter');
    // and every line is the JSON's reconciliation, signed by its effect on the result
    const json = await get('/api/v1/budget/balance?budgetYear=2016');
    const effect = (n: number | null) => (n === null ? undefined : 0 - n);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual(
      json.reconciliation.lines.map((l) => [l.name, effect(l.plan), effect(l.economy), effect(l.difference)]),
    );
  });

  it('exports a year the economy feed has no budget for as the page says it', async () => {
    const rows = await sheet('/api/v1/budget/balance?budgetYear=2017&format=xlsx', 'Afstemning med økonomien 2017');
    expect(rows.slice(1)).toEqual([
      ['Økonomifeedet har intet oprindeligt budget for 2017, så budgetplanen kan ikke afstemmes med det endnu.'],
    ]);
  });
});

describe('the demo reconciles', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    const dir = await mkdtemp(join(tmpdir(), 'lis-demo-reconcile-'));
    try {
      for (const file of await generateDemoFeeds(dir)) {
        if (!['organisation', 'economy', 'budget_plan'].includes(file.feed)) continue;
        await ingestFile(t.app.lis.servedFor(t.app.lis.config.municipality).ingest, {
          feed: file.feed,
          path: file.path,
          fileName: `demo/${file.feed}.csv`,
          loadedBy: 'demo',
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    headers = bearer(await t.token('oekonom'));
  }, 120_000);
  afterAll(() => t.done());

  const get = async <T>(url: string): Promise<T> => (await t.app.inject({ method: 'GET', url, headers })).json();

  it('B2016’s budget year is the economy feed’s original budget 2016 on every line the feed holds, and the follow-up’s', async () => {
    const b = await get<Balance>('/api/v1/budget/balance?budgetYear=2016');
    const l = byLine(b);
    for (const line of ['taxes', 'grants_equalisation', 'service', 'transfers', 'capital', 'utilities'] as const)
      expect(l[line], line).toMatchObject({ status: 'agrees', difference: 0 });
    // the demo's economy has no interest accounts: the plan's renter are stated as not in the feed
    expect(l.interest.status).toBe('not_in_economy');
    // the follow-up's drift (service + overførsler) at the kommune has the same original budget
    const f = await get<FollowUp>('/api/v1/budget/followup?period=2016-12');
    expect(f.originalBudget).toBeCloseTo(l.service.plan + l.transfers.plan, 2);
    const category = (c: string) => f.byCategory.find((x) => x.category === c)?.originalBudget;
    expect(category('anlaeg')).toBeCloseTo(l.capital.plan, 2);
    expect(category('forsyning')).toBeCloseTo(l.utilities.plan, 2);
  });

  it('B2017 has no economy year to reconcile with and says so', async () => {
    const b = await get<Balance>('/api/v1/budget/balance?budgetYear=2017');
    expect(b.reconciliation.economyHasYear).toBe(false);
  });
});
