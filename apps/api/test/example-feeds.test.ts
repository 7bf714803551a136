import { readdirSync } from 'node:fs';
import { FEED_LOAD_ORDER, FEED_NAMES, type FollowUp, type Indicator } from '@lis/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/demo-seed.ts';
import { loadDemoInto, storeContents } from '../src/modules/demo-store/demo-store.service.ts';
import { ingestFile } from '../src/modules/ingest/ingest.service.ts';
import { asAdmin, createTestApp, EXAMPLES, example, postFeed, type TestApp } from './helpers.ts';

// Every file in examples/feeds loads, in the order docs/feeds.md gives (FEED_LOAD_ORDER), into the
// demo store as shipped and into an empty store, and the published figures are the example rows'.
// The demo is loaded the way the server loads it (the generator through the normal ingestion, marked
// as the demo's), on PGlite and on PostgreSQL alike, though the server itself loads it only on PGlite.

const files = readdirSync(EXAMPLES).sort();
const feedOf = (file: string) => file.slice(0, file.lastIndexOf('.'));
/** the example files in load order; a feed's CSV before its other deliveries (kpi.json) */
const inLoadOrder = FEED_LOAD_ORDER.flatMap((feed) => files.filter((f) => feedOf(f) === feed));

it('the load order has every feed of the contract once, and every example file is in it', () => {
  expect([...FEED_LOAD_ORDER].sort()).toEqual([...FEED_NAMES].sort());
  expect(FEED_LOAD_ORDER.slice(0, 2)).toEqual(['organisation', 'case_types']);
  expect([...inLoadOrder].sort()).toEqual(files);
});

const dataRows = (file: string) => {
  const text = example(file).toString('utf8');
  return file.endsWith('.json') ? (JSON.parse(text) as unknown[]).length : text.trimEnd().split('\n').length - 1;
};

/** Posts each file as a delivery and expects it accepted whole. */
async function loadExampleFiles(t: TestApp, names: readonly string[]) {
  for (const file of names) {
    const contentType = file.endsWith('.json') ? 'application/json' : 'text/csv';
    const response = await postFeed(t.app, feedOf(file), example(file), contentType);
    expect({ file, status: response.statusCode, body: response.json() }).toMatchObject({
      file,
      status: 200,
      body: { feed: feedOf(file), status: 'loaded', rows: dataRows(file) },
    });
  }
}

async function indicator(t: TestApp, org: string, period: string, kpiId: string): Promise<Indicator | undefined> {
  const response = await asAdmin(t.app, 'GET', `/api/v1/dashboard?org=${org}&period=${period}`);
  return (response.json() as { indicators: Indicator[] }).indicators.find((i) => i.kpiId === kpiId);
}

const followUp = async (t: TestApp, org: string, period: string) =>
  (await asAdmin(t.app, 'GET', `/api/v1/budget/followup?org=${org}&period=${period}`)).json() as FollowUp;

/** Figures that come from the example rows alone, so both stores show them. */
async function expectExampleFigures(t: TestApp) {
  // sickleave.csv, 221010 Aabybro Skole 2016M01: (own sickness 340,2 + work injury 7,4) / planned 6.188,7 × 100
  // = 347,6 / 6.188,7 × 100 = 5,6167 %; the target 4,5 % (tolerance 10 %) is the kommune's
  expect(await indicator(t, '221010', '2016-01', 'sick_leave_pct')).toMatchObject({
    value: expect.closeTo(5.6167, 4),
    target: 4.5,
    targetOrgId: '849',
    status: 'red',
  });
  // kpi.csv: development talks 39 of 42 = 92,857 %; wellbeing 2.905 points from 38 respondents = 76,447
  expect((await indicator(t, '221010', '2016-01', 'development_talks_pct'))?.value).toBeCloseTo(92.857, 3);
  expect((await indicator(t, '221010', '2016-11', 'wellbeing_score'))?.value).toBeCloseTo(76.447, 3);
  // economy.csv, 311020 Plejecenter Solsiden 2016-01: forbrug 3.254.876,25 (dranst 1) − 12.500 (dranst 2)
  expect((await followUp(t, '311020', '2016-01')).actualsYtd).toBeCloseTo(3_242_376.25, 2);
}

describe('the example files in the demo store as shipped', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const ctx = { db: t.store.db, municipality: t.app.lis.config.municipality };
    await loadDemoInto(ctx, () =>
      loadDemoData((feed, path, fileName) =>
        ingestFile(t.app.lis.servedFor(t.app.lis.config.municipality).ingest, { feed, path, fileName, loadedBy: 'demo' }),
      ),
    );
    expect(await storeContents(ctx)).toBe('demo');
  }, 300_000);
  afterAll(() => t.done());

  it('loads every one, in the order; the organisation example is part of the demo organisation', async () => {
    const units = async () => (await asAdmin(t.app, 'GET', '/api/v1/org-units')).json();
    const demoUnits = await units();
    await loadExampleFiles(t, inLoadOrder);
    // the same units, names, parents and dates: the examples name the demo's units and add none
    expect(await units()).toEqual(demoUnits);
  }, 240_000);

  it('publishes the example rows where they restate the demo month', async () => {
    await expectExampleFigures(t);
  });
});

describe('the example files in an empty store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.done());

  it('loads the organisation, then every other one, in the order', async () => {
    expect(inLoadOrder[0]).toBe('organisation.csv');
    await loadExampleFiles(t, ['organisation.csv']);
    await loadExampleFiles(t, inLoadOrder.slice(1));
  }, 60_000);

  it('publishes the example rows', async () => {
    await expectExampleFigures(t);
    // economy.csv, 221010 in January: forbrug 2.391.204,50 of a corrected budget 2.475.000 = 96,614 %
    expect(await followUp(t, '221010', '2016-01')).toMatchObject({
      originalBudget: 2_450_000,
      correctedBudget: 2_475_000,
      actualsYtd: 2_391_204.5,
      consumptionPct: expect.closeTo(96.614, 3),
    });
  });
});
