import { FEEDS } from '@lis/contracts';
import { describe, expect, it } from 'vitest';
import { batchPeriodText, batchStatusText, canRestore } from '../src/features/feeds/lib/batch-status';
import { columnText } from '../src/features/feeds/lib/column-words';
import { parseRoute, routeHref } from '../src/lib/url-state';

const batch = { status: 'loaded' as const, rows: 1200, activeRows: 1200, errorCount: 0 };

describe('the ledger in words', () => {
  it('names each status and how much of a delivery still holds', () => {
    expect(batchStatusText(batch)).toBe('indlæst');
    expect(batchStatusText({ ...batch, activeRows: 300 })).toBe('delvist erstattet (300 af 1.200 rækker gælder)');
    expect(batchStatusText({ ...batch, status: 'replaced', activeRows: 0 })).toBe('erstattet');
    expect(batchStatusText({ ...batch, status: 'restored' })).toBe('genindsat');
    expect(batchStatusText({ ...batch, status: 'rejected', rows: 0, activeRows: 0, errorCount: 1234 })).toBe(
      'afvist (1.234 fejl)',
    );
  });

  it('offers a restore only where a later delivery replaced rows', () => {
    expect(canRestore(batch)).toBe(false);
    expect(canRestore({ ...batch, activeRows: 300 })).toBe(true);
    expect(canRestore({ ...batch, status: 'replaced', activeRows: 0 })).toBe(true);
    expect(canRestore({ ...batch, status: 'rejected', rows: 0, activeRows: 0 })).toBe(false);
  });

  it('writes the months a delivery covers', () => {
    expect(batchPeriodText({ periodFrom: '2016-01-01', periodTo: '2016-12-01' })).toBe('jan. 2016 – dec. 2016');
    expect(batchPeriodText({ periodFrom: '2016-03-01', periodTo: '2016-03-01' })).toBe('mar. 2016');
    expect(batchPeriodText({ periodFrom: null, periodTo: null })).toBe('–');
  });

  it('has its own address', () => {
    expect(parseRoute('/leverancer', '')).toEqual({ page: 'feeds' });
    expect(routeHref({ page: 'feeds' })).toBe('/leverancer');
  });
});

describe('the columns of a feed in words', () => {
  it('names the kind, the codes and whether a column may be empty', () => {
    const text = FEEDS.cases.columns.map(columnText);
    expect(text).toContain('received (dato)');
    expect(text).toContain('decided (dato, kan være tom)');
    expect(FEEDS.economy.columns.map(columnText)).toContain(
      'amount_type (kode: original_budget, corrected_budget, actual, forecast)',
    );
  });
});
