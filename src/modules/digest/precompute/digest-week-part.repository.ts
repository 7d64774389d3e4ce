import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, Repository } from 'typeorm';
import { DigestWeekPartEntity } from '../entities/digest-week-part.entity';

/** Every query of `digest_week_parts`. */
@Injectable()
export class DigestWeekPartRepository {
  private readonly parts: Repository<DigestWeekPartEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.parts = dataSource.getRepository(DigestWeekPartEntity);
  }

  find(cacheKey: string): Promise<DigestWeekPartEntity | null> {
    return this.parts.findOneBy({ cacheKey });
  }

  /** Insert or replace: two processes computing the same part write the same answer, the last one stays. */
  async put(row: DigestWeekPartEntity): Promise<void> {
    await this.parts.upsert(row, ['cacheKey']);
  }

  /** Parts of weeks that ended before `before`: no reader will be sent them again. */
  async pruneEndedBefore(before: Date): Promise<void> {
    await this.parts.delete({ weekTo: LessThan(before) });
  }

  async clear(): Promise<void> {
    await this.parts.clear();
  }
}
