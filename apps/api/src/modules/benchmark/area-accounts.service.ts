import type { BenchmarkAccounts, OrgUnit } from '@lis/contracts';
import { accountName, areaName } from '@lis/domain';
import type { ReadContext } from '../../lib/read-context.ts';
import { childrenOf } from '../org/org.service.ts';
import * as repo from './area-accounts.repository.ts';
import { areaFunctions, FUNCTIONS_SOURCE } from './area-functions.ts';
import * as benchmarkRepo from './benchmark.repository.ts';
import { BenchmarkRequestError } from './benchmark.service.ts';

/** Whose facts the answer covers: the kommune (root) broken down by forvaltning, or a chef's own units only (ADR 0003). */
export interface AccountsScope {
  root: OrgUnit | null;
  /** null: every unit; else the caller's own units, the topmost of them (a chef outside the root's subtree) */
  ownUnits: readonly OrgUnit[] | null;
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/**
 * The own economy behind a benchmark area: net operating spending (dranst 1+2) of the benchmark
 * year on the area's functions, per function and per forvaltning (or per own unit of a chef).
 * A closed year (December has actuals) gives its actuals, any other its original budget; a year
 * without any economy fact says so, with no amounts.
 */
export async function areaAccounts(
  ctx: ReadContext,
  area: string,
  requestedYear: number | null,
  scope: AccountsScope,
): Promise<BenchmarkAccounts> {
  const year = requestedYear ?? (await benchmarkRepo.latestYear(ctx.db, ctx.municipality));
  if (year === null) throw new BenchmarkRequestError('No benchmark data has been loaded', 'year');
  const known = (await benchmarkRepo.areasAndYears(ctx.db, ctx.municipality)).some((a) => a.area === area);
  const functions = areaFunctions(area);
  if (!known && functions.entries.length === 0) throw new BenchmarkRequestError(`No benchmark area ${area}`, 'area');

  const coverage = await repo.yearCoverage(ctx.db, ctx.municipality, year);
  const common = {
    area,
    areaName: areaName(area),
    year,
    functionsSource: FUNCTIONS_SOURCE,
    entries: functions.entries,
    unconfirmed: functions.unconfirmed,
    breakdown: scope.ownUnits === null ? ('unit' as const) : ('own_units' as const),
  };
  // a benchmark year the economy feed does not reach (e.g. a trend year): nothing to sum, and no budget to name
  if (!coverage.hasFacts)
    return {
      ...common,
      amountType: 'none',
      amountTypeName: `Ingen økonomidata for ${year}`,
      functions: [],
      units: [],
      bookedOnKommune: 0,
      total: 0,
    };
  const amountType = coverage.closed ? 'actual' : 'original_budget';
  const units = scope.ownUnits ?? (scope.root ? await childrenOf(ctx.db, ctx.municipality, scope.root.id) : []);
  const inArea = (row: repo.UnitFunctionAmount) => functions.covers(row.function);
  const byUnit = (
    await repo.amountsBySubtree(
      ctx.db,
      ctx.municipality,
      units.map((u) => u.id),
      year,
      amountType,
    )
  ).filter(inArea);
  const onKommune =
    scope.ownUnits === null && scope.root
      ? (await repo.amountsBookedOn(ctx.db, ctx.municipality, scope.root.id, year, amountType)).filter(inArea)
      : [];

  const perFunction = new Map<string, number>();
  for (const row of [...byUnit, ...onKommune]) perFunction.set(row.function, (perFunction.get(row.function) ?? 0) + row.amount);
  const unitRows = units
    .map((org) => ({ org, rows: byUnit.filter((r) => r.orgId === org.id) }))
    .filter((u) => u.rows.length > 0)
    .map(({ org, rows }) => ({ org, amount: sum(rows.map((r) => r.amount)) }))
    .sort((a, b) => b.amount - a.amount);
  return {
    ...common,
    amountType,
    amountTypeName:
      amountType === 'actual' ? `Regnskab ${year}` : `Oprindeligt budget ${year} (året har endnu ikke regnskab for december)`,
    functions: [...perFunction.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([fn, amount]) => ({ function: fn, name: accountName(fn), confirmed: !functions.unconfirmed.includes(fn), amount })),
    units: unitRows,
    bookedOnKommune: sum(onKommune.map((r) => r.amount)),
    total: sum([...perFunction.values()]),
  };
}
