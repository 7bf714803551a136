import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { FEEDS } from '@lis/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_LIMITS, xmlPartCheck } from '../src/modules/ingest/read-xlsx.ts';
import { removeStaleUploads, saveUpload } from '../src/modules/ingest/upload.ts';
import { asAdmin, bearer, createTestApp, factFingerprint, loadExamples, postFeed, type TestApp } from './helpers.ts';

// Files that once crashed a load (500, nothing in the ledger) or took the server's time and
// memory. Each must be a located 422 like any rejected file: nothing stored, the rejection in
// the ledger, and the server still serving.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadExamples(t.app, ['organisation', 'case_types', 'economy']);
});
afterAll(() => t.done());

const HEADER = 'period;org_id;function;dranst;amount_type;amount\n';
const row = (amount: string, period = '2016-05') => `${period};221010;3.22.01;1;actual;${amount}\n`;
const jsonRow = (amount: string) =>
  `[\n{"period":"2016-05","org_id":"221010","function":"3.22.01","dranst":1,"amount_type":"actual","amount":${amount}}\n]`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Located {
  line: number;
  column?: string | null;
  message: string;
}

/** Posts a file that must be rejected with the error `expected`, and checks that nothing else changed. */
async function expectRejected(body: string | Buffer, contentType: string, expected: Located) {
  const facts = await factFingerprint(t.store);
  const ledger = (await asAdmin(t.app, 'GET', '/api/v1/batches')).json();
  const response = await postFeed(t.app, 'economy', body, contentType);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(422);
  const rejected = response.json();
  expect(rejected.errors).toContainEqual(
    expect.objectContaining({ line: expected.line, message: expect.stringContaining(expected.message) }),
  );
  if (expected.column !== undefined) {
    const error = rejected.errors.find((e: Located) => e.message.includes(expected.message));
    expect(error.column).toBe(expected.column);
  }
  expect(await factFingerprint(t.store)).toEqual(facts);
  // the ledger gains the rejection only (as for any rejected file), and the server still answers
  const after = (await asAdmin(t.app, 'GET', '/api/v1/batches')).json();
  expect(after.slice(1)).toEqual(ledger);
  expect(after[0]).toMatchObject({ id: rejected.batchId, status: 'rejected', activeRows: 0 });
  return response;
}

/** expectRejected, for tests that need no more */
const rejects = async (...args: Parameters<typeof expectRejected>) => {
  await expectRejected(...args);
};

describe('CSV lines', () => {
  it('rejects a 10 MB line at its line number, with a small answer (also when the file has quotes)', async () => {
    const long = 'x'.repeat(10 * 1024 * 1024);
    for (const line of [row(long), row(`"${long}"`)]) {
      const response = await expectRejected(`${HEADER}${row('5')}${line}`, 'text/csv', {
        line: 3,
        column: null,
        message: 'linjen er længere end 1.048.576 tegn',
      });
      expect(response.body.length).toBeLessThan(2_000);
    }
  });

  it('cuts a long cell to 100 characters in the error', async () => {
    const response = await expectRejected(`${HEADER}${row('7'.repeat(500_000))}`, 'text/csv', {
      line: 2,
      column: 'amount',
      message: 'er ikke et tal',
    });
    expect(response.json().errors[0].value).toBe(`${'7'.repeat(100)}…`);
    expect(response.body.length).toBeLessThan(2_000);
  });

  it('rejects an unterminated quote at the line where the cell opens', () =>
    rejects(`${HEADER}${row('5')}2016-06;"221010;3.22.01;1;actual;5\n${row('6')}`, 'text/csv', {
      line: 3,
      column: null,
      message: 'et anførselstegn (") åbner en celle, men den lukkes aldrig',
    }));
});

describe('values the store cannot hold', () => {
  it.each([
    ['32 digits', `${HEADER}${row('12345678901234567890123456789012')}`, 'amount', 'er for stort: højst 16 cifre før kommaet'],
    ['Danish grouping beyond numeric(18,2)', `${HEADER}${row('1.234.567.890.123.456.789,00')}`, 'amount', 'er for stort'],
    ['a NUL byte in a number', `${HEADER}${row('5\0')}`, 'amount', 'er ikke et tal'],
    ['year 0000', `${HEADER}${row('5', '0000-01')}`, 'period', 'er ikke en måned'],
  ])('%s', (_name, file, column, message) => rejects(file, 'text/csv', { line: 2, column, message }));

  it('refuses NUL in a text cell (PostgreSQL text cannot hold it)', async () => {
    const facts = await factFingerprint(t.store);
    const file = 'org_id;parent_id;name;level\n2000;849;Børne- og\0Familieforvaltningen;forvaltning\n';
    const response = await postFeed(t.app, 'organisation', file);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ line: 2, column: 'name', message: expect.stringContaining('NUL') }),
    ]);
    expect(await factFingerprint(t.store)).toEqual(facts);
  });

  it.each([
    ['1e400 (Infinity)', jsonRow('1e400'), 'amount', 'er ikke et endeligt tal'],
    ['1e20', jsonRow('1e20'), 'amount', 'er for stort'],
    ['an object as the amount', jsonRow('{"value": 5}'), null, 'feltet "amount" er et objekt'],
    ['nested 100,000 deep', jsonRow(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), null, 'indlejret i mere end 32 niveauer'],
  ])('JSON: %s', (_name, file, column, message) => rejects(file, 'application/json', { line: 2, column, message }));
});

const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip');

/** The workbook's archive with its parts in the order `order` gives them. */
async function reordered(xlsx: Buffer, order: (names: string[]) => string[]): Promise<Buffer> {
  const original = await JSZip.loadAsync(xlsx);
  const names = Object.keys(original.files).filter((name) => !original.files[name].dir);
  const zip = new JSZip();
  for (const name of order(names)) zip.file(name, await original.file(name).async('nodebuffer'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Excel's order (the workbook part first, the sheets before the shared strings), not the order exceljs's writer finished in. */
const inExcelsOrder = (xlsx: Buffer) =>
  reordered(xlsx, (names) => {
    const rank = (n: string) =>
      [
        '[Content_Types].xml',
        '_rels/',
        'docProps/',
        'xl/workbook.xml',
        'xl/_rels/',
        'xl/worksheets/',
        'xl/theme/',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
      ].findIndex((p) => n.startsWith(p));
    return [...names].sort((a, b) => rank(a) - rank(b));
  });

describe('broken and hostile XLSX', () => {
  let valid: Buffer;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Økonomi');
    sheet.addRow(['period', 'org_id', 'function', 'dranst', 'amount_type', 'amount']);
    for (let month = 1; month <= 12; month++)
      for (const type of ['actual', 'original_budget', 'corrected_budget', 'forecast'])
        sheet.addRow([`2015-${String(month).padStart(2, '0')}`, '221010', '3.22.01', 1, type, month * 1000]);
    valid = await inExcelsOrder(Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  it('rejects a file that starts like a zip archive but is none', () =>
    rejects(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 0x41)]), XLSX_TYPE, {
      line: 1,
      message: 'ikke en gyldig XLSX-fil',
    }));

  it('rejects a truncated workbook', async () => {
    const response = await postFeed(t.app, 'economy', valid.subarray(0, valid.length - 700), XLSX_TYPE);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ column: null, message: expect.stringMatching(/XLSX|mangler/) });
  });

  // exceljs reads a chunk of rows at a time: the error names the first row not read
  it('rejects a cell beyond column XFD', () =>
    rejects(
      workbook(
        [
          ['period', 'org_id'],
          ['2016-05', '221010'],
        ],
        { columns: { '2:2': 'ZZZZZZ' } },
      ),
      XLSX_TYPE,
      {
        line: 1,
        message: 'ikke en gyldig XLSX-fil (Out of bounds. Invalid column letter: ZZZZZZ)',
      },
    ));

  it('rejects a shared string longer than a cell can be (without reading it into memory)', () =>
    rejects(workbook([['period', 'org_id', 'x'.repeat(300 * 1024)]]), XLSX_TYPE, {
      line: 1,
      message: 'en celle eller et mærke i de delte tekster (sharedStrings.xml) er længere end 256 kB',
    }));

  it('rejects an inline cell longer than that in a sheet stored before its shared strings (as Excel stores them)', () =>
    rejects(
      workbook([['period', 'org_id']], { sheetFirst: true, firstRowXml: `<c r="C1"><v>${'9'.repeat(300 * 1024)}</v></c>` }),
      XLSX_TYPE,
      { line: 1, message: 'en celle eller et mærke i regnearket er længere end 256 kB' },
    ));

  it('rejects shared strings beyond their limit (lowered here; 64 MB by default)', async () => {
    const limit = XLSX_LIMITS.sharedStringsBytes;
    XLSX_LIMITS.sharedStringsBytes = 100_000;
    try {
      const many = Array.from({ length: 10_000 }, (_, i) => `tekst ${i}`);
      await expectRejected(workbook([['period', 'org_id', ...many]]), XLSX_TYPE, {
        line: 1,
        message: 'de delte tekster (sharedStrings.xml) fylder mere end',
      });
    } finally {
      XLSX_LIMITS.sharedStringsBytes = limit;
    }
  });

  it('still loads a valid workbook after all that', async () => {
    const response = await postFeed(t.app, 'economy', valid, XLSX_TYPE);
    expect(response.json()).toMatchObject({ status: 'loaded', rows: 48 });
  });

  it('loads a workbook whose archive lists the sheet before xl/workbook.xml', async () => {
    // exceljs's writer orders some parts as they finish, so this order came up by chance in CI:
    // the reader met the sheet after the relations and shared strings but before the workbook part
    const moved = await reordered(valid, (names) => [
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      ...names.filter((n) => !['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/workbook.xml'].includes(n)),
      'xl/workbook.xml',
    ]);
    const response = await postFeed(t.app, 'economy', moved, XLSX_TYPE);
    expect(response.json()).toMatchObject({ status: 'loaded', rows: 48 });
  });
});

describe('encodings', () => {
  it('refuses a UTF-8 file with one Windows-1252 byte, naming line and byte', async () => {
    const header = 'org_id;parent_id;name;level\n';
    const utf8 = Buffer.from(`${header}2000;849;Børne- og Familieforvaltningen;forvaltning\n`);
    const line3 = '4000;849;Vækst- og Udviklingsforvaltningen;forvaltning\n';
    const facts = await factFingerprint(t.store);
    const mixed = await postFeed(t.app, 'organisation', Buffer.concat([utf8, iconv.encode(line3, 'win1252')]));
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().errors).toEqual([
      {
        line: 3,
        column: null,
        value: null,
        message: expect.stringContaining('filen blander tegnsæt: den er UTF-8, men byte 11 i linjen (0xE6) er ikke UTF-8'),
      },
    ]);
    expect(await factFingerprint(t.store)).toEqual(facts);
    // the same rows all in UTF-8 load
    expect((await postFeed(t.app, 'organisation', Buffer.concat([utf8, Buffer.from(line3)]))).json()).toMatchObject({
      status: 'loaded',
      rows: 2,
    });
  });

  it('still reads a file that is all Windows-1252', async () => {
    const org = iconv.encode('org_id;parent_id;name;level\n2000;849;Børne- og Familieforvaltningen;forvaltning\n', 'win1252');
    const response = await postFeed(t.app, 'organisation', org);
    expect(response.json()).toMatchObject({ status: 'loaded', rows: 1 });
    const units = (await asAdmin(t.app, 'GET', '/api/v1/org-units')).json();
    expect(JSON.stringify(units)).toContain('Børne- og Familieforvaltningen');
  });
});

describe('requests that are not a file', () => {
  const part = `--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${HEADER}${row('5')}\r\n--XX--\r\n`;

  it.each([
    ['no boundary', 'multipart/form-data', part],
    ['a truncated body', 'multipart/form-data; boundary=XX', part.slice(0, 120)],
    ['the wrong boundary', 'multipart/form-data; boundary=YY', part],
  ])('answers malformed multipart (%s) with 400 and leaves the ledger alone', async (_name, contentType, payload) => {
    const ledger = (await asAdmin(t.app, 'GET', '/api/v1/batches')).json();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feeds/economy',
      headers: { 'content-type': contentType, ...bearer(await t.token('admin')) },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toContain('multipart');
    expect((await asAdmin(t.app, 'GET', '/api/v1/batches')).json()).toEqual(ledger);
  });

  it.each([
    '/api/v1/dashboard?period=0000-01',
    '/api/v1/kpis/sick_leave_pct/breakdown?org=849&period=0000-01',
    '/api/v1/kpis/sick_leave_pct/series?org=849&from=0000-01',
    '/api/v1/budget/followup?period=0000-01',
    '/api/v1/budget/accounts?period=0001-01',
  ])('answers %s with 400 naming the parameter', async (url) => {
    const response = await asAdmin(t.app, 'GET', url);
    expect(response.statusCode).toBe(400);
    expect(response.json().parameter).toMatch(/period|from/);
  });
});

describe('the contract and the store', () => {
  it("give every number column the store's digits before the decimal mark, and whole numbers PostgreSQL integers", async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; digits: number | null }>`
      select table_name, column_name, data_type, numeric_precision - numeric_scale as digits
      from information_schema.columns where table_schema = current_schema()`.execute(t.store.db);
    const stored = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const checked: string[] = [];
    for (const spec of Object.values(FEEDS))
      for (const column of spec.columns) {
        const name = `${spec.table}.${column.storedAs ?? column.name}`;
        const { type } = column;
        if (type.kind === 'number') expect({ name, digits: stored.get(name)?.digits }).toEqual({ name, digits: type.digits });
        else if (type.kind === 'integer' && type.max === undefined) expect(stored.get(name)?.data_type, name).toBe('integer');
        else continue;
        checked.push(name);
      }
    expect(checked).toHaveLength(20); // 17 number columns (population.count the newest), 3 whole-number columns without a maximum
  });
});

describe('XML part check', () => {
  it('measures the stretch between tags across chunk boundaries, and the part', () => {
    const chunks = (check: ReturnType<typeof xmlPartCheck>, ...texts: string[]) =>
      texts.map((text) => check(Buffer.from(text))?.message ?? null);
    // 'a>123' + '45' = 7 bytes without a '<'; 'a>12345' + '12345' = 12
    expect(chunks(xmlPartCheck('delen', 100, 10), '<a>123', '45</a>')).toEqual([null, null]);
    expect(chunks(xmlPartCheck('delen', 100, 10), '<a>12345', '12345</a>')).toEqual([
      null,
      'en celle eller et mærke i delen er længere end 0 kB',
    ]);
    // a chunk longer than the limit is searched through: 'a>' + 8 or 9 x's
    expect(chunks(xmlPartCheck('delen', 100, 10), `<a>${'x'.repeat(8)}<b>`, `<a>${'x'.repeat(9)}<b>`)).toEqual([
      null,
      expect.stringContaining('længere'),
    ]);
    expect(chunks(xmlPartCheck('delen', 20, 10), '<a></a><b>', '<a></a><b>', '<')).toEqual([
      null,
      null,
      'delen fylder mere end 0 MB udpakket',
    ]);
  });
});

describe('upload files', () => {
  it('are private to this user, in a directory private to this process', async () => {
    const upload = await saveUpload(Readable.from([Buffer.from('a;b\n1;2\n')]), 1000);
    try {
      expect(statSync(upload.path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(upload.path)).mode & 0o777).toBe(0o700);
      expect(dirname(upload.path)).toMatch(new RegExp(`/lis-uploads-${process.pid}-[^/]+$`));
    } finally {
      await upload.remove();
    }
  });

  it('left behind by a process that no longer runs are removed at start; others are kept', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lis-upload-root-'));
    const finished = spawnSync(process.execPath, ['-e', '']).pid; // a process that has ended
    const make = (name: string) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'upload-1'), 'x');
      return name;
    };
    const crashed = make(`lis-uploads-${finished}-abc123`);
    const earlierStartSamePid = make(`lis-uploads-${process.pid}-old123`); // a container's pid 1 again
    const running = make(`lis-uploads-${process.ppid}-def456`);
    const unrelated = make('lis-other-1');
    const removed = await removeStaleUploads(root);
    expect(removed.map((path) => path.slice(root.length + 1)).sort()).toEqual([crashed, earlierStartSamePid].sort());
    expect((await readdir(root)).sort()).toEqual([running, unrelated].sort());
  });
});

/**
 * A minimal XLSX archive written by hand: shared strings before the sheet, as exceljs reads
 * them unless `sheetFirst` (as Excel does); `columns` overrides the letters of some cells ('row:column',
 * 1-based → letters); `firstRowXml` is added to the first row as it is.
 */
function workbook(
  rows: string[][],
  {
    columns = {},
    sheetFirst = false,
    firstRowXml = '',
  }: { columns?: Record<string, string>; sheetFirst?: boolean; firstRowXml?: string } = {},
): Buffer {
  const strings: string[] = [];
  const sheetRows = rows.map((cells, r) => {
    const xml = cells.map((text, c) => {
      strings.push(text);
      const letters = columns[`${r + 1}:${c + 1}`] ?? String.fromCharCode(65 + c);
      return `<c r="${letters}${r + 1}" t="s"><v>${strings.length - 1}</v></c>`;
    });
    return `<row r="${r + 1}">${xml.join('')}${r === 0 ? firstRowXml : ''}</row>`;
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="${rel.replace('officeDocument/2006/relationships', 'package/2006/relationships')}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
  ];
  const sharedStrings: [string, string] = [
    'xl/sharedStrings.xml',
    `<?xml version="1.0"?><sst ${ns} count="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  ];
  const sheet: [string, string] = [
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
  ];
  return zip([...parts, ...(sheetFirst ? [sheet, sharedStrings] : [sharedStrings, sheet])]);
}

/** A zip archive of deflated entries. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
