import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TopicEntity } from './entities/topic.entity';

@Injectable()
export class TopicRepository {
  private readonly repo: Repository<TopicEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(TopicEntity);
  }

  list(): Promise<TopicEntity[]> {
    return this.repo.find({ order: { key: 'ASC' } });
  }

  findByKey(key: string): Promise<TopicEntity | null> {
    return this.repo.findOne({ where: { key } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** A cheap fingerprint of the taxonomy: another process changed it when this changes. */
  async fingerprint(): Promise<string> {
    const row = await this.repo
      .createQueryBuilder('t')
      .select('COUNT(*)', 'n')
      .addSelect('MAX(t.updated_at)', 'latest')
      .getRawOne<{ n: number | string; latest: string | Date | null }>();
    const latest = row?.latest instanceof Date ? row.latest.toISOString() : String(row?.latest ?? '');
    return `${row?.n ?? 0}@${latest}`;
  }

  async insertMany(topics: TopicEntity[]): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .insert()
      .values(topics as QueryDeepPartialEntity<TopicEntity>[])
      .orIgnore()
      .execute();
  }

  async save(topic: TopicEntity): Promise<void> {
    await this.repo.save(topic);
  }

  async delete(key: string): Promise<void> {
    await this.repo.delete({ key });
  }

  async reparentChildren(fromKey: string, toKey: string | null, at: Date): Promise<void> {
    await this.repo.update({ parentKey: fromKey }, { parentKey: toKey, updatedAt: at });
  }
}
