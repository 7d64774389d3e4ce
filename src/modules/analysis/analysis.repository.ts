import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertRows, placeholders } from '../../database/insert-rows';
import { forUpdate } from '../../database/lock-for-update';
import { fromSqlDate } from '../../database/sql-date';
import { FeedbackAnalysisEntity } from './entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from './entities/feedback-topic.entity';
import { ReprocessRunEntity } from './entities/reprocess-run.entity';

/** Items per topics lookup, and lookups in flight at once. */
const TOPICS_CHUNK = 1_000;
const TOPICS_CHUNKS_AT_ONCE = 4;

@Injectable()
export class AnalysisRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Replaces this version's results for these items, and runs `alsoInTransaction` (the items' statuses), in one
   * transaction: one commit per batch, and running twice changes nothing. READ COMMITTED on MySQL: a DELETE
   * that finds no rows (the usual first analysis) would otherwise gap-lock the end of the index, and
   * concurrent jobs inserting there deadlocked (160 in 20 s at 1,000 items/s, each retried a second later).
   * Without gap locks, two batches holding one item (a re-analysis beside a retry) could both delete, then both
   * insert, and the second failed on the duplicate key; so the batch first locks its items' feedback rows, in id
   * order (the order every batch takes them in, and the rows its status update locks anyway).
   */
  async replaceResults(
    version: string,
    batchIds: string[],
    feedbackIds: string[],
    analyses: FeedbackAnalysisEntity[],
    topics: FeedbackTopicEntity[],
    alsoInTransaction: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const work = async (manager: EntityManager) => {
      const ids = [...new Set(batchIds)].sort();
      if (ids.length && forUpdate(manager))
        await manager.query(
          `SELECT id FROM feedback WHERE id IN (${placeholders(ids.length)}) ORDER BY id${forUpdate(manager)}`,
          ids,
        );
      await manager.delete(FeedbackAnalysisEntity, { pipelineVersion: version, feedbackId: In(feedbackIds) });
      await manager.delete(FeedbackTopicEntity, { pipelineVersion: version, feedbackId: In(feedbackIds) });
      await insertRows(manager, FeedbackAnalysisEntity, analyses);
      await insertRows(manager, FeedbackTopicEntity, topics);
      await alsoInTransaction(manager);
    };
    await (this.dataSource.options.type === 'better-sqlite3'
      ? this.dataSource.transaction(work)
      : this.dataSource.transaction('READ COMMITTED', work));
  }

  findAnalysis(feedbackId: string, version: string): Promise<FeedbackAnalysisEntity | null> {
    return this.dataSource
      .getRepository(FeedbackAnalysisEntity)
      .findOne({ where: { feedbackId, pipelineVersion: version } });
  }

  findLatestAnalysis(feedbackId: string): Promise<FeedbackAnalysisEntity | null> {
    return this.dataSource
      .getRepository(FeedbackAnalysisEntity)
      .findOne({ where: { feedbackId }, order: { analysedAt: 'DESC' } });
  }

  /**
   * The topic keys found in each item (for emerging themes), each item judged by its analysis of `version` or,
   * until a re-analysis reaches it, by its newest one: after an upgrade or a taxonomy change, items not yet
   * re-analysed must not all look uncovered. Items without topics are absent.
   */
  async topicsOf(version: string, feedbackIds: string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    const chunks: string[][] = [];
    for (let i = 0; i < feedbackIds.length; i += TOPICS_CHUNK)
      chunks.push(feedbackIds.slice(i, i + TOPICS_CHUNK));
    // A few chunks at a time: MySQL answers them on separate pooled connections (SQLite's one takes turns).
    for (let i = 0; i < chunks.length; i += TOPICS_CHUNKS_AT_ONCE)
      await Promise.all(
        chunks.slice(i, i + TOPICS_CHUNKS_AT_ONCE).map(async (ids) => {
          const list = placeholders(ids.length);
          const [analyses, topics]: [
            { feedbackId: string; pipelineVersion: string; analysedAt: Date | string }[],
            { feedbackId: string; pipelineVersion: string; topicKey: string }[],
          ] = await Promise.all([
            this.dataSource.query(
              `SELECT feedback_id AS feedbackId, pipeline_version AS pipelineVersion, analysed_at AS analysedAt
               FROM feedback_analysis WHERE feedback_id IN (${list})`,
              ids,
            ),
            this.dataSource.query(
              `SELECT feedback_id AS feedbackId, pipeline_version AS pipelineVersion, topic_key AS topicKey
               FROM feedback_topics WHERE feedback_id IN (${list})`,
              ids,
            ),
          ]);
          const judgedBy = new Map<string, { pipelineVersion: string; at: number }>();
          for (const a of analyses) {
            const at = fromSqlDate(a.analysedAt).getTime();
            const best = judgedBy.get(a.feedbackId);
            if (
              !best ||
              (best.pipelineVersion !== version && (a.pipelineVersion === version || at > best.at))
            )
              judgedBy.set(a.feedbackId, { pipelineVersion: a.pipelineVersion, at });
          }
          for (const t of topics)
            if (judgedBy.get(t.feedbackId)?.pipelineVersion === t.pipelineVersion)
              found.set(t.feedbackId, [...(found.get(t.feedbackId) ?? []), t.topicKey]);
        }),
      );
    return found;
  }

  insertRun(run: ReprocessRunEntity): Promise<unknown> {
    return this.dataSource
      .getRepository(ReprocessRunEntity)
      .insert(run as QueryDeepPartialEntity<ReprocessRunEntity>);
  }

  findRun(id: string): Promise<ReprocessRunEntity | null> {
    return this.dataSource.getRepository(ReprocessRunEntity).findOne({ where: { id } });
  }

  /** Atomic counters: several workers report progress at once. */
  async addRunProgress(id: string, processed: number, failed: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ReprocessRunEntity)
      .set({
        processed: () => `processed + ${Math.trunc(processed)}`,
        failed: () => `failed + ${Math.trunc(failed)}`,
        status: 'running',
      })
      .where('id = :id', { id })
      .execute();
    await this.dataSource
      .createQueryBuilder()
      .update(ReprocessRunEntity)
      .set({ status: 'completed', finishedAt: new Date() })
      .where('id = :id AND processed >= total AND finished_at IS NULL', { id })
      .execute();
  }
}
