import type { Database } from '@lis/db';
import { OPERATING_SPENDING } from '@lis/domain';
import { type Expression, type Kysely, sql } from 'kysely';

type Db = Kysely<Database>;

export type AccountsAmountType = 'actual' | 'original_budget';

/** Whether a municipality's year is closed: its December has actuals (the year's actuals are whole). */
export const yearClosed = (municipality: string | Expression<unknown>, year: number | Expression<unknown>) =>
  sql<boolean>`exists (select 1 from economy where municipality = ${municipality} and active and amount_type = 'actual'
    and period = make_date(${year}, 12, 1))`;

/** What the year holds: whether it is closed and whether it has any economy fact. */
export async function yearCoverage(db: Db, municipality: string, year: number): Promise<{ closed: boolean; hasFacts: boolean }> {
  const { rows } = await sql<{ closed: boolean; hasFacts: boolean }>`
    select
      ${yearClosed(municipality, year)} as closed,
      exists (select 1 from economy where municipality = ${municipality} and active
        and period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)) as "hasFacts"`.execute(db);
  return { closed: rows[0]?.closed ?? false, hasFacts: rows[0]?.hasFacts ?? false };
}

/** One unit's net operating spending (dranst 1+2) on one function in the year: facts of its whole subtree. */
export interface UnitFunctionAmount {
  orgId: string;
  function: string;
  amount: number;
}

export const operating = sql.join(OPERATING_SPENDING.dranst.map((d) => sql`${d}`));

/**
 * Per unit of `orgIds` (each with its subtree) and function, the year's amounts of one type on
 * dranst 1+2. The units must not nest (a nested unit's facts would count twice).
 */
export async function amountsBySubtree(
  db: Db,
  municipality: string,
  orgIds: readonly string[],
  year: number,
  amountType: AccountsAmountType,
): Promise<UnitFunctionAmount[]> {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<UnitFunctionAmount>`
    select c.ancestor_id as "orgId", e.function, sum(e.amount)::float8 as amount
    from economy e join org_closure c on c.municipality = e.municipality and c.descendant_id = e.org_id
    where e.municipality = ${municipality} and e.active and e.amount_type = ${amountType}
      and e.dranst in (${operating})
      and e.period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)
      and c.ancestor_id in (${sql.join([...orgIds])})
    group by 1, 2`.execute(db);
  return rows;
}

/** The same for the facts booked on one unit itself (the kommune), not its subtree. */
export async function amountsBookedOn(
  db: Db,
  municipality: string,
  orgId: string,
  year: number,
  amountType: AccountsAmountType,
): Promise<UnitFunctionAmount[]> {
  const { rows } = await sql<UnitFunctionAmount>`
    select e.org_id as "orgId", e.function, sum(e.amount)::float8 as amount
    from economy e
    where e.municipality = ${municipality} and e.active and e.amount_type = ${amountType} and e.org_id = ${orgId}
      and e.dranst in (${operating})
      and e.period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)
    group by 1, 2`.execute(db);
  return rows;
}
