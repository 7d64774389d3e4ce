import { SearchTerm, toFts5Query, toMysqlBooleanQuery } from './search-terms';

/** The dialect-specific part of a verbatim search: how text matches and how relevance ranks. */
export interface SearchDialect {
  /** Joined after `FROM feedback f`. */
  join: string;
  /** ANDed into the WHERE clause. */
  where: string;
  /** An expression where larger means more relevant. */
  score: string;
  params: { join: unknown[]; where: unknown[]; score: unknown[] };
}

export function searchDialect(type: string, terms: SearchTerm[]): SearchDialect {
  if (type === 'better-sqlite3') {
    // bm25() is smaller for better matches; its negation ranks like MySQL's score.
    return {
      join: 'JOIN (SELECT rowid AS rid, -bm25(feedback_fts) AS score FROM feedback_fts WHERE feedback_fts MATCH ?) m ON m.rid = f.rowid',
      where: '1 = 1',
      score: 'm.score',
      params: { join: [toFts5Query(terms)], where: [], score: [] },
    };
  }
  const query = toMysqlBooleanQuery(terms);
  return {
    join: '',
    where: 'MATCH (f.text) AGAINST (? IN BOOLEAN MODE)',
    score: 'MATCH (f.text) AGAINST (? IN BOOLEAN MODE)',
    params: { join: [], where: [query], score: [query] },
  };
}

/**
 * The newest-matches walk reads the newest rows in index order and stops early; on a small table MySQL's planner
 * prefers a full scan and a sort, which reads everything (and which ROWS EXAMINED aborts), so the index is named.
 */
export function recencyWalkHint(type: string): string {
  return type === 'mysql' || type === 'mariadb' ? 'FORCE INDEX (idx_feedback_occurred)' : '';
}
