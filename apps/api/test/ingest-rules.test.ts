import { FEED_NAMES } from '@lis/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/demo-seed.ts';
import { ingestFile } from '../src/modules/ingest/ingest.service.ts';
import {
  asAdmin,
  createAppWithOrganisation,
  createTestApp,
  example,
  factFingerprint,
  postFeed,
  type TestApp,
} from './helpers.ts';

// Load-time rules from the security and fault review (issue 8): small groups beside their
// children, implausible sick leave, a benchmark population that cannot divide.

let t: TestApp;
beforeAll(async () => {
  t = await createAppWithOrganisation();
});
afterAll(() => t.done());

const SICK = 'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours';
const KPI = 'period;org_id;kpi_id;numerator;denominator';
const ORG = 'org_id;parent_id;name;level';
const BENCH = 'year;municipality;area;net_expenditure;target_population;need_index';

/** Posts a file that must be rejected; checks the first error and that nothing changed. */
async function rejected(feed: string, body: string) {
  const before = await factFingerprint(t.store);
  const response = await postFeed(t.app, feed, body);
  expect(response.statusCode, response.body).toBe(422);
  expect(await factFingerprint(t.store)).toEqual(before);
  return response.json().errors as { line: number; column: string | null; value: string | null; message: string }[];
}
async function loaded(feed: string, body: string) {
  const response = await postFeed(t.app, feed, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('personal-data rows are for units without children', () => {
  it.each([
    ['sickleave', `${SICK}\n2016-02;221010;40;36;5.800;100;10;20\n2016-02;2200;3;3;450;40;0;0\n`, 'sygefravær'],
    ['kpi', `${KPI}\n2016-11;221010;wellbeing_score;2.905;38\n2016-11;2200;wellbeing_score;150;3\n`, 'wellbeing_score'],
    ['kpi', `${KPI}\n2016-11;2000;development_talks_pct;2;3\n`, 'development_talks_pct'],
  ])('%s: a row for a unit with children is an error on its line', async (feed, body, what) => {
    const errors = await rejected(feed, body);
    const line = body.trim().split('\n').length; // the last line holds the parent's row
    expect(errors).toEqual([
      {
        line,
        column: 'org_id',
        value: body.trim().split('\n').at(-1)?.split(';')[1],
        message: `har underenheder; ${what} er personoplysninger og leveres kun for enheder uden underenheder`,
      },
    ]);
  });

  it('accepts a kpi that is not personal data for a unit with children', async () => {
    const result = await loaded('kpi', `${KPI}\n2016-11;3100;citizen_satisfaction_pct;80;100\n`);
    expect(result).toMatchObject({ status: 'loaded', rows: 1 });
  });

  it('refuses an organisation that gives children to a unit holding personal rows, naming the unit on the line', async () => {
    // Two new afdelinger without children yet: one gets sick leave, the other a wellbeing survey.
    await loaded('organisation', `${ORG}\nA-NY1;2000;Ny afdeling 1;afdeling\nA-NY2;2000;Ny afdeling 2;afdeling\n`);
    await loaded('sickleave', `${SICK}\n2016-03;A-NY1;12;11;1.700;60;0;0\n`);
    await loaded('kpi', `${KPI}\n2016-11;A-NY2;wellbeing_score;900;12\n`);

    const errors = await rejected(
      'organisation',
      `${ORG}\nE-NY0;2000;Fin;afdeling\nE-NY1;A-NY1;Under 1;enhed\nE-NY2;A-NY2;Under 2;enhed\n`,
    );
    const message = (unit: string) =>
      `enheden ${unit} har rækker med sygefravær eller trivsel (personoplysninger, kun for enheder uden underenheder) og kan ikke få underenheder`;
    expect(errors).toEqual([
      { line: 3, column: 'parent_id', value: 'A-NY1', message: message('A-NY1') },
      { line: 4, column: 'parent_id', value: 'A-NY2', message: message('A-NY2') },
    ]);
  });

  it('still loads an organisation that moves no unit under one holding personal rows', async () => {
    // The whole tree again with a new name: no unit gains a child, so the delivery is fine.
    const renamed = example('organisation.csv').toString('utf8').replace('Aabybro Skole', 'Aabybro Skole og SFO');
    const result = await loaded('organisation', renamed);
    expect(result.status).toBe('loaded');
    // A unit without personal rows may get children.
    await loaded('organisation', `${ORG}\nA-NY3;2000;Ny afdeling 3;afdeling\nE-NY3;A-NY3;Under 3;enhed\n`);
  });
});

describe('restoring a delivery', () => {
  it('is refused when it would put children under a unit that holds personal rows by now', async () => {
    const before = await loaded('organisation', `${ORG}\nA-P;2000;P;afdeling\nA-Q;2000;Q;afdeling\nE-X;A-P;X;enhed\n`);
    await loaded('organisation', `${ORG}\nE-X;A-Q;X;enhed\n`); // A-P has no children now
    await loaded('sickleave', `${SICK}\n2016-06;A-P;9;8;1.200;30;0;0\n`);
    const facts = await factFingerprint(t.store);

    const response = await asAdmin(t.app, 'POST', `/api/v1/batches/${before.batchId}/restore`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe(
      `Batch ${before.batchId} cannot be restored: it would leave sick leave or survey rows (personal data, for units without children) on units with children: A-P`,
    );
    expect(await factFingerprint(t.store)).toEqual(facts);
  });
});

describe('implausible sick leave', () => {
  it('rejects more sick hours than planned hours, and sick hours with no planned hours', async () => {
    const errors = await rejected(
      'sickleave',
      `${SICK}\n2016-04;221010;40;36;100;4.990;10;0\n2016-04;221040;35;31;0;7,4;0;0\n2016-04;311020;58;47;100,5;100;0,6;0\n`,
    );
    expect(errors).toEqual([
      {
        line: 2,
        column: 'own_sickness_hours',
        value: '4990',
        message: 'own_sickness_hours + work_injury_hours (5000) er flere timer end planned_hours (100)',
      },
      { line: 3, column: 'planned_hours', value: '0', message: 'er 0, men rækken har 7,4 timers sygdom og arbejdsskade' },
      {
        line: 4,
        column: 'own_sickness_hours',
        value: '100',
        message: 'own_sickness_hours + work_injury_hours (100,6) er flere timer end planned_hours (100,5)',
      },
    ]);
  });

  it('accepts sick hours equal to the planned hours', async () => {
    const result = await loaded('sickleave', `${SICK}\n2016-05;221010;40;36;1.480,4;1.400;80,4;1.480,4\n`);
    expect(result).toMatchObject({ status: 'loaded', rows: 1 });
  });
});

describe('benchmark', () => {
  it('rejects a target population or a need index of 0 on its line', async () => {
    const errors = await rejected(
      'benchmark',
      `${BENCH}\n2015;849;dagtilbud;151.200.000;2.010;0,98\n2015;787;dagtilbud;166.800.000;0;1,01\n2015;860;dagtilbud;268.900.000;3.540;0\n`,
    );
    expect(errors).toEqual([
      { line: 3, column: 'target_population', value: '0', message: 'skal være større end 0 (udgiften deles med den)' },
      { line: 4, column: 'need_index', value: '0', message: 'skal være større end 0 eller tom (udgiften deles med den)' },
    ]);
  });
});

describe('the demo data', () => {
  it('loads under these rules, every feed', async () => {
    const demo = await createTestApp();
    try {
      const results = await loadDemoData((feed, path, fileName) =>
        ingestFile(demo.app.lis.servedFor(demo.app.lis.config.municipality).ingest, { feed, path, fileName, loadedBy: 'demo' }),
      );
      expect(results.map((r) => r.status)).toEqual(Array(FEED_NAMES.length).fill('loaded'));
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from sickleave s where exists (
          select 1 from org_units c where c.parent_id = s.org_id and c.active)`.execute(demo.store.db);
      expect(rows[0]?.n).toBe(0);
    } finally {
      await demo.done();
    }
  });
});
