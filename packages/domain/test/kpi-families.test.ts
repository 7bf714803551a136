import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATING_CATEGORIES } from '../src/budget-followup.ts';
import { classifyAccount, isOperatingSpending } from '../src/chart-of-accounts.ts';
import { CONSUMPTION_TOLERANCE, consumptionStatus, KPI_FAMILIES, kpiFamily } from '../src/kpi-families/index.ts';
import { familiesOf, KPIS } from '../src/kpis.ts';

const repoFile = (path: string) => new URL(`../../../${path}`, import.meta.url);

describe('every KPI of the catalogue is defined once, in one family', () => {
  it.each(KPIS.map((kpi) => kpi.id))('%s belongs to exactly one family', (id) => {
    expect(familiesOf(id).map((family) => family.id)).toHaveLength(1);
  });

  it('finds no family, or two, for a KPI defined nowhere or twice', () => {
    const kpi = { ...KPIS[0], measure: { numerator: 'a', denominator: null } } as (typeof KPIS)[number];
    const family = (id: 'cases' | 'kpi') =>
      kpiFamily({ id, name: id, sourceFeed: 'kpi', alsoReads: [], sums: { a: 'a' }, rollup: '', definedIn: '', kpis: [kpi] });
    expect(familiesOf(kpi.id, [])).toEqual([]);
    expect(familiesOf(kpi.id, [family('cases'), family('kpi')])).toHaveLength(2);
  });

  it('has unique ids, families and a feed per family', () => {
    expect(new Set(KPIS.map((kpi) => kpi.id)).size).toBe(KPIS.length);
    expect(new Set(KPI_FAMILIES.map((family) => family.id)).size).toBe(KPI_FAMILIES.length);
    expect(new Set(KPI_FAMILIES.map((family) => family.sourceFeed)).size).toBe(KPI_FAMILIES.length);
  });

  it.each(KPI_FAMILIES.map((family) => [family.id, family] as const))(
    '%s: its KPIs take its feed and are made of its sums; its file defines them',
    (_id, family) => {
      const source = readFileSync(repoFile(family.definedIn), 'utf8');
      for (const kpi of family.kpis) {
        expect(kpi.sourceFeed, kpi.id).toBe(family.sourceFeed);
        expect(source, kpi.id).toContain(`id: '${kpi.id}'`);
        const names = 'quantile' in kpi.measure ? [kpi.measure.of] : [kpi.measure.numerator, kpi.measure.denominator];
        for (const name of names) if (name !== null) expect(Object.keys(family.sums), kpi.id).toContain(name);
      }
      expect(existsSync(repoFile(family.rollup.match(/\(([^)]+)\)/)?.[1] ?? 'missing')), family.rollup).toBe(true);
    },
  );

  it.each(KPIS.map((kpi) => [kpi.id, kpi] as const))('%s: the measure fits the aggregation', (_id, kpi) => {
    if (kpi.aggregation === 'quantile') expect('quantile' in kpi.measure).toBe(true);
    else if ('quantile' in kpi.measure) expect.fail('a quantile measure needs the quantile aggregation');
    else expect(kpi.measure.denominator === null).toBe(kpi.aggregation !== 'ratio');
  });
});

describe('how current the store is', () => {
  it('is read from one KPI of each monthly feed, and from every kpi-feed KPI shown only in its own month', () => {
    const marking = KPIS.filter((kpi) => kpi.marksCurrency);
    expect(marking.filter((kpi) => kpi.sourceFeed !== 'kpi').map((kpi) => kpi.id)).toEqual([
      'budget_consumption_pct',
      'case_decided_count',
      'sick_leave_pct',
    ]);
    const kpiFeed = KPIS.filter((kpi) => kpi.sourceFeed === 'kpi');
    for (const kpi of kpiFeed) expect(kpi.marksCurrency, kpi.id).toBe(kpi.carryForwardMonths === 0);
  });
});

describe('operating spending (drift)', () => {
  it('is service and transfers in the follow-up, for every main account and dranst', () => {
    for (const main of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      for (let dranst = 1; dranst <= 7; dranst++) {
        const fn = `${main}.22.01`;
        expect(isOperatingSpending(fn, dranst), `${fn} dranst ${dranst}`).toBe(
          OPERATING_CATEGORIES.includes(classifyAccount(fn, dranst)),
        );
      }
    }
    expect(isOperatingSpending('5.32.32', 2)).toBe(true);
    expect(isOperatingSpending('1.38.61', 1)).toBe(false); // forsyning
    expect(isOperatingSpending('5.32.32', 3)).toBe(false); // anlæg
  });
});

describe('the consumption rule', () => {
  it('reads the consumption against the phased share: green up to it, yellow up to 5 % over', () => {
    expect(CONSUMPTION_TOLERANCE).toBe(0.05);
    expect(consumptionStatus(49.6, 49.6)).toBe('green');
    expect(consumptionStatus(51.5, 49.6)).toBe('yellow');
    expect(consumptionStatus(53, 49.6)).toBe('red');
    expect(consumptionStatus(null, 49.6)).toBe('no_data');
  });
});
