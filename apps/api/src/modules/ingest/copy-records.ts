import type { FeedSpec } from '@lis/contracts';
import type { CopyWriter, StoreTx } from '@lis/db';
import { CopyBytes, copyFieldsText } from '../../lib/copy-text.ts';
import type { ErrorList, RowError } from './errors.ts';
import { feedRuleChecker, type ReferenceData } from './feed-rules.ts';
import * as repo from './ingest.repository.ts';
import type { OrgRow } from './org-tree.ts';
import { type PeriodRange, periodRangeOf } from './period-range.ts';
import type { RecordSource } from './read-records.ts';
import { rowValidator, type StoredValue } from './validate-row.ts';

// Rows go to the server in pieces of about this size (the file is read in smaller ones).
const COPY_PIECE_BYTES = 1 << 20;

export interface CopiedFile {
  /** records read, valid or not */
  rows: number;
  /** the units of an organisation file, for the tree check */
  orgRows: OrgRow[];
  range: PeriodRange;
}

/** Where the valid rows are copied to, and what their COPY lines hold besides the row's fields. */
export interface CopyTarget {
  writer: CopyWriter;
  /** COPY text before the fields of each row, ending in a tab, or '' */
  before: string;
  /** whether the row's file line follows its fields */
  fileLine: boolean;
}

/** The staging table, whose rows the publish then stores; it keeps each row's file line for the error list. */
export async function stageTarget(tx: StoreTx, spec: FeedSpec): Promise<CopyTarget> {
  await repo.createStage(tx, spec);
  return { writer: repo.stageWriter(tx, spec), before: '', fileLine: true };
}

/** The feed's table itself, as the rows in effect of the batch (a first load, ADR 0014). */
export function factTableTarget(tx: StoreTx, spec: FeedSpec, municipality: string, batchId: number): CopyTarget {
  return { writer: repo.factWriter(tx, spec), before: `${copyFieldsText([municipality, batchId, true])}\t`, fileLine: false };
}

/**
 * Reads every record into the target, the stage table or, for a first load (ADR 0014), the feed's
 * table: valid rows are copied, the errors of the others collected (the whole file is read, so
 * that all its errors can be reported). One COPY takes the whole file, so the server stores a
 * batch of rows while the next one is read.
 */
export async function copyRecords(
  spec: FeedSpec,
  source: RecordSource,
  refs: ReferenceData,
  errors: ErrorList,
  target: CopyTarget,
  onProgress?: (rows: number) => void,
): Promise<CopiedFile> {
  const validate = rowValidator(spec, source.decimalComma);
  const checkRules = feedRuleChecker(spec, refs);
  const periods = periodRangeOf(spec);
  const copied: CopiedFile = { rows: 0, orgRows: [], range: { from: null, to: null } };
  const writer = target.writer;
  const lines = new CopyBytes(2 * COPY_PIECE_BYTES);
  try {
    for await (const batch of source.batches) {
      for (const record of batch) {
        copied.rows++;
        const values = validate(record, errors);
        if (!values) continue;
        const ruleErrors = checkRules(values, record.line);
        if (ruleErrors.length > 0) {
          for (const error of ruleErrors) errors.add(error);
          continue;
        }
        if (spec.name === 'organisation') copied.orgRows.push(toOrgRow(values, record.line));
        periods.add(values);
        addLine(lines, target, values, record.line);
      }
      if (lines.size >= COPY_PIECE_BYTES) await writer.write(lines.take());
      onProgress?.(copied.rows);
    }
  } catch (error) {
    if (!(error instanceof Error) || !isParseError(error)) {
      await writer.abort();
      throw error;
    }
    errors.add(parseErrorToRowError(error)); // the rows before it are still checked for duplicate keys
  }
  if (lines.size > 0) await writer.write(lines.take());
  await writer.end();
  copied.range = periods.range();
  return copied;
}

function addLine(lines: CopyBytes, target: CopyTarget, values: readonly StoredValue[], fileLine: number): void {
  if (target.before !== '') lines.addRaw(target.before);
  lines.addFields(values);
  if (target.fileLine) {
    lines.addByte(TAB);
    lines.addNumber(fileLine);
  }
  lines.addByte(NEWLINE);
}

const TAB = 0x09;
const NEWLINE = 0x0a;

function toOrgRow(values: readonly unknown[], line: number): OrgRow {
  // organisation columns: org_id, parent_id, name, level, valid_from, valid_to
  return {
    orgId: values[0] as string,
    parentId: (values[1] as string | null) ?? null,
    level: values[3] as OrgRow['level'],
    validFrom: (values[4] as string | null) ?? null,
    validTo: (values[5] as string | null) ?? null,
    line,
  };
}

function isParseError(error: Error): boolean {
  return error instanceof SyntaxError || error.name === 'CsvError';
}

function parseErrorToRowError(error: Error): RowError {
  const csvLine = (error as { lines?: number }).lines;
  const jsonLine = /^line (\d+): /.exec(error.message);
  return {
    line: csvLine ?? (jsonLine ? Number(jsonLine[1]) : 1),
    column: null,
    value: null,
    message: `filen kan ikke læses: ${error.message.replace(/^line \d+: /, '')}`,
  };
}
