import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedException } from '../../core/http/app.exception';
import { IndexWeightsVersionEntity } from './entities/index-weights-version.entity';
import {
  DEFAULT_WEIGHTS,
  FORMULA_VERSION,
  INDEX_DEFINITIONS,
  IndexDefinition,
  IndexWeights,
} from './index-definitions';
import { mergeWeights } from './validate-weights';

export interface IndexDefinitions {
  formulaVersion: string;
  /** 0 = the defaults; each PUT adds one. */
  weightsVersion: number;
  weightsUpdatedAt: string | null;
  defaultWeights: IndexWeights;
  weights: IndexWeights;
  indices: IndexDefinition[];
}

/** The index definitions with the weights in force: the newest stored version, or the defaults. */
@Injectable()
export class IndexDefinitionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(): Promise<IndexDefinitions> {
    const [row] = await this.dataSource
      .getRepository(IndexWeightsVersionEntity)
      .find({ order: { version: 'DESC' }, take: 1 });
    const stored = row ? (JSON.parse(row.weights) as IndexWeights) : null;
    return {
      formulaVersion: FORMULA_VERSION,
      weightsVersion: row?.version ?? 0,
      weightsUpdatedAt: row ? new Date(row.createdAt).toISOString() : null,
      defaultWeights: DEFAULT_WEIGHTS,
      // Components added after a version was stored take their default weight.
      weights: stored
        ? (Object.fromEntries(
            Object.entries(DEFAULT_WEIGHTS).map(([k, v]) => [
              k,
              { ...v, ...stored[k as keyof IndexWeights] },
            ]),
          ) as IndexWeights)
        : DEFAULT_WEIGHTS,
      indices: INDEX_DEFINITIONS,
    };
  }

  /** Validates the whole edit first (400 with every field and reason), then stores it as the next version. */
  async update(input: unknown): Promise<IndexDefinitions> {
    for (let attempt = 0; ; attempt++) {
      const now = await this.current();
      const { weights, problems } = mergeWeights(now.weights, input);
      if (problems.length) throw new ValidationFailedException(problems);
      try {
        await this.dataSource.getRepository(IndexWeightsVersionEntity).insert({
          version: now.weightsVersion + 1,
          weights: JSON.stringify(weights),
          createdAt: new Date(),
        });
        return this.current();
      } catch (error) {
        // Two edits at once: the loser re-reads and applies its edit on top of the winner's.
        if (attempt >= 2) throw error;
      }
    }
  }
}
