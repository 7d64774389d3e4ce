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
type Dialect = 'mysql' | 'sqlite';

/** The raw SQL's date arithmetic per dialect: Monday-based week numbers (1970-01-05 was a Monday), +1 hour. */
const SQL: Record<Dialect, { week: (col: string) => string; plusHour: (col: string) => string }> = {
  mysql: {
    week: (col) => `FLOOR(DATEDIFF(${col}, '1970-01-05') / 7)`,
    plusHour: (col) => `DATE_ADD(${col}, INTERVAL 1 HOUR)`,
  },
  sqlite: {
    week: (col) => `CAST((julianday(${col}) - julianday('1970-01-05')) / 7 AS INTEGER)`,
    plusHour: (col) => `datetime(${col}, '+1 hour')`,
  },
};

export function analyticsQuestions(start: Date, end: Date, dialect: Dialect): AnalyticsQuestion[] {
  const { week, plusHour } = SQL[dialect];
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
      rawSql: `SELECT ${week(plusHour('f.occurred_at'))} AS w, f.channel, SUM(a.sentiment_label = 'negative') AS neg,
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
    ...painPointQuestions(last4, prev4, end),
    ...verbatimQuestions(last4, end),
  ];
}

/** Pain points, cross-channel pain points and topic insights over the last 4 weeks (their default range). */
function painPointQuestions(last4: Date, prev4: Date, end: Date): AnalyticsQuestion[] {
  const scope = `from=${day(last4)}&to=${day(end)}`;
  const negatives = (dim: string) =>
    `SELECT f.${dim}, t.topic_key, COUNT(*) AS n, SUM(a.sentiment_label = 'negative') AS neg
     FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
     LEFT JOIN feedback_topics t ON t.feedback_id = f.id
     WHERE f.occurred_at >= ? AND f.occurred_at < ? GROUP BY f.${dim}, t.topic_key`;
  return [
    {
      name: 'pain points, last 4 weeks, 5 per dimension with 3 examples',
      url: `/api/v1/pain-points?${scope}&limit=5&examples=3`,
      rawSql: `${negatives('touchpoint')} UNION ALL ${negatives('journey_stage')}`,
      rawParams: [last4, end, last4, end],
    },
    {
      name: 'pain points, last 4 weeks, channel=web, 10 per dimension',
      url: `/api/v1/pain-points?${scope}&channel=web&limit=10&examples=3`,
      rawSql: `SELECT f.touchpoint, COUNT(*) AS n, SUM(a.sentiment_label = 'negative') AS neg
               FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
               WHERE f.occurred_at >= ? AND f.occurred_at < ? AND f.channel = 'web' GROUP BY f.touchpoint`,
      rawParams: [last4, end],
    },
    {
      name: 'topic insights, last 4 weeks vs 4 before, 3 examples',
      url: `/api/v1/topic-insights?${scope}&examples=3`,
      rawSql: `SELECT f.occurred_at >= ? AS cur, t.topic_key, COUNT(*) AS n, SUM(t.sentiment_label = 'negative') AS neg,
                 SUM(t.sentiment_score) AS s FROM feedback f JOIN feedback_topics t ON t.feedback_id = f.id
               WHERE f.occurred_at >= ? AND f.occurred_at < ? GROUP BY cur, t.topic_key`,
      rawParams: [last4, prev4, end],
    },
    {
      // Emerging themes (admin): the texts of the last week and of the 4 weeks before, with each one's topics.
      name: 'topic suggestions, last week vs 4 weeks before',
      url: `/api/v1/topics/suggestions?from=${day(new Date(end.getTime() - WEEK_MS))}&to=${day(end)}&baselineFrom=${day(new Date(end.getTime() - 5 * WEEK_MS))}`,
      rawSql: `SELECT f.id, f.text, t.topic_key FROM feedback f LEFT JOIN feedback_topics t ON t.feedback_id = f.id
               WHERE f.occurred_at >= ? AND f.occurred_at < ? AND f.text IS NOT NULL`,
      rawParams: [new Date(end.getTime() - 5 * WEEK_MS), end],
    },
    {
      name: 'cross-channel pain points, 30-day window',
      url: `/api/v1/pain-points/cross-channel?to=${day(end)}&windowDays=30`,
      rawSql: `SELECT t.topic_key, COUNT(*) AS customers FROM (
                 SELECT t.topic_key, f.customer_id FROM feedback f
                 JOIN feedback_topics t ON t.feedback_id = f.id AND t.sentiment_label = 'negative'
                 WHERE f.occurred_at >= ? AND f.occurred_at < ? AND f.customer_id IS NOT NULL
                 GROUP BY t.topic_key, f.customer_id HAVING COUNT(DISTINCT f.channel) >= 2) t GROUP BY t.topic_key`,
      rawParams: [new Date(end.getTime() - 30 * 86_400_000), end],
    },
  ];
}

/** Verbatim search: words by relevance, and a filtered recency page; the raw side is a LIKE scan. */
function verbatimQuestions(last4: Date, end: Date): AnalyticsQuestion[] {
  return [
    {
      name: 'verbatims q=refund, a year, by relevance, 50 per page',
      url: `/api/v1/verbatims?q=refund&limit=50`,
      rawSql: `SELECT f.id, f.text FROM feedback f WHERE f.text LIKE '%refund%' ORDER BY f.occurred_at DESC LIMIT 50`,
      rawParams: [],
    },
    {
      name: 'verbatims touchpoint=checkout, sentiment=negative, last 4 weeks, newest first',
      url: `/api/v1/verbatims?touchpoint=checkout&sentiment=negative&from=${day(last4)}&to=${day(end)}&limit=50`,
      rawSql: `SELECT f.id, f.text FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
               WHERE f.touchpoint = 'checkout' AND a.sentiment_label = 'negative' AND f.occurred_at >= ? AND f.occurred_at < ?
               ORDER BY f.occurred_at DESC LIMIT 50`,
      rawParams: [last4, end],
    },
  ];
}
