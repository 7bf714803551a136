import type { Batch } from '@lis/contracts';
import pc from 'picocolors';
import type { RowError } from '../modules/ingest/errors.ts';

const count = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

export const formatCount = (n: number) => count.format(n);

/** A rejected file in Danish, like its row errors: the people who fix the file read them. */
export function printRejection(fileName: string, errors: readonly RowError[], errorCount: number): void {
  console.error(pc.red(pc.bold(`✗ ${fileName} blev afvist: ${formatCount(errorCount)} fejl. Intet er gemt.`)));
  for (const e of errors) {
    const where = `linje ${e.line}${e.column ? `, kolonne ${e.column}` : ''}`;
    const value = e.value === null ? '' : ` (værdi ${JSON.stringify(e.value)})`;
    console.error(`  ${pc.yellow(where)}${value}: ${e.message}`);
  }
  if (errorCount > errors.length) console.error(pc.dim(`  … og ${formatCount(errorCount - errors.length)} fejl mere`));
}

export function printBatches(batches: readonly Batch[]): void {
  if (batches.length === 0) {
    console.log('No deliveries yet.');
    return;
  }
  const rows = batches.map((b) => [
    String(b.id),
    b.feed,
    b.status,
    formatCount(b.rows),
    formatCount(b.activeRows),
    b.periodFrom ? `${b.periodFrom.slice(0, 7)}…${(b.periodTo ?? '').slice(0, 7)}` : '',
    b.loadedAt.slice(0, 19).replace('T', ' '),
    b.loadedBy,
    b.fileName,
  ]);
  const header = ['batch', 'feed', 'status', 'rows', 'in effect', 'periods', 'loaded at (UTC)', 'by', 'file'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(pc.bold(line(header)));
  for (const r of rows) console.log(line(r));
}
