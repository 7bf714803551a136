import { readFileSync } from 'node:fs';
import { accountName } from '@lis/domain';
import { describe, expect, it } from 'vitest';
import { parseBenchmarkMapping } from '../src/modules/statbank/mapping.ts';

const shipped = () =>
  parseBenchmarkMapping(readFileSync(new URL('../../../reference/statbank/benchmark-mapping.json', import.meta.url), 'utf8'));
const dotted = (code: string) => `${code.slice(0, 1)}.${code.slice(1, 3)}.${code.slice(3)}`;

describe('the mapping’s unconfirmed functions', () => {
  it('marks exactly the numbers of its ranges that the chart of accounts in LIS does not name', () => {
    const accounts = shipped().accounts;
    const unnamed: string[] = [];
    for (const ranges of Object.values(accounts?.areas ?? {})) {
      for (const { from, to } of ranges) {
        if (from.endsWith('00') && to.endsWith('99')) {
          // a hovedfunktion (5.28) or hovedkonto (6): confirmed when the chart names it
          const code = from.slice(1, 3) === '00' && to.slice(1, 3) === '99' ? from.slice(0, 1) : `${from[0]}.${from.slice(1, 3)}`;
          expect(accountName(code), code).not.toBeNull();
          continue;
        }
        for (let n = Number(from); n <= Number(to); n++) {
          const code = String(n).padStart(5, '0');
          if (accountName(dotted(code)) === null) unnamed.push(code);
        }
      }
    }
    expect([...(accounts?.unconfirmed ?? [])].sort()).toEqual([...new Set(unnamed)].sort());
    expect(accounts?.unconfirmed.map(dotted)).toEqual(['3.22.03', '3.22.04', '3.22.06', '5.25.18', '5.25.19']);
  });

  it('accepts single functions inside an area only', () => {
    const mapping = (unconfirmed: unknown) => ({ accounts: { multiplier: 1, areas: { a: ['3.22.01-3.22.08'] }, unconfirmed } });
    expect(parseBenchmarkMapping(mapping(['32203', '3.22.04'])).accounts?.unconfirmed).toEqual(['32203', '32204']);
    expect(() => parseBenchmarkMapping(mapping(['3.22']))).toThrow(/accounts.unconfirmed\[0\] "3.22" is no single function/);
    expect(() => parseBenchmarkMapping(mapping(['5.25.18']))).toThrow(/is in no area of accounts.areas/);
    expect(() => parseBenchmarkMapping(mapping('3.22.03'))).toThrow(/must be a list of functions/);
  });
});
