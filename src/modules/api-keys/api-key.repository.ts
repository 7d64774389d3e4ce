import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';

@Injectable()
export class ApiKeyRepository {
  private readonly repo: Repository<ApiKeyEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(ApiKeyEntity);
  }

  findByPrefix(prefix: string): Promise<ApiKeyEntity[]> {
    return this.repo.find({ where: { prefix } });
  }

  findByHash(hash: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOne({ where: { hash } });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.repo.find({ order: { createdAt: 'DESC' } });
  }

  insert(key: ApiKeyEntity): Promise<unknown> {
    return this.repo.insert(key);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
