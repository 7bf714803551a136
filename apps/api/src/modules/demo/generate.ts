/**
 * Deterministic demo data for LIS, imitating Jammerbugt Kommune 2014–2016: one CSV file per feed,
 * valid per the feed contract, in the mix of formats real source systems deliver (Windows-1252
 * from the financial system, UTF-8 with BOM and DST-style months from payroll, DD-MM-YYYY dates
 * from the case system). The files are loaded through the normal ingestion (demo-seed.ts), so
 * the demo passes the same checks as a municipality's delivery. Same seed → byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FEEDS, type FeedName } from '@lis/contracts';
import { benchmarkRows } from './benchmark.ts';
import { budgetPlanRows } from './budget-plan.ts';
import { caseTypeRows } from './case-types.ts';
import { caseRows } from './cases.ts';
import { type CsvFormat, writeCsv } from './csv-file.ts';
import { economyRows } from './economy.ts';
import { economyLines } from './economy-lines.ts';
import { dottedDate } from './format.ts';
import { kpiRows } from './kpi.ts';
import { type DemoUnit, demoOrganisation, organisationVersions } from './organisation.ts';
import { populationRows } from './population-feed.ts';
import { Random } from './random.ts';
import { sickleaveRows } from './sickleave.ts';
import { demoHeadcounts } from './staffing.ts';
import { targetRows } from './targets.ts';

export interface DemoFile {
  feed: FeedName;
  path: string;
  rows: number;
}

export interface DemoOptions {
  /** any integer; the shipped demo uses 849 */
  seed?: number;
}

const DEFAULT_DEMO_SEED = 849;

/** Exports from Danish financial and HR systems: Windows-1252 and CRLF. */
const ERP: CsvFormat = { encoding: 'windows-1252', lineEnding: '\r\n' };
/** Payroll exports in Danmarks Statistik's style: UTF-8 with BOM, CRLF. */
const PAYROLL: CsvFormat = { encoding: 'utf-8-bom', lineEnding: '\r\n' };
const PLAIN: CsvFormat = { encoding: 'utf-8', lineEnding: '\n' };

/**
 * Writes the feed files into `outDir` (created if missing) and returns them in load order:
 * organisation and case_types first (everything else refers to them), targets last.
 */
export async function generateDemoFeeds(outDir: string, options: DemoOptions = {}): Promise<DemoFile[]> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`The demo seed must be an integer, got ${seed}`);
  await mkdir(outDir, { recursive: true });
  const random = new Random(seed);
  const units = demoOrganisation();
  const headcounts = demoHeadcounts(units, random.fork('staffing'));

  // one set of budget lines for the economy feed and the plan, so the plan's budget year reconciles
  const budgetLines = economyLines(units, random.fork('budget'));

  const feeds: [FeedName, CsvFormat, () => Iterable<string[]>][] = [
    ['organisation', ERP, () => organisationRows(organisationVersions(units))],
    ['case_types', PLAIN, caseTypeRows],
    ['economy', ERP, () => economyRows(budgetLines, random.fork('economy'))],
    ['budget_plan', PLAIN, () => budgetPlanRows(budgetLines, random.fork('budget_plan'))],
    ['sickleave', PAYROLL, () => sickleaveRows(units, headcounts, random.fork('sickleave'))],
    ['cases', PLAIN, () => caseRows(random.fork('cases'))],
    ['population', PLAIN, () => populationRows(random.fork('population'))],
    ['benchmark', PLAIN, () => benchmarkRows(random.fork('benchmark'))],
    ['kpi', PLAIN, () => kpiRows(units, headcounts, random.fork('kpi'))],
    ['targets', PLAIN, () => targetRows(units)],
  ];
  const files: DemoFile[] = [];
  for (const [feed, format, rows] of feeds) {
    const path = join(outDir, `${feed}.csv`);
    const header = FEEDS[feed].columns.map((c) => c.name);
    files.push({ feed, path, rows: await writeCsv(path, header, rows(), format) });
  }
  return files;
}

function* organisationRows(units: readonly DemoUnit[]): Generator<string[]> {
  for (const u of units) {
    yield [
      u.id,
      u.parentId ?? '',
      u.name,
      u.level,
      u.validFrom ? dottedDate(u.validFrom) : '',
      u.validTo ? dottedDate(u.validTo) : '',
    ];
  }
}
