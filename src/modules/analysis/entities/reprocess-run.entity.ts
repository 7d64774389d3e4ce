import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReprocessStatus = 'queued' | 'running' | 'completed';

/** A re-analysis of stored feedback with the current pipeline, with its progress. */
@Entity('reprocess_runs')
export class ReprocessRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 32, name: 'pipeline_version' })
  pipelineVersion: string;

  @Column({ type: 'simple-json', nullable: true, default: null })
  filter: Record<string, string> | null;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int' })
  processed: number;

  @Column({ type: 'int' })
  failed: number;

  @Column({ type: 'varchar', length: 16 })
  status: ReprocessStatus;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'finished_at', nullable: true, default: null })
  finishedAt: Date | null;
}
