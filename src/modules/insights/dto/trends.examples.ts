/** Whole answers for the OpenAPI document (the e2e test's data: 7 promoters, 2 passives, 2 detractors on web). */
export const TRENDS_EXAMPLE = {
  metric: 'nps',
  granularity: 'week',
  timezone: 'UTC',
  groupBy: null,
  points: [
    {
      period: '2026-03-02',
      group: null,
      value: 45.45454545454545,
      n: 11,
      ci: { low: -0.7595995996546563, high: 91.66869050874556 },
      lowSample: true,
    },
    { period: '2026-03-09', group: null, value: null, n: 0, ci: null, lowSample: true },
  ],
};

export const COMPARE_EXAMPLE = {
  metric: 'nps',
  timezone: 'UTC',
  groupBy: 'channel',
  current: { from: '2026-03-16T00:00:00.000Z', to: '2026-03-30T00:00:00.000Z' },
  baseline: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' },
  groups: [
    {
      group: 'web',
      current: { value: -100, n: 4, ci: { low: -100, high: -100 } },
      baseline: {
        value: 45.45454545454545,
        n: 11,
        ci: { low: -0.7595995996546563, high: 91.66869050874556 },
      },
      change: {
        difference: -145.45454545454544,
        ci: { low: -191.66869050874556, high: -99.24040040034532 },
        pValue: 0.0072995015115745465,
        qValue: 0.0072995015115745465,
      },
      lowSample: true,
    },
  ],
};
