import { Module } from '@nestjs/common';
import { RollupRepository } from './rollup.repository';
import { RollupsService } from './rollups.service';

/** The pre-aggregated sums every analytics answer reads; a leaf module so analysis and customers can call it. */
@Module({
  providers: [RollupRepository, RollupsService],
  exports: [RollupsService],
})
export class RollupsModule {}
