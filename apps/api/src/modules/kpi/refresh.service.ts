import type { FeedName } from '@lis/contracts';
import type { StoreTx } from '@lis/db';
import {
  addMonths,
  benchmarkPotentialRollups,
  budgetRollups,
  CURRENCY_KPI_IDS,
  caseRollups,
  demographyPressureRollups,
  forecastsByMonth,
  KPI_FAMILIES,
  KPIS,
  type KpiFamilyId,
  kpiFeedRollups,
  MIN_GROUP_SIZE,
  operatingSurplusRollups,
  periodYear,
  rollUpForecasts,
  sickLeaveRollups,
  suppressedUnits,
  suppressSmallSurveys,
} from '@lis/domain';
import { planAmounts } from '../budget/budget.service.ts';
import { collectEconomyFacts, refreshEconomyRollup } from '../budget/economy-rollup.service.ts';
import { nextYearPressure } from '../demography/demography.service.ts';
import type { PublishEvent } from '../ingest/ingest.service.ts';
import { closureHistory, loadTree } from '../org/org.service.ts';
import * as repo from './rollup.repository.ts';
import { type TreeHistory, todaysTreeHistory, treeHistory } from './tree-history.ts';

type Family = KpiFamilyId;

/**
 * The families a delivery of a feed moves: the ones computed from it or reading it, and every one
 * when the tree changed. The benchmark pages read their small table per request; only the
 * dashboard's tile is precomputed. Targets are resolved per request (inheritance through the tree).
 */
const familiesMovedBy = (feed: FeedName): Family[] =>
  KPI_FAMILIES.filter((f) => feed === 'organisation' || f.sourceFeed === feed || f.alsoReads.includes(feed)).map((f) => f.id);

/** The KPIs each family's refresh replaces: the family's own, as its definition lists them. */
const KPI_IDS = Object.fromEntries(KPI_FAMILIES.map((f) => [f.id, f.kpis.map((k) => k.id)])) as Record<Family, string[]>;

/**
 * Refreshes the precomputed indicators touched by a published (or restored) batch, inside the
 * publishing transaction, so a reader never sees facts and indicators that disagree.
 */
export async function refreshIndicators(tx: StoreTx, event: PublishEvent): Promise<undefined> {
  // The refresh groups up to millions of rows into tens of thousands of groups per statement;
  // with the default 4 MB the hash aggregates spill to disk (a million economy rows: 0.5 s more).
  await repo.giveRefreshMemory(tx);
  const full = event.feed === 'organisation';
  // Every month is rolled up on the tree valid in it and, once the organisation has changed, again
  // on today's tree (the two views of docs/adr/0011).
  const today = await loadTree(tx.db, event.municipality);
  const then = treeHistory(await closureHistory(tx.db, event.municipality), today.root);
  if (!then.changed) await repo.dropNowView(tx, event.municipality);
  const families = familiesMovedBy(event.feed);
  // grouped once per key and month for the economy family and the read model (ADR 0016)
  const economy = await collectEconomyFacts(tx, event);
  for (const tree of then.changed ? [then, todaysTreeHistory(today)] : [then]) {
    for (const family of families) {
      const partial = full ? null : { from: event.periodFrom?.slice(0, 7) ?? null, to: event.periodTo?.slice(0, 7) ?? null };
      await REFRESH[family](tx, event.municipality, tree, partial);
    }
  }
  if (families.length > 0) await repo.refreshPeriods(tx, event.municipality, CURRENCY_KPI_IDS);
  // the budget follow-up's and the chart of accounts' read model, on today's tree (ADR 0012)
  if (economy) await refreshEconomyRollup(tx, event.municipality, economy);
}

type Tree = TreeHistory;
type Range = { from: string | null; to: string | null } | null;

const REFRESH: Record<Family, (tx: StoreTx, municipality: string, tree: Tree, changed: Range) => Promise<void>> = {
  async sickleave(tx, municipality, tree, changed) {
    const data = await repo.dataRange(tx.db, municipality, 'sickleave');
    if (!data) return repo.replaceRollups(tx, municipality, KPI_IDS.sickleave, '0001-01', '9999-12', [], tree.view);
    // A changed month moves the rolling 12 months after it too, so refresh to the end of the data.
    // The 11 months before `from` are read as well: the windows of the refreshed months reach back
    // to them, for their sums and for their suppression (hidden in any month = hidden, domain.md §4).
    const from = changed?.from && changed.from > data.from ? changed.from : data.from;
    const months = await repo.sickLeaveMonths(tx.db, municipality, addMonths(from, -11), data.to, tree.view);
    const headcount = new Map(months.map((m) => [`${m.orgId}|${m.period}`, m.headcount]));
    const hidden = new Map<string, Set<string>>();
    const suppressedIn = (period: string) => {
      let set = hidden.get(period);
      if (!set) {
        const { units, parentOf } = tree.at(period);
        const nodes = units.map((id) => ({
          id,
          parentId: parentOf.get(id) ?? null,
          employees: headcount.get(`${id}|${period}`) ?? 0,
        }));
        set = suppressedUnits(nodes, MIN_GROUP_SIZE);
        hidden.set(period, set);
      }
      return set;
    };
    const rows = sickLeaveRollups(months, from, data.to, (orgId, period) => suppressedIn(period).has(orgId));
    await repo.replaceRollups(tx, municipality, KPI_IDS.sickleave, from, data.to, rows, tree.view);
  },

  async economy(tx, municipality, tree, changed) {
    const data = await repo.dataRange(tx.db, municipality, 'economy');
    if (!data) return repo.replaceRollups(tx, municipality, KPI_IDS.economy, '0001-01', '9999-12', [], tree.view);
    // Year-to-date sums and forecasts run within a year: refresh whole years.
    const fromYear = periodYear(changed?.from && changed.from > data.from ? changed.from : data.from);
    const toYear = periodYear(changed?.to && changed.to < data.to ? changed.to : data.to);
    const months = await repo.budgetMonths(tx.db, municipality, fromYear, toYear, tree.view);
    const keys = await repo.keyForecasts(tx.db, fromYear, toYear);
    const forecasts = tree
      .split(forecastsByMonth(keys), (leaf) => leaf.period)
      .flatMap(([monthsTree, leaves]) => rollUpForecasts(leaves, monthsTree.ancestorsOf));
    await repo.replaceRollups(
      tx,
      municipality,
      KPI_IDS.economy,
      `${fromYear}-01`,
      `${toYear}-12`,
      budgetRollups(months, forecasts),
      tree.view,
    );
  },

  async cases(tx, municipality, tree, changed) {
    const data = await repo.dataRange(tx.db, municipality, 'cases');
    if (!data) return repo.replaceRollups(tx, municipality, KPI_IDS.cases, '0001-01', '9999-12', [], tree.view);
    // A case counts from the month it is received: in the backlog while open, then in the month
    // (and year to date) it is decided. So the months before the first one received in the
    // change (delivered or set aside) stay as they are; the rest are refreshed to the end.
    const from = changed?.from && changed.from > data.from ? changed.from : data.from;
    const rows = caseRollups(await repo.caseMonths(tx.db, municipality, from, data.to, tree.view));
    await repo.replaceRollups(tx, municipality, KPI_IDS.cases, from, '9999-12', rows, tree.view);
  },

  async kpi(tx, municipality, tree, changed) {
    const data = await repo.dataRange(tx.db, municipality, 'kpi_values');
    if (!data) return repo.replaceRollups(tx, municipality, KPI_IDS.kpi, '0001-01', '9999-12', [], tree.view);
    const carry = Math.max(...KPIS.map((k) => k.carryForwardMonths));
    const from = changed?.from && changed.from > data.from ? changed.from : data.from;
    const to = addMonths(data.to, carry);
    // every unit's values of the months carried into the refreshed ones: each is judged in its own month
    const months = await repo.kpiFeedMonths(tx.db, municipality, addMonths(from, -carry), data.to, tree.view);
    // each month's surveys are judged on that month's tree
    const byTree = new Map(tree.split(months, (m) => m.period));
    const rows = tree
      .split(kpiFeedRollups(months, from, to), (row) => row.dataPeriod ?? row.period)
      .flatMap(([monthsTree, part]) =>
        suppressSmallSurveys(part, byTree.get(monthsTree) ?? [], (id) => monthsTree.parentOf.get(id) ?? null),
      );
    await repo.replaceRollups(tx, municipality, KPI_IDS.kpi, from, to, rows, tree.view);
  },

  async benchmark(tx, municipality, tree) {
    const rows = tree.root
      ? benchmarkPotentialRollups(await repo.benchmarkFacts(tx.db, municipality), municipality, tree.root)
      : [];
    await repo.replaceRollups(tx, municipality, KPI_IDS.benchmark, '0001-01', '9999-12', rows, tree.view);
  },

  async demography(tx, municipality, tree) {
    const pressure = tree.root ? await nextYearPressure({ db: tx.db, municipality }) : null;
    const batchId = pressure ? await repo.latestPopulationBatch(tx.db, municipality) : null;
    const rows = tree.root ? demographyPressureRollups(pressure, tree.root, batchId) : [];
    await repo.replaceRollups(tx, municipality, KPI_IDS.demography, '0001-01', '9999-12', rows, tree.view);
  },

  async plan(tx, municipality, tree) {
    const { amounts, batchId } = await planAmounts(tx.db, municipality);
    const rows = tree.root ? operatingSurplusRollups(amounts, tree.root, batchId) : [];
    await repo.replaceRollups(tx, municipality, KPI_IDS.plan, '0001-01', '9999-12', rows, tree.view);
  },
};
