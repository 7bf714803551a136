import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBenchmarkMapping } from '../src/modules/statbank/mapping.ts';
import { parseStatbank } from '../src/modules/statbank/parse-statbank.ts';
import type { StatbankTable } from '../src/modules/statbank/statbank-table.ts';
import { MISSING_VALUE, toBenchmarkParts } from '../src/modules/statbank/statbank-to-benchmark.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/statbank/${name}`, import.meta.url));
const sample = (name: string) => fixture(`real/${name}`);
const shippedMapping = () =>
  parseBenchmarkMapping(readFileSync(new URL('../../../reference/statbank/benchmark-mapping.json', import.meta.url), 'utf8'));

/** The observations as comparable text, whatever format they were read from. */
const codedValues = (table: StatbankTable) =>
  table.observations
    .filter((o) => o.value !== null)
    .map((o) => `${table.variables.map((v) => o.dims[v]?.code).join('|')}=${o.value}`)
    .sort();

const skippedCount = (parts: { skipped: { reason: string; count: number }[] }, reason: string) =>
  parts.skipped.find((s) => s.reason === reason)?.count ?? 0;

describe('parseStatbank: formats', () => {
  it('reads a REGK31 CSV with BOM, CRLF and CodeAndValue cells', () => {
    const table = parseStatbank(fixture('regk31-folkeskole.csv'));
    expect(table.format).toBe('csv');
    // The BOM does not stick to the first variable.
    expect(table.variables).toEqual(['OMRÅDE', 'FUNKTION', 'DRANST', 'ART', 'PRISENHED', 'TID']);
    expect(table.observations).toHaveLength(17);
    const first = table.observations[2];
    expect(first?.dims.OMRÅDE).toEqual({ code: '787', label: 'Thisted' });
    expect(first?.dims.FUNKTION).toEqual({ code: '32201', label: '3.22.01 Folkeskoler' });
    expect(first?.dims.PRISENHED).toEqual({ code: 'LOBM', label: 'Løbende priser (1.000 kr.)' });
    expect(first?.dims.TID).toEqual({ code: '2023', label: null });
    expect(first?.value).toBe(150000);
    expect(table.observations[3]?.value).toBe(-1200);
    // `..` is no figure.
    expect(table.observations.filter((o) => o.value === null)).toHaveLength(1);
  });

  it('reads the same extract as JSON-stat 1.x (dense values) and 2.0 (sparse values)', () => {
    const csv = parseStatbank(fixture('regk31-folkeskole.csv'));
    const v1 = parseStatbank(fixture('regk31-folkeskole.jsonstat1.json'));
    const v2 = parseStatbank(fixture('regk31-folkeskole.jsonstat2.json'));
    expect(v1.format).toBe('jsonstat1');
    expect(v2.format).toBe('jsonstat2');
    // ContentsCode has one value, so it is dropped; `Tid` becomes TID.
    expect(v1.variables).toEqual(csv.variables);
    expect(v2.variables).toEqual(csv.variables);
    // The full cube: 5 areas × 3 functions × 3 dranst × 1 art × 2 price units × 1 year.
    expect(v1.observations).toHaveLength(90);
    expect(v2.observations).toHaveLength(90);
    expect(v1.observations[0]?.dims.OMRÅDE).toEqual({ code: '000', label: 'Hele landet' });
    expect(codedValues(v1)).toEqual(codedValues(csv));
    expect(codedValues(v2)).toEqual(codedValues(csv));
  });

  it('reads the real StatBank samples (STRAF42 as CSV and as JSON-stat)', () => {
    const csv = parseStatbank(sample('STRAF42_data_format-CSV.csv'));
    const json = parseStatbank(sample('STRAF42_data_format-JSONSTAT.response'));
    expect(csv.variables).toEqual(['HERKOMST1', 'TID']);
    expect(json.variables).toEqual(['HERKOMST1', 'TID']);
    // Default presentation: the CSV has the label "Total", JSON-stat both code and label.
    expect(csv.observations).toEqual([
      { dims: { HERKOMST1: { code: null, label: 'Total' }, TID: { code: '2023', label: null } }, value: 233454 },
    ]);
    expect(json.observations).toEqual([
      { dims: { HERKOMST1: { code: '00', label: 'Total' }, TID: { code: '2023', label: '2023' } }, value: 233454 },
    ]);
  });

  it('reads LF, no BOM, decimal comma or point, and `.` or empty as missing', () => {
    const table = parseStatbank('OMRÅDE;TID;INDHOLD\n849;2023;12,5\n787;2023;7.25\n860;2023;.\n851;2023;\n');
    expect(table.observations.map((o) => o.value)).toEqual([12.5, 7.25, null, null]);
    expect(table.observations[0]?.dims.OMRÅDE).toEqual({ code: '849', label: null });
  });

  it('decodes a file re-saved as Windows-1252', () => {
    const bytes = iconv.encode('OMRÅDE;TID;INDHOLD\r\nHjørring;2023;5\r\n', 'win1252');
    const table = parseStatbank(bytes);
    expect(table.variables).toEqual(['OMRÅDE', 'TID']);
    expect(table.observations[0]?.dims.OMRÅDE).toEqual({ code: null, label: 'Hjørring' });
  });

  it('keeps CONTENTSCODE when the extract has several contents', () => {
    const table = parseStatbank('CONTENTSCODE;TID;INDHOLD\r\nA;2023;1\r\nB;2023;2\r\n');
    expect(table.variables).toEqual(['CONTENTSCODE', 'TID']);
  });
});

describe('parseStatbank: errors', () => {
  it('names a tableinfo response and a table list', () => {
    expect(() => parseStatbank(sample('STRAF42_tableinfo_da.response'))).toThrow(/tableinfo response/);
    expect(() => parseStatbank('[{"id": "FOLK1A", "text": "Population"}]')).toThrow(/is a list/);
    expect(() => parseStatbank('{"foo": 1}')).toThrow(/neither a JSON-stat 1.x bundle nor a JSON-stat 2.0 dataset \(keys: foo\)/);
    expect(() => parseStatbank('{"dataset": ')).toThrow(/not valid JSON/);
  });

  it('names the line of a bad CSV', () => {
    expect(() => parseStatbank('OMRÅDE;TID;VALUE\r\n849;2023;1\r\n')).toThrow(/line 1: no INDHOLD column/);
    expect(() => parseStatbank('OMRÅDE;TID;INDHOLD\r\n849;2023;1\r\n787;2023\r\n')).toThrow(/line 3: expected 3 cells/);
    expect(() => parseStatbank('OMRÅDE;TID;INDHOLD\r\n849;2023;1\r\n787;2023;1.234,5\r\n')).toThrow(
      /line 3: INDHOLD "1.234,5" is not a number/,
    );
    expect(() => parseStatbank('OMRÅDE;TID;INDHOLD\r\n;2023;1\r\n')).toThrow(/line 2: the OMRÅDE cell is empty/);
  });

  it('refuses an inconsistent JSON-stat cube', () => {
    const json = JSON.parse(fixture('regk31-folkeskole.jsonstat2.json').toString('utf8'));
    expect(() => parseStatbank(JSON.stringify({ ...json, size: [5, 3, 3, 1, 2, 1, 2] }))).toThrow(
      /dimension Tid has 1 categories, size says 2/,
    );
    expect(() => parseStatbank(JSON.stringify({ ...json, value: [1, 2] }))).toThrow(/2 values for 90 cells/);
    const bundle = JSON.parse(fixture('regk31-folkeskole.jsonstat1.json').toString('utf8'));
    expect(() => parseStatbank(JSON.stringify({ a: bundle.dataset, b: bundle.dataset }))).toThrow(/holds 2 datasets/);
  });
});

describe('toBenchmarkParts: accounts', () => {
  it('sums dranst 1 and 2 of the mapped functions per municipality, in DKK', () => {
    const parts = toBenchmarkParts(parseStatbank(fixture('regk31-folkeskole.csv')), shippedMapping());
    expect(parts.kind).toBe('accounts');
    expect(parts.rows).toEqual([
      // Thisted: 150000 − 1200 (3.22.01) + 18000 − 100 (3.22.05) = 166700 (1.000 kr.)
      { year: 2023, municipality: '787', area: 'folkeskole', netExpenditure: 166_700_000 },
      // Jammerbugt: 180000 − 1500 + 21000, and 3.22.05 dranst 2 is `..` = 199500
      { year: 2023, municipality: '849', area: 'folkeskole', netExpenditure: 199_500_000 },
      // Hjørring: 230000 − 2000 + 30000 − 300 = 257700
      { year: 2023, municipality: '860', area: 'folkeskole', netExpenditure: 257_700_000 },
    ]);
    expect(parts.skipped).toEqual(
      expect.arrayContaining([
        { reason: MISSING_VALUE, count: 1 },
        { reason: "DRANST not selected by the mapping's filter", count: 1 },
        { reason: "PRISENHED not selected by the mapping's filter", count: 1 },
        { reason: 'OMRÅDE is the whole country', count: 1 },
        { reason: 'OMRÅDE is a region', count: 1 },
        { reason: 'FUNKTION in no area of the mapping', count: 1 },
      ]),
    );
    expect(parts.skipped).toHaveLength(6);
  });

  it('gives the same rows and missing count from both JSON-stat versions', () => {
    const csvRows = toBenchmarkParts(parseStatbank(fixture('regk31-folkeskole.csv')), shippedMapping()).rows;
    for (const file of ['regk31-folkeskole.jsonstat1.json', 'regk31-folkeskole.jsonstat2.json']) {
      const parts = toBenchmarkParts(parseStatbank(fixture(file)), shippedMapping());
      expect(parts.rows).toEqual(csvRows);
      // Of the 3 municipalities × 2 functions × dranst 1–2 = 12 cells used, one is missing.
      expect(skippedCount(parts, MISSING_VALUE)).toBe(1);
    }
  });

  it('reads functions and filters from labels (Default presentation)', () => {
    const csv = [
      'OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD',
      'Jammerbugt;3.22.01 Folkeskoler;1 Driftskonti;I alt (netto);Løbende priser (1.000 kr.);2023;100',
      'Jammerbugt;3.22.05 Skolefritidsordninger;2 Statsrefusion;I alt (netto);Løbende priser (1.000 kr.);2023;-10',
      'Jammerbugt;5.25.13 Børnehaver;1 Driftskonti;I alt (netto);Løbende priser (1.000 kr.);2023;50',
      'Region Nordjylland;3.22.01 Folkeskoler;1 Driftskonti;I alt (netto);Løbende priser (1.000 kr.);2023;900',
    ].join('\r\n');
    const parts = toBenchmarkParts(parseStatbank(csv), shippedMapping());
    expect(parts.rows).toEqual([
      { year: 2023, municipality: '849', area: 'dagtilbud', netExpenditure: 50_000 },
      // 100 − 10 = 90 (1.000 kr.)
      { year: 2023, municipality: '849', area: 'folkeskole', netExpenditure: 90_000 },
    ]);
    expect(parts.skipped).toEqual([{ reason: 'OMRÅDE is a region', count: 1 }]);
  });
});

describe('toBenchmarkParts: population', () => {
  // Jammerbugt 2023K1 by age: 0:380 5:410 6:420 16:450 17:440 18:400 64:520 65:530 100+:12
  // Thisted    2023K1 by age: 0:300 5:320 6:330 16:350 17:..  18:310 64:400 65:420 100+:9
  const expected = [
    { year: 2023, municipality: '787', area: 'administration', targetPopulation: 2439 }, // 300+320+330+350+310+400+420+9
    { year: 2023, municipality: '787', area: 'aeldre', targetPopulation: 429 }, // 420+9
    { year: 2023, municipality: '787', area: 'dagtilbud', targetPopulation: 620 }, // 300+320
    { year: 2023, municipality: '787', area: 'folkeskole', targetPopulation: 680 }, // 330+350
    { year: 2023, municipality: '787', area: 'handicap_voksne', targetPopulation: 710 }, // 310+400
    { year: 2023, municipality: '787', area: 'udsatte_boern', targetPopulation: 1300 }, // 300+320+330+350 (17 is `..`)
    { year: 2023, municipality: '849', area: 'administration', targetPopulation: 3562 }, // all nine ages
    { year: 2023, municipality: '849', area: 'aeldre', targetPopulation: 542 }, // 530+12
    { year: 2023, municipality: '849', area: 'dagtilbud', targetPopulation: 790 }, // 380+410
    { year: 2023, municipality: '849', area: 'folkeskole', targetPopulation: 870 }, // 420+450
    { year: 2023, municipality: '849', area: 'handicap_voksne', targetPopulation: 920 }, // 400+520
    { year: 2023, municipality: '849', area: 'udsatte_boern', targetPopulation: 2100 }, // 380+410+420+450+440
  ];

  it('sums single ages into the target populations of quarter 1', () => {
    const parts = toBenchmarkParts(parseStatbank(fixture('folk1a-ages.csv')), shippedMapping());
    expect(parts.kind).toBe('population');
    expect(parts.rows).toEqual(expected);
    expect(parts.skipped).toEqual(
      expect.arrayContaining([
        { reason: MISSING_VALUE, count: 1 },
        { reason: 'ALDER is the total (single ages are summed instead)', count: 2 },
        { reason: 'OMRÅDE is the whole country', count: 1 },
        { reason: "KØN not selected by the mapping's filter", count: 1 },
        { reason: 'TID is not quarter 1', count: 2 },
      ]),
    );
    expect(parts.skipped).toHaveLength(5);
  });

  it('resolves label-only cells (Default presentation) to the same codes and sums', () => {
    const table = parseStatbank(fixture('folk1a-ages-labels.csv'));
    expect(table.observations[1]?.dims.OMRÅDE).toEqual({ code: null, label: 'Jammerbugt' });
    const parts = toBenchmarkParts(table, shippedMapping());
    expect(parts.rows).toEqual(expected);
    expect(skippedCount(parts, MISSING_VALUE)).toBe(1);
  });

  it('reads age groups and refuses one that straddles an area band', () => {
    const mapping = parseBenchmarkMapping({ population: { quarter: 1, areas: { dagtilbud: { from: 0, to: 5 } } } });
    const fits = toBenchmarkParts(parseStatbank('OMRÅDE;ALDER;TID;INDHOLD\r\n849;0-4;2023;1900\r\n849;5;2023;410\r\n'), mapping);
    expect(fits.rows).toEqual([{ year: 2023, municipality: '849', area: 'dagtilbud', targetPopulation: 2310 }]); // 1900+410
    const straddles = parseStatbank('OMRÅDE;ALDER;TID;INDHOLD\r\n849;5-9;2023;2100\r\n');
    expect(() => toBenchmarkParts(straddles, mapping)).toThrow(/ALDER 5–9 lies partly inside the ages of dagtilbud/);
  });
});

describe('toBenchmarkParts: errors', () => {
  it('refuses an extract of neither kind, or of a kind the mapping lacks', () => {
    expect(() => toBenchmarkParts(parseStatbank(sample('STRAF42_data_format-CSV.csv')), shippedMapping())).toThrow(
      /neither FUNKTION nor ALDER.*variables: HERKOMST1, TID/,
    );
    const accountsOnly = parseBenchmarkMapping({ accounts: { multiplier: 1000, areas: { folkeskole: ['3.22'] } } });
    expect(() => toBenchmarkParts(parseStatbank(fixture('folk1a-ages.csv')), accountsOnly)).toThrow(/no "population" section/);
  });

  it('names a missing required or filtered variable', () => {
    const noTime = parseStatbank('OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;INDHOLD\r\n849;32201;1;TOT;LOBM;5\r\n');
    expect(() => toBenchmarkParts(noTime, shippedMapping())).toThrow(/no TID variable \(needed for accounts\)/);
    const noArt = parseStatbank('OMRÅDE;FUNKTION;DRANST;PRISENHED;TID;INDHOLD\r\n849;32201;1;LOBM;2023;5\r\n');
    expect(() => toBenchmarkParts(noArt, shippedMapping())).toThrow(/no ART variable \(the mapping's filters name it\)/);
  });

  it('refuses an unfiltered variable with several categories instead of adding them up', () => {
    const mapping = parseBenchmarkMapping({ population: { quarter: 1, areas: { aeldre: { from: 65 } } } });
    const table = parseStatbank(
      'OMRÅDE;KØN;ALDER;TID;INDHOLD\r\n849;1;65;2023;250\r\n849;2;65;2023;280\r\n849;TOT;65;2023;530\r\n',
    );
    expect(() => toBenchmarkParts(table, mapping)).toThrow(/several KØN categories \(1; 2; TOT\)/);
  });
});

describe('parseBenchmarkMapping', () => {
  it('reads the shipped mapping: functions, hovedfunktioner and ranges as five-digit ranges', () => {
    const mapping = shippedMapping();
    expect(mapping.accounts?.multiplier).toBe(1000);
    expect(mapping.accounts?.areas.folkeskole).toEqual([{ from: '32201', to: '32208' }]);
    expect(mapping.accounts?.areas.udsatte_boern).toEqual([{ from: '52800', to: '52899' }]);
    expect(mapping.population?.areas.aeldre).toEqual({ from: 65, to: Number.POSITIVE_INFINITY });
    expect(Object.keys(mapping.population?.areas ?? {})).toEqual(Object.keys(mapping.accounts?.areas ?? {}));
  });

  it('accepts undotted codes and four-digit codes of hovedkonto 0', () => {
    const mapping = parseBenchmarkMapping({ accounts: { multiplier: 1, areas: { a: ['32201', '528', '2201', '6'] } } });
    expect(mapping.accounts?.areas.a).toEqual([
      { from: '32201', to: '32201' },
      { from: '52800', to: '52899' },
      { from: '02201', to: '02201' },
      { from: '60000', to: '69999' },
    ]);
  });

  it('names what is wrong', () => {
    expect(() => parseBenchmarkMapping('{')).toThrow(/mapping: not valid JSON/);
    expect(() => parseBenchmarkMapping({})).toThrow(/needs an "accounts" or a "population" section/);
    expect(() => parseBenchmarkMapping({ acounts: {} })).toThrow(/unknown keys: acounts/);
    expect(() => parseBenchmarkMapping({ accounts: { areas: { a: ['3.22'] } } })).toThrow(
      /accounts.multiplier must be a positive number/,
    );
    expect(() => parseBenchmarkMapping({ accounts: { multiplier: 1, areas: { a: ['3.2x'] } } })).toThrow(
      /accounts.areas.a\[0\] "3.2x" is no function/,
    );
    expect(() => parseBenchmarkMapping({ accounts: { multiplier: 1, filter: {}, areas: { a: ['3.22'] } } })).toThrow(
      /unknown keys: filter/,
    );
    expect(() => parseBenchmarkMapping({ population: { quarter: 5, areas: { a: { from: 0 } } } })).toThrow(
      /quarter must be 1, 2, 3 or 4/,
    );
    expect(() => parseBenchmarkMapping({ population: { quarter: 1, areas: { a: { from: 6, to: 5 } } } })).toThrow(
      /population.areas.a must be/,
    );
  });
});
