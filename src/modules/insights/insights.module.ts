import { Module } from '@nestjs/common';
import { RollupsModule } from '../rollups/rollups.module';
import { TrendsController } from './trends.controller';

/** The analyst HTTP API over the rollup query layer (InsightsQueryService, exported by RollupsModule). */
@Module({
  imports: [RollupsModule],
  controllers: [TrendsController],
})
export class InsightsModule {}
