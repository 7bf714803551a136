import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEEDS } from '@lis/contracts';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ErrorList } from '../src/modules/ingest/errors.ts';
import { readJsonObjects } from '../src/modules/ingest/read-json.ts';
import { decodeWindows1252, openRecords, type RawRecord } from '../src/modules/ingest/read-records.ts';
import { detectSeparator, sniffFile } from '../src/modules/ingest/sniff.ts';
import { rowValidator } from '../src/modules/ingest/validate-row.ts';

const dir = mkdtempSync(join(tmpdir(), 'lis-read-'));
let fileNo = 0;
const file = (content: string | Buffer) => {
  const path = join(dir, `f${fileNo++}`);
  writeFileSync(path, content);
  return path;
};

async function records(path: string, feed: keyof typeof FEEDS) {
  const source = await openRecords(path, await sniffFile(path), FEEDS[feed]);
  if (Array.isArray(source)) throw new Error(JSON.stringify(source));
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return { out, decimalComma: source.decimalComma };
}

const validateRecord = (feed: keyof typeof FEEDS, record: RawRecord, decimalComma: boolean, errors: ErrorList) =>
  rowValidator(FEEDS[feed], decimalComma)(record, errors);

describe('sniffFile', () => {
  it('detects Windows-1252 even when the first non-ASCII byte comes after the first megabyte', async () => {
    const filler = `period;org_id;function;dranst;amount_type;amount\n${'2016-01;E1;3.22.01;1;actual;1\n'.repeat(70_000)}`;
    const path = file(Buffer.concat([Buffer.from(filler), iconv.encode('2016-01;Ø1;3.22.01;1;actual;1\n', 'win1252')]));
    const facts = await sniffFile(path);
    expect(facts.bytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(facts.encoding).toBe('windows-1252');
    const { out } = await records(path, 'economy');
    expect(out.at(-1)?.values[1]).toBe('Ø1');
  });

  it('keeps UTF-8 when a character is cut by the end of a read (1 MB)', async () => {
    for (const character of ['Ø', '€', '😀']) {
      const size = Buffer.byteLength(character);
      for (let inFirstRead = 1; inFirstRead < size; inFirstRead++) {
        const start = 'period;org_id;function;dranst;amount_type;amount\n2016-01;E';
        const end = ';3.22.01;1;actual;1\n2016-01;';
        const padding = 'x'.repeat((1 << 20) - inFirstRead - start.length - end.length);
        const path = file(`${start}${padding}${end}${character};3.22.01;1;actual;1\n`);
        expect((await sniffFile(path)).encoding).toBe('utf-8');
      }
    }
  });

  it('finds a file that mixes UTF-8 and Windows-1252: the first bad byte, by line and place, across reads', async () => {
    const head = 'period;org_id;function;dranst;amount_type;amount\n2016-01;Ø1;3.22.01;1;actual;1\n'; // UTF-8 Ø on line 2
    const filler = '2016-01;E1;3.22.01;1;actual;1\n'.repeat(40_000); // lines 3–40002, past the first 1 MB read
    const bad = iconv.encode('2016-01;Å2;3.22.01;1;actual;1\n', 'win1252'); // line 40003, Å is byte 9
    const facts = await sniffFile(file(Buffer.concat([Buffer.from(head + filler), bad])));
    expect(facts).toMatchObject({ encoding: 'windows-1252', mixedEncoding: { line: 40_003, byteInLine: 9, byte: 0xc5 } });
    // the bad byte first and the UTF-8 character later is mixed too
    const later = await sniffFile(file(Buffer.concat([iconv.encode('a;b\nÅ;1\n', 'win1252'), Buffer.from('Ø;2\n')])));
    expect(later.mixedEncoding).toEqual({ line: 2, byteInLine: 1, byte: 0xc5 });
    // a file all in one encoding is not, and neither is an XLSX archive
    expect((await sniffFile(file(iconv.encode('a;b\nÆ;Ø\nå;1\n', 'win1252')))).mixedEncoding).toBeNull();
    expect((await sniffFile(file('a;b\nÆ;Ø\n'))).mixedEncoding).toBeNull();
    expect((await sniffFile(file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xc3, 0xb8, 0xff])))).mixedEncoding).toBeNull();
    // a UTF-8 file cut in the middle of its last character
    expect((await sniffFile(file(Buffer.from('a;b\nØ;Ø').subarray(0, -1)))).mixedEncoding).toEqual({
      line: 2,
      byteInLine: 4,
      byte: 0xc3,
    });
  });

  it('recognises a UTF-8 BOM, JSON, and the separator of the header', async () => {
    const facts = await sniffFile(file('\uFEFFperiod,org_id\n'));
    expect(facts).toMatchObject({ hasBom: true, encoding: 'utf-8', format: 'csv', firstLine: 'period,org_id' });
    expect((await sniffFile(file('  \n [ {"a": 1} ]'))).format).toBe('json');
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('"a;b",c,d')).toBe(',');
  });

  it('gives the same hash for the same bytes and another for one changed byte', async () => {
    const a = await sniffFile(file('x;y\n1;2\n'));
    const b = await sniffFile(file('x;y\n1;2\n'));
    const c = await sniffFile(file('x;y\n1;3\n'));
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).not.toBe(c.sha256);
  });
});

describe('CSV records', () => {
  it('reports physical line numbers across quoted newlines and skips empty spreadsheet rows', async () => {
    const path = file('org_id;parent_id;name;level\r\nA;849;"To\r\nlinjer";afdeling\r\n;;;\r\nB;849;Tre;afdeling\r\n');
    const { out } = await records(path, 'organisation');
    expect(out.map((r) => [r.line, r.values[2]])).toEqual([
      [2, 'To\r\nlinjer'], // the line where the record starts
      [5, 'Tre'],
    ]);
  });

  it('maps columns by name in any order and case', async () => {
    const path = file('LEVEL;Name;ORG_ID;parent_id;extra\nenhed;X;E1;A1;ignored\n');
    const { out } = await records(path, 'organisation');
    expect(out[0]?.values.slice(0, 4)).toEqual(['E1', 'A1', 'X', 'enhed']);
  });

  it('uses a decimal comma in ;-files and a decimal point in ,-files', async () => {
    const semicolon = await records(file('kpi_id;org_id;year;target\nx;y;2016;1.234,5\n'), 'targets');
    const comma = await records(file('kpi_id,org_id,year,target\nx,y,2016,"1,234.5"\n'), 'targets');
    const errors = new ErrorList();
    expect(validateRecord('targets', semicolon.out[0] as RawRecord, semicolon.decimalComma, errors)?.[3]).toBe(1234.5);
    expect(validateRecord('targets', comma.out[0] as RawRecord, comma.decimalComma, errors)?.[3]).toBe(1234.5);
    expect(errors.total).toBe(0);
  });
});

describe('JSON records', () => {
  const objects = [
    { org_id: 'E1', parent_id: 'A1', name: 'Brace } in "name" \\ ok', level: 'enhed' },
    { ORG_ID: 'E2', Parent_Id: 'A1', name: 'Ærø [2]', level: 'enhed', nested: { a: [1, { b: 2 }] } },
  ];
  const text = `[\n${objects.map((o) => JSON.stringify(o, null, 1)).join(',\n')}\n]`;

  it('cuts out each element whatever the chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), text.length];
        const chunks = bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
        const items = [];
        for await (const item of readJsonObjects(chunks)) items.push(item);
        expect(items.map((i) => i.object)).toEqual(objects);
        expect(items.map((i) => i.line)).toEqual([2, 8]);
      }),
    );
  });

  it('matches keys case-insensitively and keeps JSON numbers as numbers', async () => {
    const { out } = await records(file(text), 'organisation');
    expect(out[1]?.values.slice(0, 4)).toEqual(['E2', 'A1', 'Ærø [2]', 'enhed']);
    const kpi = await records(
      file('[{"period":"2016M02","org_id":1234,"kpi_id":"wellbeing_score","numerator":12.5,"denominator":"3,0"}]'),
      'kpi',
    );
    const errors = new ErrorList();
    expect(validateRecord('kpi', kpi.out[0] as RawRecord, kpi.decimalComma, errors)).toEqual([
      '2016-02-01',
      '1234',
      'wellbeing_score',
      12.5,
      3,
    ]);
  });

  it('fails with the line of a broken document', async () => {
    const items = async (input: string) => {
      const out = [];
      for await (const item of readJsonObjects([input])) out.push(item);
      return out;
    };
    await expect(items('{"a": 1}')).rejects.toThrow('liste (array) af objekter');
    await expect(items('[{"a": 1},\n 5]')).rejects.toThrow('line 2');
    await expect(items('[{"a": 1}')).rejects.toThrow('ikke lukket');
    expect((await items('[{"a": tru}]'))[0]?.error).toContain('ikke gyldig JSON');
  });
});

describe('decodeWindows1252', () => {
  it('reads every byte as iconv-lite does, in one piece and byte by byte', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
    expect(decodeWindows1252(all)).toBe(iconv.decode(all, 'win1252'));
    for (const b of all) expect(decodeWindows1252(Buffer.from([b]))).toBe(iconv.decode(Buffer.from([b]), 'win1252'));
  });
});
