import { ScenarioCluster } from './scenario-cluster';

export interface AnalysisAudit {
  acknowledged: number;
  stored: number;
  analysed: number;
  /** Items with more than one analysis row for one pipeline version (the key forbids it; checked anyway). */
  duplicated: number;
}

/** Compares acknowledged ids with the rows MySQL holds: stored, out of `pending`, with an analysis row. */
export async function auditAnalysis(cluster: ScenarioCluster, ids: string[]): Promise<AnalysisAudit> {
  const audit: AnalysisAudit = { acknowledged: new Set(ids).size, stored: 0, analysed: 0, duplicated: 0 };
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const [row] = await cluster.query<{ stored: number; analysed: number }>(
      `SELECT COUNT(*) AS stored,
              SUM(f.analysis_status <> 'pending' AND EXISTS
                (SELECT 1 FROM feedback_analysis a WHERE a.feedback_id = f.id)) AS analysed
       FROM feedback f WHERE f.id IN (?)`,
      [chunk],
    );
    audit.stored += Number(row.stored);
    audit.analysed += Number(row.analysed ?? 0);
  }
  const [dup] = await cluster.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT feedback_id FROM feedback_analysis
       GROUP BY feedback_id, pipeline_version HAVING COUNT(*) > 1) d`,
  );
  audit.duplicated = Number(dup.n);
  return audit;
}

/** Polls until every acknowledged item is analysed; returns the milliseconds it took, or -1 past `timeoutMs`. */
export async function waitUntilAnalysed(
  cluster: ScenarioCluster,
  ids: string[],
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  const total = new Set(ids).size;
  while (Date.now() - started < timeoutMs) {
    const a = await auditAnalysis(cluster, ids);
    if (process.env.RESILIENCE_TRACE)
      process.stderr.write(`+${Date.now() - started} ms analysed ${a.analysed}/${total}\n`);
    if (a.analysed === total) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return -1;
}
