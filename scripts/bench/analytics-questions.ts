/**
 * The questions bench:analytics asks: an API URL over the rollups, and the plain GROUP BY over raw rows
 * (MySQL) an analyst would otherwise run for the same answer.
 */
export interface AnalyticsQuestion {
  name: string;
  url: string;
  rawSql: string;
  rawParams: unknown[];
}

const WEEK_MS = 7 * 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** Monday-based week number from a DATETIME (1970-01-05 was a Monday). */
const week = (col: string) => `FLOOR(DATEDIFF(${col}, '1970-01-05') / 7)`;

export function analyticsQuestions(start: Date, end: Date): AnalyticsQuestion[] {
  const year = `from=${day(start)}&to=${day(end)}`;
  const last4 = new Date(end.getTime() - 4 * WEEK_MS);
  const prev4 = new Date(end.getTime() - 8 * WEEK_MS);
  const range = [start, end];
  // One of the customer-level components the raw way: customers with two or more items, per week.
  const repeat = (extra: string) =>
    `SELECT w, ${extra ? 'segment, ' : ''}COUNT(*) AS customers FROM (
       SELECT ${week('occurred_at')} AS w, ${extra ? 'segment, ' : ''}customer_id, COUNT(*) AS c FROM feedback
       WHERE occurred_at >= ? AND occurred_at < ? AND customer_id IS NOT NULL
       GROUP BY w, ${extra ? 'segment, ' : ''}customer_id) x WHERE c >= 2 GROUP BY w${extra ? ', segment' : ''}`;
  return [
    {
      name: 'indices, year by week',
      url: `/api/v1/indices?granularity=week&${year}`,
      rawSql: repeat(''),
      rawParams: range,
    },
    {
      name: 'indices, year by week, groupBy segment',
      url: `/api/v1/indices?granularity=week&${year}&groupBy=segment`,
      rawSql: repeat('segment'),
      rawParams: range,
    },
    {
      name: 'trends nps, year by week, channel=email,web, groupBy touchpoint',
      url: `/api/v1/trends?metric=nps&granularity=week&${year}&channel=email,web&groupBy=touchpoint`,
      rawSql: `SELECT ${week('occurred_at')} AS w, touchpoint, SUM(nps_score >= 9) AS p, SUM(nps_score BETWEEN 7 AND 8) AS pa,
                 SUM(nps_score <= 6) AS d FROM feedback
               WHERE occurred_at >= ? AND occurred_at < ? AND channel IN ('email', 'web') AND analysis_status <> 'pending'
               GROUP BY w, touchpoint`,
      rawParams: range,
    },
    {
      name: 'trends negative_share, year by week, Europe/Berlin, groupBy channel',
      url: `/api/v1/trends?metric=negative_share&granularity=week&${year}&timezone=Europe/Berlin&groupBy=channel`,
      rawSql: `SELECT ${week('DATE_ADD(f.occurred_at, INTERVAL 1 HOUR)')} AS w, f.channel, SUM(a.sentiment_label = 'negative') AS neg,
                 COUNT(a.sentiment_label) AS n FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
               WHERE f.occurred_at >= ? AND f.occurred_at < ? GROUP BY w, f.channel`,
      rawParams: range,
    },
    {
      name: 'trends sentiment, year by week, topic=checkout, kind=review,survey_response',
      url: `/api/v1/trends?metric=sentiment&granularity=week&${year}&topic=checkout&kind=review,survey_response`,
      rawSql: `SELECT ${week('f.occurred_at')} AS w, COUNT(*) AS n, SUM(t.sentiment_score) AS s,
                 SUM(t.sentiment_score * t.sentiment_score) AS sq
               FROM feedback f JOIN feedback_topics t ON t.feedback_id = f.id AND t.topic_key = 'checkout'
               WHERE f.occurred_at >= ? AND f.occurred_at < ? AND f.kind IN ('review', 'survey_response') GROUP BY w`,
      rawParams: range,
    },
    {
      name: 'trends volume, year by day, groupBy kind',
      url: `/api/v1/trends?metric=volume&granularity=day&${year}&groupBy=kind`,
      rawSql: `SELECT DATE(occurred_at) AS d, kind, COUNT(*) AS n FROM feedback
               WHERE occurred_at >= ? AND occurred_at < ? GROUP BY d, kind`,
      rawParams: range,
    },
    {
      name: 'compare negative_share, last 4 weeks vs 4 before, groupBy touchpoint',
      url: `/api/v1/trends/compare?metric=negative_share&from=${day(last4)}&to=${day(end)}&groupBy=touchpoint`,
      rawSql: `SELECT f.occurred_at >= ? AS cur, f.touchpoint, SUM(a.sentiment_label = 'negative') AS neg,
                 COUNT(a.sentiment_label) AS n FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
               WHERE f.occurred_at >= ? AND f.occurred_at < ? GROUP BY cur, f.touchpoint`,
      rawParams: [last4, prev4, end],
    },
    {
      name: 'compare nps, last 26 weeks vs 26 before, groupBy channel, segment=consumer',
      url: `/api/v1/trends/compare?metric=nps&from=${day(new Date(end.getTime() - 26 * WEEK_MS))}&to=${day(end)}&groupBy=channel&segment=consumer`,
      rawSql: `SELECT f.occurred_at >= ? AS cur, channel, SUM(nps_score >= 9) AS p, SUM(nps_score BETWEEN 7 AND 8) AS pa,
                 SUM(nps_score <= 6) AS d FROM feedback f
               WHERE occurred_at >= ? AND occurred_at < ? AND segment = 'consumer' GROUP BY cur, channel`,
      rawParams: [new Date(end.getTime() - 26 * WEEK_MS), start, end],
    },
  ];
}
