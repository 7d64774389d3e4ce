import { Module } from '@nestjs/common';
import { CustomerFiguresRepository } from './customer-figures/customer-figures.repository';
import { CustomerFiguresService } from './customer-figures/customer-figures.service';
import { FoldOutcomeFiguresJob } from './customer-figures/fold-outcome-figures.job';
import { PendingOutcomeFiguresSweeper } from './customer-figures/pending-outcome-figures.sweeper';
import { CustomerItemFactsRepository } from './item-facts/customer-item-facts.repository';
import { InsightsQueryService } from './query/insights-query.service';
import { RollupQueryRepository } from './query/rollup-query.repository';
import { RollupRepository } from './rollup.repository';
import { RollupsService } from './rollups.service';

/** The pre-aggregated sums every analytics answer reads; a leaf module so analysis and customers can call it. */
@Module({
  providers: [
    RollupRepository,
    RollupsService,
    RollupQueryRepository,
    InsightsQueryService,
    CustomerFiguresRepository,
    CustomerFiguresService,
    FoldOutcomeFiguresJob,
    PendingOutcomeFiguresSweeper,
    CustomerItemFactsRepository,
  ],
  exports: [RollupsService, InsightsQueryService, CustomerFiguresService],
})
export class RollupsModule {}
