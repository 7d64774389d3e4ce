/**
 * Colours chosen to read on light and dark mail themes alike: every chart carries its own light card
 * background (dark-mode clients do not invert images), with text and bars dark enough for WCAG AA on it.
 */
export const CHART_THEME = {
  background: '#f8fafc',
  text: '#1e293b',
  muted: '#64748b',
  grid: '#e2e8f0',
  line: '#2563eb',
  area: 'rgba(37, 99, 235, 0.12)',
  bar: '#2563eb',
  barPrevious: '#94a3b8',
  negative: '#b91c1c',
} as const;
