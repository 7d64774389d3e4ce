import { NEWEST_ANALYSIS } from '../rollups/item-facts/customer-item-facts.repository';
import type { FactsRange, FactsSource } from './customer-facts.repository';

/**
 * SQL pieces of the customer-level reads (portable: SQLite and MySQL/MariaDB). Each customer is one group of a
 * `GROUP BY customer` over their items (or NPS answers); what else is known of them (mean NPS, churned, referred,
 * the topics they raised negatively) is a subquery on the group's customer, answered from an index that leads
 * with the customer. The outer query then counts customers with identical values, so only those counts leave
 * the database, never one row per customer.
 */

/** ` AND alias.occurred_at >= :from …`: the range on alias's occurred_at and segment (named parameters). */
export function rangeSql(alias: string, range: FactsRange): string {
  return (
    (range.from ? ` AND ${alias}.occurred_at >= :from` : '') +
    (range.to ? ` AND ${alias}.occurred_at < :to` : '') +
    (range.segment ? ` AND ${alias}.segment = :segment` : '')
  );
}

export function rangeParameters(range: FactsRange): Record<string, unknown> {
  return { from: range.from, to: range.to, segment: range.segment };
}

/** NEWEST_ANALYSIS for another alias than `a` (subqueries inside a query that already has an `a`). */
const newestAs = (alias: string) => NEWEST_ANALYSIS.replace(/\ba\./g, `${alias}.`);

/**
 * Customers with a sentiment in the range, grouped: `FROM … WHERE … GROUP BY <customer>` with the customer
 * column's expression and the mean item sentiment's.
 */
export function sentimentCustomers(
  range: FactsRange,
  source: FactsSource,
): { from: string; customer: string; sentiment: string } {
  if (source === 'raw')
    return {
      from: `FROM feedback f INNER JOIN feedback_analysis a ON a.feedback_id = f.id
        WHERE f.customer_id IS NOT NULL AND ${NEWEST_ANALYSIS} AND a.sentiment_score IS NOT NULL${rangeSql('f', range)}
        GROUP BY f.customer_id`,
      customer: 'f.customer_id',
      sentiment: 'AVG(a.sentiment_score)',
    };
  return {
    from: `FROM customer_item_facts c WHERE 1 = 1${rangeSql('c', range)} GROUP BY c.customer_id`,
    customer: 'c.customer_id',
    sentiment: 'AVG(c.sentiment_score)',
  };
}

/** Customers with an NPS answer in the range, grouped, and their mean NPS. */
export function npsCustomers(range: FactsRange): { from: string; customer: string; nps: string } {
  return {
    from: `FROM feedback n WHERE n.customer_id IS NOT NULL AND n.nps_score IS NOT NULL${rangeSql('n', range)}
      GROUP BY n.customer_id`,
    customer: 'n.customer_id',
    nps: 'AVG(n.nps_score)',
  };
}

/** The customer's mean NPS in the range (NULL without an answer). */
export function npsOf(customer: string, range: FactsRange): string {
  return `(SELECT AVG(fn.nps_score) FROM feedback fn
    WHERE fn.customer_id = ${customer} AND fn.nps_score IS NOT NULL${rangeSql('fn', range)})`;
}

/** 1 when the customer churned (a lifecycle `churned` event) in the range, else 0. */
export function churnedOf(customer: string, range: FactsRange): string {
  return `CASE WHEN EXISTS (SELECT 1 FROM outcomes oc WHERE oc.customer_id = ${customer}
    AND oc.type = 'lifecycle' AND oc.event = 'churned'${rangeSql('oc', range)}) THEN 1 ELSE 0 END`;
}

/** 1 when the customer referred someone (any referral event) in the range, else 0. */
export function referredOf(customer: string, range: FactsRange): string {
  return `CASE WHEN EXISTS (SELECT 1 FROM outcomes orf WHERE orf.customer_id = ${customer}
    AND orf.type = 'referral'${rangeSql('orf', range)}) THEN 1 ELSE 0 END`;
}

/**
 * The topics the customer raised negatively in the range (newest analysis of each item), comma-separated in no
 * particular order; NULL when none. Topic keys are slugs, never holding a comma.
 */
export function negativeTopicsOf(customer: string, range: FactsRange, source: FactsSource): string {
  if (source === 'raw')
    return `(SELECT GROUP_CONCAT(DISTINCT tt.topic_key) FROM feedback ft
      INNER JOIN feedback_analysis ta ON ta.feedback_id = ft.id
      INNER JOIN feedback_topics tt ON tt.feedback_id = ta.feedback_id AND tt.pipeline_version = ta.pipeline_version
      WHERE ft.customer_id = ${customer} AND ${newestAs('ta')}
        AND tt.sentiment_label = 'negative'${rangeSql('ft', range)})`;
  return `(SELECT GROUP_CONCAT(DISTINCT m.topic_key) FROM customer_topic_mentions m
    WHERE m.customer_id = ${customer} AND m.sentiment_label = 'negative'${rangeSql('m', range)})`;
}
