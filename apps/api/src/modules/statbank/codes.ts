/**
 * Reading the StatBank variables the benchmark needs from a cell, whether the extract carries
 * codes, labels or both (see StatbankCell).
 */
import { findMunicipality, MUNICIPALITIES } from '@lis/domain';
import type { StatbankCell } from './statbank-table.ts';

export type Resolved<T> = { ok: T } | { skip: string };

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
const firstToken = (text: string | null) => text?.trim().split(' ')[0] ?? null;
export const describeCell = (cell: StatbankCell) => [cell.code, cell.label].filter((t) => t !== null).join(' ');

// Default presentation gives names only; DST's English labels differ from the Danish name here.
const BY_NAME = new Map<string, string>([...MUNICIPALITIES.map((m) => [fold(m.name), m.code] as const), ['copenhagen', '101']]);

/** OMRÅDE → 3-digit municipality code; the whole country, regions and anything else are skipped. */
export function municipalityOf(cell: StatbankCell): Resolved<string> {
  if (cell.code !== null && /^\d+$/.test(cell.code)) {
    const code = cell.code.padStart(3, '0');
    if (findMunicipality(code)) return { ok: code };
    if (/^0+$/.test(code)) return { skip: 'OMRÅDE is the whole country' };
    if (/^(?:0|10)8[1-5]$/.test(code)) return { skip: 'OMRÅDE is a region' };
  } else if (cell.label !== null) {
    const name = fold(cell.label).replace(/ kommune$/, '');
    const code = BY_NAME.get(name) ?? BY_NAME.get(fold(describeCell(cell)));
    if (code !== undefined) return { ok: code };
    if (/^(?:hele landet|all denmark|denmark)$/.test(name)) return { skip: 'OMRÅDE is the whole country' };
    if (/^region |region$/.test(fold(describeCell(cell)))) return { skip: 'OMRÅDE is a region' };
  }
  return { skip: `OMRÅDE "${describeCell(cell)}" is not one of the 98 municipalities` };
}

/**
 * A function of the municipal chart of accounts as five digits (`3.22.01` → `32201`). REGK31
 * codes it undotted (hovedkonto 0 may lose its leading zero: `2201`); its labels start dotted.
 */
export function normaliseFunctionCode(text: string | null): string | null {
  if (text === null) return null;
  const dotted = /^(\d)\.(\d\d)\.(\d\d)$/.exec(text);
  if (dotted) return dotted.slice(1).join('');
  if (/^\d{5}$/.test(text)) return text;
  if (/^\d{4}$/.test(text)) return `0${text}`;
  return null;
}

export function functionCodeOf(cell: StatbankCell): string | null {
  return normaliseFunctionCode(cell.code) ?? normaliseFunctionCode(firstToken(cell.label));
}

/** Ages covered by one ALDER value, both ends inclusive; `to` is Infinity for `100OV`, "100 år og derover". */
export interface AgeSpan {
  from: number;
  to: number;
}

const AGE_TOTAL = /^(?:ialt|tot|i alt|alder i alt|age, total|total)$/;
const OPEN_ENDED = /^\d+ ?ov$|og derover|and over|\+$/;

export function ageSpanOf(cell: StatbankCell): AgeSpan | 'total' | null {
  const texts = [cell.code, cell.label, describeCell(cell)].filter((t) => t !== null).map(fold);
  if (texts.some((t) => AGE_TOTAL.test(t))) return 'total';
  const m = /^(\d+)(?: ?- ?(\d+))?/.exec(texts[0] ?? '');
  if (!m) return null;
  const from = Number(m[1]);
  if (texts.some((t) => OPEN_ENDED.test(t))) return { from, to: Number.POSITIVE_INFINITY };
  return { from, to: m[2] === undefined ? from : Number(m[2]) };
}

export interface Period {
  year: number;
  /** 1–4 for quarterly tables (`2016K1`, English `2016Q1`), else null */
  quarter: number | null;
  /** true for monthly tables (`2021M10`) */
  monthly: boolean;
}

export function periodOf(cell: StatbankCell): Period | null {
  const text = (cell.code ?? cell.label ?? '').trim().toUpperCase();
  const m = /^(\d{4})(?:([KQ])([1-4])|M(0[1-9]|1[0-2]))?$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), quarter: m[3] === undefined ? null : Number(m[3]), monthly: m[4] !== undefined };
}

/** A filter value names a category by its code or its label (as the extract's language writes it). */
export function matchesAny(cell: StatbankCell, accepted: readonly string[]): boolean {
  const texts = [cell.code, cell.label, describeCell(cell)].filter((t) => t !== null).map(fold);
  return accepted.some((value) => texts.includes(fold(value)));
}
