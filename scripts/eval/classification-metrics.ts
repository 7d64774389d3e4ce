export interface ClassificationMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  /** F1 of each label, in `labels` order. */
  f1: number[];
  labels: string[];
  /** confusion[gold][predicted], in `labels` order; predictions outside `labels` land in an extra column. */
  confusion: number[][];
}

/** Accuracy, macro-F1 over `labels` and the confusion matrix; unknown predictions count as errors. */
export function classificationMetrics(
  labels: string[],
  gold: string[],
  predicted: string[],
): ClassificationMetrics {
  const k = labels.length;
  const confusion = labels.map(() => new Array<number>(k + 1).fill(0));
  let correct = 0;
  gold.forEach((g, i) => {
    const row = labels.indexOf(g);
    if (row < 0) throw new Error(`metrics: gold label "${g}" not in ${labels.join(', ')}`);
    const column = labels.indexOf(predicted[i]);
    confusion[row][column < 0 ? k : column]++;
    if (g === predicted[i]) correct++;
  });
  const f1 = labels.map((_, c) => {
    const tp = confusion[c][c];
    const goldCount = confusion[c].reduce((s, x) => s + x, 0);
    const predictedCount = confusion.reduce((s, row) => s + row[c], 0);
    return tp === 0 ? 0 : (2 * tp) / (goldCount + predictedCount);
  });
  const hasOther = confusion.some((row) => row[k] > 0);
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1.reduce((s, x) => s + x, 0) / k,
    f1,
    labels,
    confusion: hasOther ? confusion : confusion.map((row) => row.slice(0, k)),
  };
}

/** Confusion matrix as aligned text lines, gold labels down, predictions across. */
export function formatConfusion(metrics: ClassificationMetrics): string[] {
  const columns =
    metrics.confusion[0].length > metrics.labels.length ? [...metrics.labels, 'other'] : metrics.labels;
  const width = Math.max(8, ...columns.map((c) => c.length + 1));
  const cell = (s: string | number): string => String(s).padStart(width);
  const lines = [`${'gold \\ pred'.padEnd(12)}${columns.map(cell).join('')}`];
  metrics.labels.forEach((label, r) =>
    lines.push(`${label.padEnd(12)}${metrics.confusion[r].map(cell).join('')}`),
  );
  return lines;
}
