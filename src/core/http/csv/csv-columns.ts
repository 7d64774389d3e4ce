import { CsvValue } from './csv-format';

/** One column of a CSV export: its header and how a row gives its value. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** How an endpoint's JSON answer becomes CSV: the rows to write (an array, or an async stream) and their columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the interceptor holds specs of every row type
export interface CsvSpec<Body = any, Row = any> {
  columns: CsvColumn<Row>[];
  rows: (body: Body) => Iterable<Row> | AsyncIterable<Row>;
  /** Download name without extension. */
  filename: string;
}

/** Columns that copy fields by name, `a.b` reading nested ones. */
export function columnsOf<Row>(...paths: string[]): CsvColumn<Row>[] {
  return paths.map((path) => ({
    header: path,
    value: (row: Row) =>
      path
        .split('.')
        .reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], row) as CsvValue,
  }));
}
