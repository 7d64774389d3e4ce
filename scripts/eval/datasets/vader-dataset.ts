import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtmlEntities } from './html-entities';

export type VaderSource = 'tweets' | 'movies' | 'amazon' | 'nyt';

export interface VaderSnippet {
  id: string;
  source: VaderSource;
  text: string;
  /** Mean of at least 20 human ratings on -4..+4. */
  meanRating: number;
}

export const VADER_SOURCES: VaderSource[] = ['tweets', 'movies', 'amazon', 'nyt'];

const FILES: Record<VaderSource, string> = {
  tweets: 'tweets_GroundTruth.txt',
  movies: 'movieReviewSnippets_GroundTruth.txt',
  amazon: 'amazonReviewSnippets_GroundTruth.txt',
  nyt: 'nytEditorialSnippets_GroundTruth.txt',
};

/** VADER ICWSM-2014 gold sets (MIT): `id<TAB>mean<TAB>text`, CRLF line endings. */
export function loadVaderSnippets(datasetsDir: string, source: VaderSource): VaderSnippet[] {
  const raw = readFileSync(join(datasetsDir, 'vader_icwsm2014', FILES[source]), 'utf8');
  const rows: VaderSnippet[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    if (first < 0 || second < 0) continue;
    const meanRating = Number(line.slice(first + 1, second));
    if (!Number.isFinite(meanRating)) continue;
    const text = decodeHtmlEntities(line.slice(second + 1)).trim();
    rows.push({ id: `${source}-${line.slice(0, first)}`, source, text, meanRating });
  }
  return rows;
}

/** The VADER paper's convention: positive when the mean rating is > 0, negative when < 0 (zeros are dropped). */
export function vaderPaperLabel(meanRating: number): 'positive' | 'negative' | null {
  return meanRating > 0 ? 'positive' : meanRating < 0 ? 'negative' : null;
}
