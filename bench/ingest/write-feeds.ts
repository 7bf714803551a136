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
    rows,
  };
  const organisation = createWriteStream(files.organisation);
  organisation.end(`org_id;parent_id;name;level;valid_from;valid_to\n${units.map(organisationLine).join('')}`);
  const economy = createWriteStream(files.economy);
  const copy = createWriteStream(files.economyCopy);
  economy.write('period;org_id;function;dranst;amount_type;amount\n');
  // Lines are written in blocks: one write per row would make the generator the slowest part of the bench.
  let csvBlock = '';
  let copyBlock = '';
  let inBlock = 0;
  for (const row of economyRows(rows, leafUnits(units))) {
    csvBlock += economyLine(row);
    copyBlock += economyCopyLine(row);
    if (++inBlock === 10_000) {
      await writeBlock(economy, csvBlock, copy, copyBlock);
      [csvBlock, copyBlock, inBlock] = ['', '', 0];
    }
  }
  await writeBlock(economy, csvBlock, copy, copyBlock);
  economy.end();
  copy.end();
  await Promise.all([finished(organisation), finished(economy), finished(copy)]);
  return files;
}

async function writeBlock(a: NodeJS.WritableStream, aText: string, b: NodeJS.WritableStream, bText: string) {
  // Both waits are set up before awaiting either, or a 'drain' of the second could pass unseen.
  const waits = [a.write(aText) ? null : once(a, 'drain'), b.write(bText) ? null : once(b, 'drain')];
  await Promise.all(waits);
}
