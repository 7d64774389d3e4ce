import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A node of the editable topic taxonomy. */
@Entity('topics')
export class TopicEntity {
  /** Slug, e.g. `delivery` or `delivery.late`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 64, name: 'parent_key', nullable: true, default: null })
  parentKey: string | null;

  /** Phrases that mark the topic (matched on stemmed words). */
  @Column({ type: 'simple-json' })
  phrases: string[];

  /** Phrases that veto the topic even when a phrase matched. */
  @Column({ type: 'simple-json' })
  exclusions: string[];

  /** Labelled example texts that train the topic's classifier. */
  @Column({ type: 'simple-json' })
  examples: string[];

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
