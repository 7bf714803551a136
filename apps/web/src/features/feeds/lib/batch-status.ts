import type { Batch } from '@lis/contracts';
import { formatCount, formatMonth } from '../../../lib/format';

type Ledger = Pick<Batch, 'status' | 'rows' | 'activeRows' | 'errorCount'>;

/** The ledger status in words, with how much of a delivery is still in effect. */
export function batchStatusText(batch: Ledger): string {
  if (batch.status === 'rejected') return `afvist (${formatCount(batch.errorCount)} fejl)`;
  if (batch.status === 'replaced') return 'erstattet';
  if (batch.activeRows < batch.rows)
    return `delvist erstattet (${formatCount(batch.activeRows)} af ${formatCount(batch.rows)} rækker gælder)`;
  return batch.status === 'restored' ? 'genindsat' : 'indlæst';
}

/** A delivery some later one replaced (wholly or in part) can be put back in effect. */
export const canRestore = (batch: Ledger): boolean => batch.status !== 'rejected' && batch.activeRows < batch.rows;

/** 'jan. 2016 – dec. 2016', one month alone, or '–' for feeds without periods. */
export function batchPeriodText(batch: Pick<Batch, 'periodFrom' | 'periodTo'>): string {
  if (!batch.periodFrom || !batch.periodTo) return '–';
  const [from, to] = [formatMonth(batch.periodFrom.slice(0, 7)), formatMonth(batch.periodTo.slice(0, 7))];
  return from === to ? from : `${from} – ${to}`;
}
