import type { ColumnType, FeedColumn } from '@lis/contracts';

const KIND_WORDS: Readonly<Record<ColumnType['kind'], string>> = {
  text: 'tekst',
  month: 'måned',
  date: 'dato',
  year: 'år',
  integer: 'helt tal',
  number: 'tal',
  function: 'funktion',
  municipality: 'kommunekode',
  enum: 'kode',
};

/** 'period (måned)', 'decided (dato, kan være tom)': a column as the upload form lists it. */
export function columnText(column: FeedColumn): string {
  const kind = KIND_WORDS[column.type.kind];
  const values = column.type.kind === 'enum' ? `: ${[...new Set(Object.values(column.type.values))].join(', ')}` : '';
  return `${column.name} (${kind}${values}${column.required ? '' : ', kan være tom'})`;
}
