import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type EconomyRow, economyRows, leafUnits, MUNICIPALITY, type OrgUnit, orgUnits } from './economy-data.ts';

export interface FeedFiles {
  organisation: string;
  /** the delivery as a municipality sends it: ';', decimal comma, thousands points */
  economy: string;
  /** the same rows in PostgreSQL's COPY text format, shaped like the economy table, for the \copy baseline */
  economyCopy: string;
  /** a restatement: the same keys, every amount one krone more */
  economyRestated: string;
  rows: number;
}

/** Danish number as finance systems export it: 1.234.567,89 and -12.500,00. */
export function danishAmount(amount: number): string {
  const [whole = '0', fraction = '00'] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped},${fraction}`;
}

const organisationLine = (u: OrgUnit) => `${u.orgId};${u.parentId ?? ''};${u.name};${u.level};;\n`;
export const economyLine = (r: EconomyRow) =>
  `${r.period};${r.orgId};${r.functionCode};${r.dranst};${r.amountType};${danishAmount(r.amount)}\n`;
/** municipality, period, org_id, function, dranst, amount_type, amount, batch_id, active */
export const economyCopyLine = (r: EconomyRow) =>
  `${MUNICIPALITY}\t${r.period}-01\t${r.orgId}\t${r.functionCode}\t${r.dranst}\t${r.amountType}\t${r.amount.toFixed(2)}\t1\tt\n`;

/** Writes the organisation file, the economy delivery and its COPY twin into `dir`. */
export async function writeFeeds(dir: string, rows: number): Promise<FeedFiles> {
  mkdirSync(dir, { recursive: true });
  const units = orgUnits();
  const files: FeedFiles = {
    organisation: join(dir, 'organisation.csv'),
    economy: join(dir, `economy-${rows}.csv`),
    economyCopy: join(dir, `economy-${rows}.copy.tsv`),
    economyRestated: join(dir, `economy-${rows}-restated.csv`),
    rows,
  };
  const organisation = createWriteStream(files.organisation);
  organisation.end(`org_id;parent_id;name;level;valid_from;valid_to\n${units.map(organisationLine).join('')}`);
  const economy = createWriteStream(files.economy);
  const copy = createWriteStream(files.economyCopy);
  const restated = createWriteStream(files.economyRestated);
  const header = 'period;org_id;function;dranst;amount_type;amount\n';
  economy.write(header);
  restated.write(header);
  // Lines are written in blocks: one write per row would make the generator the slowest part of the bench.
  let csvBlock = '';
  let copyBlock = '';
  let restatedBlock = '';
  let inBlock = 0;
  const blocks = () =>
    writeBlocks([
      [economy, csvBlock],
      [copy, copyBlock],
      [restated, restatedBlock],
    ]);
  for (const row of economyRows(rows, leafUnits(units))) {
    csvBlock += economyLine(row);
    copyBlock += economyCopyLine(row);
    restatedBlock += economyLine({ ...row, amount: row.amount + 1 });
    if (++inBlock === 10_000) {
      await blocks();
      [csvBlock, copyBlock, restatedBlock, inBlock] = ['', '', '', 0];
    }
  }
  await blocks();
  for (const stream of [economy, copy, restated]) stream.end();
  await Promise.all([organisation, economy, copy, restated].map((stream) => finished(stream)));
  return files;
}

async function writeBlocks(blocks: [NodeJS.WritableStream, string][]) {
  // Every wait is set up before awaiting any, or a 'drain' of a later stream could pass unseen.
  await Promise.all(blocks.map(([stream, text]) => (stream.write(text) ? null : once(stream, 'drain'))));
}
