import type { CsvSpec } from '../../core/http/csv/csv-columns';
import type { IndicesResult } from './indices.service';

/** One CSV line: an index of one period and group (component '') or one of its components. */
export interface IndicesCsvRow {
  period: string;
  group: string | null;
  index: string;
  component: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  weight: number | null;
  appliedWeight: number | null;
  lowSample: boolean;
  change: number | null;
  changePValue: number | null;
}

function* rowsOf(body: IndicesResult): Iterable<IndicesCsvRow> {
  for (const point of body.points)
    for (const ix of point.indices) {
      const base = { period: point.period, group: point.group, index: ix.index };
      yield {
        ...base,
        component: '',
        value: ix.value,
        ciLow: ix.ci?.low ?? null,
        ciHigh: ix.ci?.high ?? null,
        n: ix.n,
        weight: null,
        appliedWeight: null,
        lowSample: ix.lowSample,
        change: ix.change?.difference ?? null,
        changePValue: ix.change?.pValue ?? null,
      };
      for (const c of ix.components)
        yield {
          ...base,
          component: c.key,
          value: c.value,
          ciLow: c.ci?.low ?? null,
          ciHigh: c.ci?.high ?? null,
          n: c.n,
          weight: c.weight,
          appliedWeight: c.appliedWeight,
          lowSample: c.lowSample,
          change: null,
          changePValue: null,
        };
    }
}

const FIELDS: (keyof IndicesCsvRow)[] = [
  'period',
  'group',
  'index',
  'component',
  'value',
  'ciLow',
  'ciHigh',
  'n',
  'weight',
  'appliedWeight',
  'lowSample',
  'change',
  'changePValue',
];

/** GET /indices as CSV: one line per index and per component, per period and group. */
export const INDICES_CSV: CsvSpec<IndicesResult, IndicesCsvRow> = {
  filename: 'indices',
  rows: rowsOf,
  columns: FIELDS.map((f) => ({ header: f, value: (row: IndicesCsvRow) => row[f] })),
};
