import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeHtmlEntities } from './html-entities';

export type AirlineSentiment = 'negative' | 'neutral' | 'positive';

export interface AirlineTweet {
  id: string;
  /** Cleaned: the publisher's "Cancelled Flight"/"Late Flight" replacements undone, HTML entities decoded. */
  text: string;
  sentiment: AirlineSentiment;
  negativeReason: string | null;
  negativeReasonConfidence: number | null;
}

const SENTIMENTS = new Set<string>(['negative', 'neutral', 'positive']);

/**
 * Twitter US Airline Sentiment, train part (CC BY-NC-SA: evaluation only, never ship a model trained on it).
 * Texts contain newlines, so a real CSV parser is needed.
 */
export function loadAirlineTweets(datasetsDir: string): AirlineTweet[] {
  const csv = readFileSync(join(datasetsDir, 'airline', 'tweets-train.csv'), 'utf8');
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    if (!SENTIMENTS.has(r.airline_sentiment)) {
      throw new Error(`airline tweet ${r.tweet_id}: unknown sentiment "${r.airline_sentiment}"`);
    }
    const reason = r.negativereason?.trim() || null;
    const reasonConfidence = r.negativereason_confidence?.trim() ? Number(r.negativereason_confidence) : null;
    return {
      id: r.tweet_id,
      text: cleanAirlineText(r.text),
      sentiment: r.airline_sentiment as AirlineSentiment,
      negativeReason: reason,
      negativeReasonConfidence: reason === null ? null : reasonConfidence,
    };
  });
}

/** Undoes the publisher's global replace (late → "Late Flight", cancel → "Cancelled Flight") that leaks labels. */
export function cleanAirlineText(raw: string): string {
  return decodeHtmlEntities(raw.replace(/Cancelled Flight/g, 'cancel').replace(/Late Flight/g, 'late'));
}
