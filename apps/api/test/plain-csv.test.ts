import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEEDS } from '@lis/contracts';
import { parseDanishNumber } from '@lis/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../src/modules/ingest/cell-parsers.ts';
import { MAX_LINE_CHARS } from '../src/modules/ingest/errors.ts';
import { plainCsvRecords } from '../src/modules/ingest/plain-csv.ts';
import { openRecords, type RawRecord } from '../src/modules/ingest/read-records.ts';
import { sniffFile } from '../src/modules/ingest/sniff.ts';

const dir = mkdtempSync(join(tmpdir(), 'lis-plain-'));
let fileNo = 0;
const HEADER = 'period;org_id;function;dranst;amount_type;amount';
const ALL_COLUMNS = [0, 1, 2, 3, 4, 5];

/** The records of a file as ingestion reads it; `viaCsvParse` forces the general parser. */
async function fileRecords(content: string, viaCsvParse = false) {
  const path = join(dir, `f${fileNo++}.csv`);
  writeFileSync(path, content);
  const facts = await sniffFile(path);
  const source = await openRecords(path, viaCsvParse ? { ...facts, hasQuotes: true } : facts, FEEDS.economy);
  if (Array.isArray(source)) throw new Error(JSON.stringify(source));
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return { out, hasQuotes: facts.hasQuotes };
}

async function chunkRecords(chunks: string[]) {
  const out: RawRecord[] = [];
  for await (const batch of plainCsvRecords(chunks, ';', 6, ALL_COLUMNS)) out.push(...batch);
  return out;
}

describe('CSV without quotes', () => {
  it('numbers lines from 1 = header with LF and CRLF, and skips blank and separator-only rows', async () => {
    for (const newline of ['\n', '\r\n']) {
      const text = [HEADER, '2016-01;E1;3.22.01;1;actual;5', '', ';;;;;', '  ', '2016-02; E2 ;3.22.01;1;actual;6'].join(newline);
      const { out, hasQuotes } = await fileRecords(text);
      expect(hasQuotes).toBe(false);
      expect(out.map((r) => [r.line, r.values[1], r.shapeError])).toEqual([
        [2, 'E1', null],
        [6, 'E2', null],
      ]);
    }
  });

  it('reports a row with too few or too many cells on its own line', async () => {
    const { out } = await fileRecords(`${HEADER}\n2016-01;E1;3.22.01\n2016-01;E1;3.22.01;1;actual;5;extra\n`);
    expect(out.map((r) => [r.line, r.shapeError])).toEqual([
      [2, 'forventede 6 celler som i overskriften, fandt 3'],
      [3, 'forventede 6 celler som i overskriften, fandt 7'],
    ]);
    expect(out[0]?.values).toEqual(['2016-01', 'E1', '3.22.01', null, null, null]);
  });

  it('gives the same records whatever the chunk boundaries, also inside a CRLF', async () => {
    const text = `${HEADER}\r\n2016-01;E1;3.22.01;1;actual;5\r\n\r\n2016-02;Ø2;3.22.01;2;forbrug;-1.234,50\r\n2016-03;E3;3.22.01;1;actual;7`;
    const whole = await chunkRecords([text]);
    expect(whole.map((r) => r.line)).toEqual([2, 4, 5]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 10 }), async (cuts) => {
        const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), text.length];
        expect(await chunkRecords(bounds.slice(1).map((end, i) => text.slice(bounds[i], end)))).toEqual(whole);
      }),
    );
  });

  it('refuses a line over 1 MB at its line number, in one piece or in many', async () => {
    const first = `${HEADER}\n2016-01;E1;3.22.01;1;actual;5\n`;
    const many = [first, ...Array.from({ length: 300 }, () => 'x'.repeat(4096))]; // line 3: 1.2 MB without a newline
    await expect(chunkRecords(many)).rejects.toThrow(/^line 3: linjen er længere end 1\.048\.576 tegn/);
    await expect(chunkRecords([`${first}${'x'.repeat(MAX_LINE_CHARS + 1)}\nnext`])).rejects.toThrow(/^line 3: /);
    const prefix = '2016-02;E2;3.22.01;1;actual;';
    const longest = `${prefix}${'5'.repeat(MAX_LINE_CHARS - prefix.length)}`; // exactly at the limit
    const records = await chunkRecords([first, ...(longest.match(/.{1,65536}/g) ?? []), '\n']);
    expect(records.map((r) => [r.line, String(r.values[5]).length])).toEqual([
      [2, 1],
      [3, MAX_LINE_CHARS - prefix.length],
    ]);
  });

  it('reads every quote-free file exactly as csv-parse does', async () => {
    const cell = fc.stringMatching(/^[a-zØ0-9 .,\t\r\u00a0\uFEFF-]{0,6}$/);
    const row = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(';'));
    const file = fc.record({
      rows: fc.array(row, { maxLength: 12 }),
      newline: fc.constantFrom('\n', '\r\n'),
      trailingNewline: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, newline, trailingNewline }) => {
        const text = [HEADER, ...rows].join(newline) + (trailingNewline ? newline : '');
        const plain = await fileRecords(text);
        expect(plain.hasQuotes).toBe(false);
        expect(plain.out).toEqual((await fileRecords(text, true)).out);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV with quotes', () => {
  it('goes through csv-parse: a quoted newline keeps the line numbers of the lines after it', async () => {
    const { out, hasQuotes } = await fileRecords(`${HEADER}\n2016-01;"E\n1";3.22.01;1;actual;5\n2016-01;E2;3.22.01;1;actual;5\n`);
    expect(hasQuotes).toBe(true);
    expect(out.map((r) => [r.line, r.values[1]])).toEqual([
      [2, 'E\n1'],
      [4, 'E2'],
    ]);
  });
});

describe('readNumber', () => {
  it('reads the common shapes without regular expressions, with the results of parseDanishNumber', () => {
    expect(readNumber('1.747.394,21', true)).toBe(1747394.21);
    expect(readNumber('-12.500,00', true)).toBe(-12500);
    expect(readNumber('1.234', true)).toBe(1234);
    expect(readNumber('1234,5', true)).toBe(1234.5);
    expect(readNumber('1234.5', false)).toBe(1234.5);
    expect(readNumber('0.123', true)).toBe(0.123);
    expect(Object.is(readNumber('-0', true), -0)).toBe(true);
    expect(readNumber('1.234,50-', true)).toBe(-1234.5); // trailing minus: the general parser
  });

  it('agrees with parseDanishNumber on any text made of number characters', () => {
    const text = fc.oneof(
      fc.stringMatching(/^[-+0-9., \u00a0\u2212]{1,14}$/),
      // Danish groups and near misses: groups of 2–4 digits, decimals or none, a trailing minus
      fc.stringMatching(/^-?[0-9]{1,4}([.,][0-9]{2,4}){0,3}(,[0-9]{0,3})?-?$/),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (t, decimalComma) => {
        expect(readNumber(t, decimalComma)).toBe(parseDanishNumber(t, decimalComma));
      }),
      { numRuns: 5_000 },
    );
  });
});
