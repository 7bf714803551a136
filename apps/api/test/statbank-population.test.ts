import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBenchmarkMapping } from '../src/modules/statbank/mapping.ts';
import { statbankToPopulation } from '../src/modules/statbank/statbank-to-population.ts';

// FOLK1A extracts → the population feed's actual counts (lis import statbank).

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`fixtures/statbank/${name}`, import.meta.url))),
});
const mapping = () =>
  parseBenchmarkMapping(readFileSync(new URL('../../../reference/statbank/benchmark-mapping.json', import.meta.url), 'utf8'))
    .population;

describe('statbankToPopulation', () => {
  it.each(['folk1a-by-sex.csv', 'folk1a-by-sex.jsonstat1.json'])(
    'sums sex and marital status of quarter 1 per single age (%s)',
    (name) => {
      const result = statbankToPopulation([fixture(name)], mapping());
      // Jammerbugt 2016K1, age 0: men 200 (ugift) + 0 (gift), women 190 + 0 = 390
      // age 70: men 10 + 100, women .. (left out) + 95 = 205
      // left out: every 2016K2 figure (quarter 2), the age total, Hele landet
      expect(result?.csv).toBe('municipality;year;age;count;kind;vintage\n849;2016;0;390;actual;\n849;2016;70;205;actual;\n');
      expect(result?.summary).toContain('  skipped 1 observations: missing value (..)');
    },
  );

  it('reads only the totals when the extract has them, and an open-ended age at its first year', () => {
    const result = statbankToPopulation([fixture('folk1a-ages.csv')], mapping());
    const jammerbugt = result?.csv.split('\n').filter((line) => line.startsWith('849;'));
    // KØN TOT and CIVILSTAND TOT rows as they are; "100OV 100 år og derover" counts as age 100
    expect(jammerbugt).toEqual([
      '849;2023;0;380;actual;',
      '849;2023;5;410;actual;',
      '849;2023;6;420;actual;',
      '849;2023;16;450;actual;',
      '849;2023;17;440;actual;',
      '849;2023;18;400;actual;',
      '849;2023;64;520;actual;',
      '849;2023;65;530;actual;',
      '849;2023;100;12;actual;',
    ]);
  });

  it('gives nothing for an accounts extract', () => {
    expect(statbankToPopulation([fixture('regk31-folkeskole.csv')], mapping())).toBeNull();
  });
});
