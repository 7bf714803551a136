import type { Database } from '@lis/db';
import type { EconomyBudgetAmount } from '@lis/domain';
import { type Kysely, sql } from 'kysely';

/** The economy feed's original budget of a year for the whole municipality, per function and dranst. */
export async function originalBudgetOfYear(
  db: Kysely<Database>,
  municipality: string,
  year: number,
): Promise<EconomyBudgetAmount[]> {
  const { rows } = await sql<EconomyBudgetAmount>`
    select e.function as fn, e.dranst, sum(e.amount)::float8 as amount
    from economy e
    where e.municipality = ${municipality} and e.active and e.amount_type = 'original_budget'
      and e.period between make_date(${year}, 1, 1) and make_date(${year}, 12, 1)
    group by e.function, e.dranst`.execute(db);
  return rows;
}
