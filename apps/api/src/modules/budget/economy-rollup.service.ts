import type { FeedName } from '@lis/contracts';
import type { Store, StoreTx } from '@lis/db';
import { classifyAccount, periodYear } from '@lis/domain';
import * as repo from './economy-rollup.repository.ts';

/** The economy facts a publish collected per key and month, for the indicators' economy queries (ADR 0016). */
export const { KEY_MONTHS } = repo;

/** The years whose economy figures a publish refreshes; the facts of those years are collected once for all readers. */
export interface EconomyRefresh {
  years: repo.Years;
}

/**
 * Collects the economy facts a publish moves, grouped per account key and month, for the dashboard's
 * economy indicators and the read model (ADR 0016): the years an economy delivery touches (its rows
 * and the rows it set aside), every year when the tree changed or the read model is empty. Null when
 * the feed moves neither.
 */
export async function collectEconomyFacts(
  tx: StoreTx,
  event: { feed: FeedName; municipality: string; periodFrom: string | null; periodTo: string | null },
): Promise<EconomyRefresh | null> {
  if (event.feed !== 'economy' && event.feed !== 'organisation') return null;
  const { periodFrom, periodTo } = event;
  // an empty read model (a store migrated since its last delivery) is built whole, not in part
  const partial = event.feed === 'economy' && periodFrom && periodTo && !(await repo.isEmpty(tx.db, event.municipality));
  const years = partial ? { from: periodYear(periodFrom.slice(0, 7)), to: periodYear(periodTo.slice(0, 7)) } : null;
  await repo.collectKeyMonths(tx, event.municipality, years);
  return { years };
}

/** Refreshes the economy read model (ADR 0012) inside the publishing transaction, from the collected facts. */
export async function refreshEconomyRollup(tx: StoreTx, municipality: string, { years }: EconomyRefresh): Promise<void> {
  const pairs = await repo.accountPairs(tx.db);
  const categories = pairs.map((p) => ({ ...p, category: classifyAccount(p.function, p.dranst) }));
  await repo.replaceEconomyRollup(tx, municipality, years, categories);
}

/** Builds the read model of a store that has economy facts but none yet (migrated before it existed); true when it did. */
export async function ensureEconomyRollup(store: Store, municipality: string): Promise<boolean> {
  if (!(await repo.isEmpty(store.db, municipality)) || (await repo.factYears(store.db, municipality)) === null) return false;
  await store.transaction(async (tx) => {
    await repo.collectKeyMonths(tx, municipality, null);
    await refreshEconomyRollup(tx, municipality, { years: null });
  });
  return true;
}
