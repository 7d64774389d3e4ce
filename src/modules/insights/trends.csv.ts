import { CsvSpec } from '../../core/http/csv/csv-columns';
import {
  CompareResponseDto,
  GroupComparisonDto,
  TrendPointDto,
  TrendsResponseDto,
} from './dto/trends-response.dto';

/** One line per point: the bucket, its group, the value with its interval, n and the low-sample flag. */
export const TRENDS_CSV: CsvSpec<TrendsResponseDto, TrendPointDto & { metric: string }> = {
  filename: 'trends',
  rows: (body) => body.points.map((p) => ({ ...p, metric: body.metric })),
  columns: [
    { header: 'metric', value: (r) => r.metric },
    { header: 'period', value: (r) => r.period },
    { header: 'group', value: (r) => r.group },
    { header: 'value', value: (r) => r.value },
    { header: 'n', value: (r) => r.n },
    { header: 'ciLow', value: (r) => r.ci?.low },
    { header: 'ciHigh', value: (r) => r.ci?.high },
    { header: 'lowSample', value: (r) => r.lowSample },
  ],
};

/** One line per group: both values with n and interval, the change with its interval, p- and q-value. */
export const COMPARE_CSV: CsvSpec<CompareResponseDto, GroupComparisonDto & { metric: string }> = {
  filename: 'trends-compare',
  rows: (body) => body.groups.map((g) => ({ ...g, metric: body.metric })),
  columns: [
    { header: 'metric', value: (r) => r.metric },
    { header: 'group', value: (r) => r.group },
    { header: 'current', value: (r) => r.current.value },
    { header: 'currentN', value: (r) => r.current.n },
    { header: 'currentCiLow', value: (r) => r.current.ci?.low },
    { header: 'currentCiHigh', value: (r) => r.current.ci?.high },
    { header: 'baseline', value: (r) => r.baseline.value },
    { header: 'baselineN', value: (r) => r.baseline.n },
    { header: 'baselineCiLow', value: (r) => r.baseline.ci?.low },
    { header: 'baselineCiHigh', value: (r) => r.baseline.ci?.high },
    { header: 'difference', value: (r) => r.change.difference },
    { header: 'differenceCiLow', value: (r) => r.change.ci?.low },
    { header: 'differenceCiHigh', value: (r) => r.change.ci?.high },
    { header: 'pValue', value: (r) => r.change.pValue },
    { header: 'qValue', value: (r) => r.change.qValue },
    { header: 'lowSample', value: (r) => r.lowSample },
  ],
};
