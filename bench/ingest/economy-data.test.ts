import { describe, expect, it } from 'vitest';
import { economyRows, leafUnits, monthAt, orgUnits } from './economy-data.ts';
import { danishAmount, economyCopyLine, economyLine } from './write-feeds.ts';

describe('the generated delivery', () => {
  const units = orgUnits();

  it('has one root and 200 leaf units under it', () => {
    expect(units.filter((u) => u.parentId === null)).toHaveLength(1);
    expect(leafUnits(units)).toHaveLength(200);
    const ids = new Set(units.map((u) => u.orgId));
    expect(units.every((u) => u.parentId === null || ids.has(u.parentId))).toBe(true);
  });

  it('has exactly the rows asked for, every key once', () => {
    const rows = [...economyRows(123_457, leafUnits(units))];
    expect(rows).toHaveLength(123_457);
    const keys = new Set(rows.map((r) => `${r.period}|${r.orgId}|${r.functionCode}|${r.dranst}|${r.amountType}`));
    expect(keys.size).toBe(rows.length);
  });

  it('is the same on every run', () => {
    const first = [...economyRows(1_000, leafUnits(units))];
    expect([...economyRows(1_000, leafUnits(units))]).toEqual(first);
  });

  it('writes the CSV line and its COPY twin with the same values', () => {
    const row = {
      period: '2016-03',
      orgId: 'E-0001',
      functionCode: '5.32.32',
      dranst: 2,
      amountType: 'actual',
      amount: -12500,
    } as const;
    expect(economyLine(row)).toBe('2016-03;E-0001;5.32.32;2;actual;-12.500,00\n');
    expect(economyCopyLine(row)).toBe('849\t2016-03-01\tE-0001\t5.32.32\t2\tactual\t-12500.00\t1\tt\n');
  });
});

describe('danishAmount', () => {
  it('groups thousands with points and uses a decimal comma', () => {
    expect(danishAmount(1234567.891)).toBe('1.234.567,89');
    expect(danishAmount(999.5)).toBe('999,50');
    expect(danishAmount(-0.25)).toBe('-0,25');
    expect(danishAmount(0)).toBe('0,00');
  });
});

describe('monthAt', () => {
  it('counts months from January 2016 across years', () => {
    expect(monthAt(0)).toBe('2016-01');
    expect(monthAt(11)).toBe('2016-12');
    expect(monthAt(24)).toBe('2018-01');
  });
});
