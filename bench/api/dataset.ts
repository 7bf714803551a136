import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A large synthetic municipality for the read benchmark: 609 org units (kommune, 6 forvaltninger,
 * 42 afdelinger, 560 enheder) and ten years of monthly facts, about two million fact rows.
 * Deterministic (a fixed linear congruential generator), written as feed files.
 */
const FIRST_YEAR = 2007;
const LAST_YEAR = 2016;
const FORVALTNINGER = 6;
const AFDELINGER_EACH = 7;
const ENHEDER_EACH = 14;
/** BENCH_CASES makes a smaller run possible (a smoke test of the benchmark itself). */
const CASES = Number(process.env.BENCH_CASES ?? 1_300_000);
const CASE_UNITS = 120;

export interface Dataset {
  dir: string;
  files: { feed: string; path: string; rows: number }[];
  orgIds: string[];
  enheder: string[];
  periods: string[];
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const months = () => {
  const out: string[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (let m = 1; m <= 12; m++) out.push(`${y}-${pad(m)}`);
  return out;
};

async function writeLines(path: string, header: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let rows = 0;
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    rows++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return rows;
}

export async function writeDataset(dir: string): Promise<Dataset> {
  await mkdir(dir, { recursive: true });
  const rand = random(849);
  const org: string[] = ['K;;Benchkommune;kommune'];
  const enheder: string[] = [];
  for (let f = 1; f <= FORVALTNINGER; f++) {
    org.push(`F${f};K;Forvaltning ${f};forvaltning`);
    for (let a = 1; a <= AFDELINGER_EACH; a++) {
      org.push(`A${f}${a};F${f};Afdeling ${f}.${a};afdeling`);
      for (let e = 1; e <= ENHEDER_EACH; e++) {
        const id = `E${f}${a}${pad(e)}`;
        org.push(`${id};A${f}${a};Enhed ${f}.${a}.${e};enhed`);
        enheder.push(id);
      }
    }
  }
  const periods = months();
  const headcount = new Map(enheder.map((id) => [id, 3 + Math.floor(rand() * 60)]));
  const files: Dataset['files'] = [];
  const add = async (feed: string, header: string, lines: Iterable<string>) => {
    const path = join(dir, `${feed}.csv`);
    files.push({ feed, path, rows: await writeLines(path, header, lines) });
  };

  await add('organisation', 'org_id;parent_id;name;level', org);
  await add('case_types', CASE_TYPES_HEADER, CASE_TYPES);
  await add(
    'sickleave',
    'period;org_id;headcount;fte;planned_hours;own_sickness_hours;work_injury_hours;long_term_hours',
    (function* () {
      for (const period of periods) {
        for (const id of enheder) {
          const hc = headcount.get(id) ?? 10;
          const planned = hc * 0.9 * 160.33;
          const sick = planned * (0.03 + rand() * 0.05);
          yield `${period};${id};${hc};${(hc * 0.9).toFixed(2)};${planned.toFixed(2)};${sick.toFixed(2)};${(sick * 0.05).toFixed(2)};${(sick * 0.3).toFixed(2)}`;
        }
      }
    })(),
  );
  await add(
    'economy',
    'period;org_id;function;dranst;amount_type;amount',
    (function* () {
      const functions = ['3.22.01', '5.25.14', '5.32.32', '6.45.51'];
      for (const period of periods) {
        const month = Number(period.slice(5));
        for (const id of enheder) {
          for (const fn of functions) {
            const budget = 100_000 + rand() * 400_000;
            yield `${period};${id};${fn};1;corrected_budget;${budget.toFixed(2)}`;
            yield `${period};${id};${fn};1;actual;${(budget * (0.9 + rand() * 0.2)).toFixed(2)}`;
            if (month % 3 === 0 && month < 12)
              yield `${period};${id};${fn};1;forecast;${(budget * 12 * (0.95 + rand() * 0.1)).toFixed(2)}`;
          }
        }
      }
    })(),
  );
  await add(
    'cases',
    CASES_HEADER,
    (function* () {
      for (const c of benchCases(enheder)) yield caseLine(c);
    })(),
  );
  await add(
    'kpi',
    'period;org_id;kpi_id;numerator;denominator',
    (function* () {
      for (const period of periods)
        for (const id of enheder)
          yield `${period};${id};development_talks_pct;${Math.floor((headcount.get(id) ?? 10) * 0.9)};${headcount.get(id)}`;
    })(),
  );
  // The budget plans of the years (budget year + 3 forecast years), for the budget balance's read.
  await add(
    'budget_plan',
    'budget_year;year;line;amount',
    (function* () {
      for (let b = FIRST_YEAR + 1; b <= LAST_YEAR; b++)
        for (let y = b; y <= b + 3; y++)
          for (const [line, amount] of PLAN_LINES)
            yield `${b};${y};${line};${(amount * (1 + (y - FIRST_YEAR) * 0.02)).toFixed(0)}`;
    })(),
  );
  await add(
    'targets',
    'kpi_id;org_id;year;target',
    (function* () {
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
        yield `sick_leave_pct;K;${y};5`;
        yield `case_within_deadline_pct;K;${y};90`;
        for (let f = 1; f <= FORVALTNINGER; f++) yield `sick_leave_pct;F${f};${y};${4 + f / 2}`;
      }
    })(),
  );
  return { dir, files, orgIds: ['K', ...org.slice(1).map((line) => line.split(';')[0] as string)], enheder, periods };
}

/** A plan's lines in kroner (+ expense, − income), grown 2 % a year. */
const PLAN_LINES: [string, number][] = [
  ['taxes', -1_962_000_000],
  ['grants_equalisation', -648_000_000],
  ['service', 1_940_000_000],
  ['transfers', 571_000_000],
  ['interest', 4_500_000],
  ['capital', 55_000_000],
  ['utilities', -1_200_000],
  ['repayments', 24_000_000],
  ['borrowing', -20_000_000],
  ['financial_movements', 8_000_000],
];

const CASE_TYPES_HEADER = 'case_type;name;deadline_days';
const CASE_TYPES = ['SEL112;Hjælpemidler;56', 'SEL83;Personlig pleje;7', 'BYG;Byggesag;40', 'PLEJE;Plejebolig;56'];
const CASES_HEADER = 'case_id;org_id;case_type;received;decided';
const DAY = 86_400_000;
const MONTH_END = Date.UTC(LAST_YEAR + 1, 0, 1) - DAY;

interface BenchCase {
  id: string;
  unit: string;
  type: string;
  received: number;
  decided: number | null;
}

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const caseLine = (c: BenchCase) =>
  `${c.id};${c.unit};${c.type};${isoDate(c.received)};${c.decided === null ? '' : isoDate(c.decided)}`;
/** Days until a decision: exponential with a mean of 30 days. */
const duration = (rand: () => number) => Math.floor(-Math.log(1 - rand()) * 30) * DAY;

/** The cases of the ten years, from their own seed so that a later delivery can decide the open ones. */
function* benchCases(enheder: readonly string[]): Generator<BenchCase> {
  const rand = random(1300);
  const types = ['SEL112', 'SEL83', 'BYG', 'PLEJE'];
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  for (let i = 0; i < CASES; i++) {
    const received = start + Math.floor((rand() * (MONTH_END - start)) / DAY) * DAY;
    const decided = received + duration(rand);
    const unit = enheder[(i * 7) % CASE_UNITS] as string;
    yield { id: `C${i}`, unit, type: types[i % 4] as string, received, decided: decided > MONTH_END ? null : decided };
  }
}

/**
 * The next month's delivery as a case system sends it: the decisions in January on the cases open at
 * the end of the data, and a month's new cases (those not decided in January still open).
 * Returns the file and the first day received in it, where the indicator refresh starts.
 */
export async function writeNextMonthCases(dataset: Dataset): Promise<{ path: string; rows: number; firstReceived: string }> {
  const rand = random(2017);
  const january = MONTH_END + DAY;
  const inJanuary = () => january + Math.floor(rand() * 31) * DAY;
  let first = january;
  const lines = function* () {
    for (const c of benchCases(dataset.enheder)) {
      if (c.decided !== null) continue;
      first = Math.min(first, c.received);
      yield caseLine({ ...c, decided: Math.max(c.received, inJanuary()) });
    }
    const perMonth = Math.round(CASES / dataset.periods.length);
    for (let i = 0; i < perMonth; i++) {
      const received = inJanuary();
      const decided = received + duration(rand);
      const unit = dataset.enheder[(i * 11) % CASE_UNITS] as string;
      yield caseLine({ id: `N${i}`, unit, type: 'SEL112', received, decided: decided < january + 31 * DAY ? decided : null });
    }
  };
  const path = join(dataset.dir, 'cases-next-month.csv');
  const rows = await writeLines(path, CASES_HEADER, lines());
  return { path, rows, firstReceived: isoDate(first) };
}

/** A new deadline for one case type: every case may change status, so every month is recomputed. */
export async function writeChangedCaseTypes(dataset: Dataset): Promise<string> {
  const path = join(dataset.dir, 'case_types-changed.csv');
  await writeLines(
    path,
    CASE_TYPES_HEADER,
    CASE_TYPES.map((line) => line.replace('BYG;Byggesag;40', 'BYG;Byggesag;35')),
  );
  return path;
}
