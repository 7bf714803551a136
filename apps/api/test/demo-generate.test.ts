import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ColumnType, FEED_NAMES, FEEDS, type FeedName } from '@lis/contracts';
import {
  findKpi,
  findMunicipality,
  isBalanceTargetId,
  isOperatingSpending,
  MUNICIPALITIES,
  parseDanishDate,
  parseDanishNumber,
  parseMonth,
  parseYear,
} from '@lis/domain';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFile, generateDemoFeeds } from '../src/modules/demo/generate.ts';

// The files are read back with a small reader of their own (not the product's ingestion), so
// this suite checks the generator against the contract, not against today's reader.

type Row = Record<string, string>;
const dirs: string[] = [];
const dir = (name: string) => {
  dirs.push(mkdtempSync(join(tmpdir(), `lis-demo-${name}-`)));
  return dirs.at(-1) ?? '';
};

let files: DemoFile[];
let same: DemoFile[];
let other: DemoFile[];
let elapsedMs: number;
const feeds = new Map<FeedName, Row[]>();

beforeAll(async () => {
  const started = performance.now();
  files = await generateDemoFeeds(dir('a'), { seed: 849 });
  elapsedMs = performance.now() - started;
  same = await generateDemoFeeds(dir('b'), { seed: 849 });
  other = await generateDemoFeeds(dir('c'), { seed: 7 });
  for (const f of files) feeds.set(f.feed, readCsv(f.path).rows);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const rows = (feed: FeedName): Row[] => feeds.get(feed) ?? [];
const num = (text: string | undefined) => parseDanishNumber(text ?? '') ?? Number.NaN;
const bytesOf = (list: DemoFile[], feed: FeedName) => readFileSync(list.find((f) => f.feed === feed)?.path ?? '');

/** Decodes as the contract allows (UTF-8 with or without BOM, else Windows-1252) and splits `;` lines. */
function readCsv(path: string): { header: string[]; rows: Row[] } {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'win1252');
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const [head = '', ...body] = lines;
  const header = splitLine(head);
  return { header, rows: body.map((line) => Object.fromEntries(splitLine(line).map((v, i) => [header[i] ?? `#${i}`, v]))) };
}

/** `;`-separated cells with RFC 4180 quotes (no line breaks inside cells in these files) */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function validCell(type: ColumnType, value: string): boolean {
  switch (type.kind) {
    case 'text':
      return value.length <= 300;
    case 'month':
      return parseMonth(value) !== null;
    case 'date':
      return parseDanishDate(value) !== null;
    case 'year':
      return parseYear(value) !== null;
    case 'function':
      return /^\d\.\d{2}\.\d{2}$/.test(value);
    case 'municipality':
      return findMunicipality(value) !== null;
    case 'enum':
      return type.values[value.toLowerCase()] !== undefined;
    case 'integer': {
      const n = parseDanishNumber(value);
      return n !== null && Number.isInteger(n) && n >= (type.min ?? -Infinity) && n <= (type.max ?? Infinity);
    }
    case 'number': {
      const n = parseDanishNumber(value);
      return n !== null && n >= (type.min ?? -Infinity);
    }
  }
}

describe('generateDemoFeeds', () => {
  it('writes every feed in load order, fast', () => {
    expect(files.map((f) => f.feed).slice(0, 2)).toEqual(['organisation', 'case_types']);
    expect(files.at(-1)?.feed).toBe('targets');
    expect(new Set(files.map((f) => f.feed))).toEqual(new Set(FEED_NAMES));
    for (const f of files) expect(f.rows, f.feed).toBe(rows(f.feed).length);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('gives byte-identical files for the same seed and different data for another seed', () => {
    for (const feed of FEED_NAMES) expect(bytesOf(same, feed).equals(bytesOf(files, feed)), feed).toBe(true);
    for (const feed of ['economy', 'sickleave', 'cases', 'benchmark', 'kpi'] as const) {
      expect(bytesOf(other, feed).equals(bytesOf(files, feed)), feed).toBe(false);
    }
  });

  it('writes every feed valid per the contract: header, required values, types', () => {
    for (const f of files) {
      const spec = FEEDS[f.feed];
      expect(readCsv(f.path).header, f.feed).toEqual(spec.columns.map((c) => c.name));
      const problems: string[] = [];
      rows(f.feed).forEach((row, i) => {
        for (const column of spec.columns) {
          const value = row[column.name] ?? '';
          if (value === '' ? column.required : !validCell(column.type, value))
            problems.push(`${f.feed} line ${i + 2} ${column.name}=${value}`);
        }
      });
      expect(problems.slice(0, 5), f.feed).toEqual([]);
    }
  });

  it('writes the formats real systems deliver: Windows-1252 with æøå, UTF-8 with BOM, DST months, Danish dates', () => {
    const organisation = bytesOf(files, 'organisation');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(organisation)).toThrow();
    const names = rows('organisation').map((r) => r.name);
    expect(names).toContain('Økonomi og Personale');
    expect(names).toContain('Børne- og Familieforvaltningen');
    expect(names).toContain('Ældre og Sundhed');
    expect(names).toContain('Hjælpemidler og Boligindretning');
    expect(names.join('')).not.toMatch(/[\uFFFD?]/);
    expect(bytesOf(files, 'sickleave').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rows('sickleave')[0]?.period).toBe('2014M01');
    expect(rows('economy')[0]?.period).toBe('2014-01');
    expect(rows('economy')[0]?.amount).toMatch(/^-?\d+,\d\d$/);
    expect(rows('cases')[0]?.received).toMatch(/^\d\d-\d\d-\d{4}$/);
  });
});

describe('organisation', () => {
  const byLevel = (level: string) => rows('organisation').filter((r) => r.level === level);

  it('is Jammerbugt: one root, 4 forvaltninger, ~20 afdelinger, ~100 enheder as leaves', () => {
    expect(byLevel('kommune')).toEqual([expect.objectContaining({ org_id: '849', parent_id: '', name: 'Jammerbugt Kommune' })]);
    expect(byLevel('forvaltning').map((r) => r.name)).toEqual([
      'Økonomi og Personale',
      'Børne- og Familieforvaltningen',
      'Social-, Sundheds- og Arbejdsmarkedsforvaltningen',
      'Vækst- og Udviklingsforvaltningen',
    ]);
    expect(byLevel('afdeling').length).toBeGreaterThanOrEqual(18);
    expect(byLevel('afdeling').length).toBeLessThanOrEqual(22);
    expect(byLevel('enhed').length).toBeGreaterThanOrEqual(90);
    expect(byLevel('enhed').length).toBeLessThanOrEqual(110);
    const level = new Map(rows('organisation').map((r) => [r.org_id, r.level]));
    const above = { forvaltning: 'kommune', afdeling: 'forvaltning', enhed: 'afdeling' } as Record<string, string>;
    for (const r of rows('organisation').filter((u) => u.parent_id !== ''))
      expect(level.get(r.parent_id ?? ''), r.org_id).toBe(above[r.level ?? '']);
    const parents = new Set(rows('organisation').map((r) => r.parent_id));
    for (const e of byLevel('enhed')) expect(parents.has(e.org_id), e.org_id).toBe(false);
    // one row per version of a unit: the key is org_id and valid_from
    expect(new Set(rows('organisation').map((r) => `${r.org_id}|${r.valid_from}`)).size).toBe(rows('organisation').length);
  });

  it('is reorganised on 1 January 2016: two afdelinger change forvaltning, one is merged into another', () => {
    const versions = (id: string) =>
      rows('organisation')
        .filter((r) => r.org_id === id)
        .map((r) => `${r.parent_id} ${r.valid_from || '…'}–${r.valid_to || '…'}`);
    expect(versions('2400')).toEqual(['2000 …–31.12.2015', '3000 01.01.2016–…']);
    expect(versions('3300')).toEqual(['3000 …–31.12.2015', '4000 01.01.2016–…']);
    expect(versions('4500')).toEqual(['4000 …–31.12.2015']);
    for (const enhed of ['451010', '451020']) expect(versions(enhed)).toEqual(['4500 …–31.12.2015', '4100 01.01.2016–…']);
  });

  it('has small units under the anonymity limit, one of them with a single larger sibling', () => {
    const december = new Map(
      rows('sickleave')
        .filter((r) => r.period === '2016M12')
        .map((r) => [r.org_id ?? '', num(r.headcount)]),
    );
    const small = [...december].filter(([, n]) => n < 5).map(([id]) => id);
    expect(small.length).toBeGreaterThanOrEqual(4);
    const parentOf = new Map(rows('organisation').map((r) => [r.org_id, r.parent_id]));
    const siblings = (id: string) =>
      [...december.keys()].filter((other) => other !== id && parentOf.get(other) === parentOf.get(id));
    expect(small.some((id) => siblings(id).length === 1 && (december.get(siblings(id)[0] ?? '') ?? 0) >= 5)).toBe(true);
  });
});

describe('references', () => {
  it('every org_id, case type and KPI referenced exists', () => {
    const orgIds = new Set(rows('organisation').map((r) => r.org_id));
    const enheder = new Set(
      rows('organisation')
        .filter((r) => r.level === 'enhed')
        .map((r) => r.org_id),
    );
    for (const feed of ['economy', 'sickleave', 'cases'] as const) {
      expect(
        [...new Set(rows(feed).map((r) => r.org_id))].filter((id) => !enheder.has(id ?? '')),
        feed,
      ).toEqual([]);
    }
    for (const feed of ['kpi', 'targets'] as const) {
      expect(
        [...new Set(rows(feed).map((r) => r.org_id))].filter((id) => !orgIds.has(id ?? '')),
        feed,
      ).toEqual([]);
    }
    const caseTypes = new Set(rows('case_types').map((r) => r.case_type));
    expect([...new Set(rows('cases').map((r) => r.case_type))].filter((t) => !caseTypes.has(t ?? ''))).toEqual([]);
    for (const r of rows('kpi')) expect(findKpi(r.kpi_id ?? '')?.sourceFeed, r.kpi_id).toBe('kpi');
    for (const r of rows('targets'))
      expect(findKpi(r.kpi_id ?? '') !== null || isBalanceTargetId(r.kpi_id ?? ''), r.kpi_id).toBe(true);
  });
});

describe('economy', () => {
  const operating = (r: Row) => isOperatingSpending(r.function ?? '', Number(r.dranst));
  const total = (year: string, amountType: string) =>
    rows('economy')
      .filter((r) => r.period?.startsWith(year) && r.amount_type === amountType && operating(r))
      .reduce((sum, r) => sum + num(r.amount), 0);

  it('has net operating spending of about 2,3 mia. kr. a year', () => {
    for (const year of ['2014', '2015', '2016']) {
      for (const type of ['original_budget', 'corrected_budget', 'actual']) {
        expect(total(year, type), `${year} ${type}`).toBeGreaterThan(2.1e9);
        expect(total(year, type), `${year} ${type}`).toBeLessThan(2.5e9);
      }
    }
  });

  it('has unique keys, forecasts at BO1–BO3 only, supplementary grants, income with a minus', () => {
    const keys = rows('economy').map((r) => [r.period, r.org_id, r.function, r.dranst, r.amount_type].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const forecastMonths = new Set(
      rows('economy')
        .filter((r) => r.amount_type === 'forecast')
        .map((r) => r.period?.slice(5)),
    );
    expect(forecastMonths).toEqual(new Set(['03', '06', '09']));
    const byKey = new Map<string, number>();
    for (const r of rows('economy').filter((x) => x.amount_type !== 'forecast')) {
      const key = [r.period, r.org_id, r.function, r.dranst].join('|');
      byKey.set(
        key,
        (byKey.get(key) ?? 0) +
          (r.amount_type === 'original_budget' ? -1 : r.amount_type === 'corrected_budget' ? 1 : 0) * num(r.amount),
      );
    }
    expect([...byKey.values()].filter((d) => Math.abs(d) > 0.5).length).toBeGreaterThan(100);
    for (const r of rows('economy').filter((x) => x.dranst === '7' || x.dranst === '2'))
      expect(num(r.amount), r.function).toBeLessThanOrEqual(0);
    expect(rows('economy').some((r) => r.dranst === '3')).toBe(true);
  });
});

describe('budget_plan', () => {
  it('has two plans of four years with all ten lines and a plausible driftsoverskud', () => {
    expect(rows('budget_plan').length).toBe(2 * 4 * 10);
    const amount = (budgetYear: number, year: number, line: string) =>
      num(
        rows('budget_plan').find((r) => r.budget_year === String(budgetYear) && r.year === String(year) && r.line === line)
          ?.amount,
      );
    const surplus = (b: number, y: number) =>
      -(amount(b, y, 'taxes') + amount(b, y, 'grants_equalisation')) -
      amount(b, y, 'service') -
      amount(b, y, 'transfers') -
      amount(b, y, 'interest');
    for (const [b, years] of [
      [2016, [2016, 2017, 2018, 2019]],
      [2017, [2017, 2018, 2019, 2020]],
    ] as const) {
      for (const y of years) {
        expect(surplus(b, y), `B${b} ${y}`).toBeGreaterThan(40e6);
        expect(surplus(b, y), `B${b} ${y}`).toBeLessThan(100e6);
      }
    }
    expect(Math.abs(surplus(2017, 2017) - surplus(2016, 2017))).toBeGreaterThan(5e6);
  });
});

describe('sickleave', () => {
  it('keeps the contract invariants', () => {
    const hourColumns = [
      'planned_hours',
      'own_sickness_hours',
      'work_injury_hours',
      'long_term_hours',
      'child_sickness_hours',
      'parental_leave_hours',
    ];
    for (const r of rows('sickleave')) {
      for (const c of hourColumns) expect(num(r[c] || '0'), `${r.period} ${r.org_id} ${c}`).toBeGreaterThanOrEqual(0);
      expect(num(r.long_term_hours)).toBeLessThanOrEqual(num(r.own_sickness_hours) + num(r.work_injury_hours));
      if (num(r.headcount) === 0) expect(hourColumns.every((c) => num(r[c] || '0') === 0)).toBe(true);
      expect(num(r.fte)).toBeLessThanOrEqual(num(r.headcount));
    }
    const keys = rows('sickleave').map((r) => `${r.period}|${r.org_id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has every staffed enhed every month, with sick leave around 4,5–5,5 %', () => {
    const months = new Map<string, number>();
    for (const r of rows('sickleave')) months.set(r.org_id ?? '', (months.get(r.org_id ?? '') ?? 0) + 1);
    const full = [...months.values()].filter((n) => n === 36).length;
    const enheder = new Set(rows('organisation').flatMap((r) => (r.level === 'enhed' ? [r.org_id] : [])));
    expect(full).toBeGreaterThanOrEqual(enheder.size - 3);
    const sum = (c: string) => rows('sickleave').reduce((s, r) => s + num(r[c]), 0);
    const pct = ((sum('own_sickness_hours') + sum('work_injury_hours')) / sum('planned_hours')) * 100;
    expect(pct).toBeGreaterThan(4.3);
    expect(pct).toBeLessThan(5.7);
    expect(rows('sickleave').some((r) => r.child_sickness_hours === '')).toBe(true);
    expect(rows('sickleave').filter((r) => r.child_sickness_hours !== '').length / rows('sickleave').length).toBeGreaterThan(0.8);
  });
});

describe('cases', () => {
  const day = (text: string | undefined) => parseDanishDate(text ?? '') ?? '';

  it('has ~20.000 cases, decided never before received or complete, some still open', () => {
    const cases = rows('cases');
    expect(cases.length).toBeGreaterThan(18_000);
    expect(cases.length).toBeLessThan(22_000);
    expect(new Set(cases.map((c) => c.case_id)).size).toBe(cases.length);
    for (const c of cases) {
      if (c.complete) expect(day(c.complete) >= day(c.received), c.case_id).toBe(true);
      if (c.decided) expect(day(c.decided) >= day(c.complete || c.received), c.case_id).toBe(true);
      if (c.complete) expect(c.case_type?.startsWith('BYG'), c.case_id).toBe(true);
    }
    const open = cases.filter((c) => c.decided === '');
    expect(open.length).toBeGreaterThan(100);
    expect(open.length).toBeLessThan(cases.length * 0.05);
  });

  it('decides most cases within the deadline that applied when they were received', () => {
    const types = rows('case_types');
    const changed = types.filter((t) => t.valid_from !== '');
    expect(changed.length).toBeGreaterThanOrEqual(1);
    for (const t of changed) expect(types.some((o) => o.case_type === t.case_type && o.valid_from === '')).toBe(true);
    const deadline = (type: string, received: string) =>
      types
        .filter((t) => t.case_type === type && (t.valid_from === '' || (t.valid_from ?? '') <= received))
        .sort((a, b) => (a.valid_from ?? '').localeCompare(b.valid_from ?? ''))
        .map((t) => num(t.deadline_days))
        .at(-1) ?? Number.NaN;
    const decided = rows('cases').filter((c) => c.decided);
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
    const within = decided.filter(
      (c) => days(day(c.decided), day(c.complete || c.received)) <= deadline(c.case_type ?? '', day(c.received)),
    );
    const share = within.length / decided.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.95);
  });
});

describe('benchmark', () => {
  it('covers all 98 municipalities, at least 6 areas and 3 years, with plausible populations and need', () => {
    const b = rows('benchmark');
    const areas = new Set(b.map((r) => r.area));
    expect(areas.size).toBeGreaterThanOrEqual(6);
    for (const area of ['dagtilbud', 'folkeskole', 'udsatte_boern', 'aeldre', 'handicap_voksne', 'administration'])
      expect(areas.has(area)).toBe(true);
    expect(new Set(b.map((r) => r.municipality))).toEqual(new Set(MUNICIPALITIES.map((m) => m.code)));
    expect(new Set(b.map((r) => r.year))).toEqual(new Set(['2014', '2015', '2016']));
    expect(b.length).toBe(98 * areas.size * 3);
    expect(new Set(b.map((r) => `${r.year}|${r.municipality}|${r.area}`)).size).toBe(b.length);
    for (const r of b) {
      expect(num(r.need_index)).toBeGreaterThanOrEqual(0.85);
      expect(num(r.need_index)).toBeLessThanOrEqual(1.15);
    }
    const admin = (code: string) =>
      num(b.find((r) => r.year === '2016' && r.municipality === code && r.area === 'administration')?.target_population);
    expect(admin('849')).toBeGreaterThan(37_000);
    expect(admin('849')).toBeLessThan(40_000);
    expect(admin('101')).toBeGreaterThan(500_000);
    expect(admin('825')).toBeLessThan(3_000);
  });

  it('puts Jammerbugt above the national median in some areas and below it in others', () => {
    const b = rows('benchmark').filter((r) => r.year === '2016');
    let above = 0;
    let below = 0;
    for (const area of new Set(b.map((r) => r.area))) {
      const costs = b
        .filter((r) => r.area === area)
        .map((r) => ({ code: r.municipality, u: num(r.net_expenditure) / num(r.target_population) }));
      const sorted = costs.map((c) => c.u).sort((x, y) => x - y);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      const own = costs.find((c) => c.code === '849')?.u ?? 0;
      if (own > median * 1.03) above++;
      if (own < median * 0.97) below++;
    }
    expect(above).toBeGreaterThanOrEqual(2);
    expect(below).toBeGreaterThanOrEqual(2);
  });
});

describe('kpi and targets', () => {
  it('delivers the kpi-feed indicators as valid ratios', () => {
    const ids = new Set(rows('kpi').map((r) => r.kpi_id));
    expect(ids).toEqual(new Set(['wellbeing_score', 'development_talks_pct', 'citizen_satisfaction_pct', 'promises_kept_pct']));
    for (const r of rows('kpi')) {
      const [n, d] = [num(r.numerator), num(r.denominator)];
      expect(d, `${r.period} ${r.org_id} ${r.kpi_id}`).toBeGreaterThan(0);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n / d).toBeLessThanOrEqual(r.kpi_id === 'wellbeing_score' ? 100 : 1);
    }
    expect(
      new Set(
        rows('kpi')
          .filter((r) => r.kpi_id === 'wellbeing_score')
          .map((r) => r.period),
      ),
    ).toEqual(new Set(['2014-11', '2015-11', '2016-11']));
  });

  it('sets targets for the kommune every year and overrides lower in the tree', () => {
    const t = rows('targets');
    for (const kpi of ['sick_leave_pct', 'case_within_deadline_pct', 'wellbeing_score', 'budget_forecast_deviation_pct']) {
      expect(t.filter((r) => r.kpi_id === kpi && r.org_id === '849').map((r) => r.year)).toEqual(['2014', '2015', '2016']);
    }
    // Jammerbugt's budget-balance targets, for the budget years of both plans (B2016, B2017) too
    const atKommune = (kpi: string) => t.filter((r) => r.kpi_id === kpi && r.org_id === '849').map((r) => [r.year, r.target]);
    expect(atKommune('operating_surplus')).toEqual(['2014', '2015', '2016', '2017'].map((y) => [y, '50000000']));
    expect(atKommune('capital_spending')).toEqual([
      ['2016', '50000000'],
      ['2017', '50000000'],
    ]);
    expect(t.some((r) => r.org_id !== '849')).toBe(true);
    expect(t.some((r) => r.tolerance === '')).toBe(true);
    expect(t.some((r) => r.tolerance !== '')).toBe(true);
    const keys = t.map((r) => `${r.kpi_id}|${r.org_id}|${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
