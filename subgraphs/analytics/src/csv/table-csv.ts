import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/** One column of a table as CSV: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): CsvValue;
}

/**
 * The one CSV renderer of every table this subgraph answers (statistics tables and the operation log): RFC 4180 with a
 * header row (csv-stringify), CRLF line ends; fields with commas, quotes or line breaks are quoted, quotes doubled, and
 * a field starting with = + - @ tab or carriage return gets a leading `'` so that a spreadsheet shows it as text
 * instead of running it as a formula (CSV injection). null / undefined are empty cells.
 */
export function renderCsv<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  header = true,
): string {
  return stringify(
    rows.map((row) => columns.map((c) => cell(c.value(row)))),
    {
      header,
      columns: columns.map((c) => c.header),
      escape_formulas: true,
      record_delimiter: 'windows',
      // csv-stringify quotes only the record delimiter (CRLF); a lone LF or CR must be quoted too.
      quoted_match: /[\r\n]/,
    },
  );
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
