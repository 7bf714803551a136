import type { Database } from '@lis/db';
import type { EconomyAmount, PlanAmount } from '@lis/domain';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

interface AmountRow {
  org_id: string;
  function: string;
  dranst: number;
  amount_type: EconomyAmount['amountType'];
  period: string;
  amount: number;
}

const toAmount = (r: AmountRow): EconomyAmount => ({
  orgId: r.org_id,
  fn: r.function,
  dranst: r.dranst,
  amountType: r.amount_type,
  period: r.period,
  amount: r.amount,
});

/** Every economy amount of a unit's subtree in a year, per key and month. */
export async function subtreeAmounts(db: Db, municipality: string, orgId: string, year: number): Promise<EconomyAmount[]> {
  const { rows } = await sql<AmountRow>`
    select e.org_id, e.function, e.dranst, e.amount_type, to_char(e.period, 'YYYY-MM') as period, e.amount::float8 as amount
    from economy e join org_closure c on c.municipality = e.municipality and c.descendant_id = e.org_id
    where e.municipality = ${municipality} and e.active and c.ancestor_id = ${orgId}
      and e.period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)`.execute(db);
  return rows.map(toAmount);
}

/** Every economy amount of the units in any of the given subtrees in a year (each fact once, also where subtrees nest). */
export async function amountsOfSubtrees(
  db: Db,
  municipality: string,
  orgIds: readonly string[],
  year: number,
): Promise<EconomyAmount[]> {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<AmountRow>`
    select e.org_id, e.function, e.dranst, e.amount_type, to_char(e.period, 'YYYY-MM') as period, e.amount::float8 as amount
    from economy e
    where e.municipality = ${municipality} and e.active
      and e.period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)
      and e.org_id in (
        select c.descendant_id from org_closure c
        where c.municipality = ${municipality} and c.ancestor_id in (${sql.join([...orgIds])}))`.execute(db);
  return rows.map(toAmount);
}

/** The newest month with actuals, for the default period of the follow-up. */
export async function latestActualPeriod(db: Db, municipality: string): Promise<string | null> {
  const { rows } = await sql<{ latest: string | null }>`
    select to_char(max(period), 'YYYY-MM') as latest from economy where municipality = ${municipality} and active and amount_type = 'actual'`.execute(
    db,
  );
  return rows[0]?.latest ?? null;
}

/** The budget plan in effect and its newest batch; the indicator refresh reads it too (operating_surplus). */
export async function planAmounts(db: Db, municipality: string): Promise<{ amounts: PlanAmount[]; batchId: number | null }> {
  const rows = await db
    .selectFrom('budget_plan')
    .select(['budget_year', 'year', 'line', 'amount', 'batch_id'])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .execute();
  return {
    amounts: rows.map((r) => ({ budgetYear: r.budget_year, year: r.year, line: r.line, amount: r.amount })),
    batchId: rows.reduce<number | null>((b, r) => (b === null || r.batch_id > b ? r.batch_id : b), null),
  };
}

/** The targets in effect of one unit and year for the given ids (the balance's policy targets). */
export async function targetsOf(db: Db, municipality: string, orgId: string, year: number, kpiIds: readonly string[]) {
  return db
    .selectFrom('targets')
    .select(['kpi_id as kpiId', 'target', 'tolerance'])
    .where('municipality', '=', municipality)
    .where('active', '=', true)
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('kpi_id', 'in', [...kpiIds])
    .execute();
}
