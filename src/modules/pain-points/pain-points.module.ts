import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { RollupsModule } from '../rollups/rollups.module';
import { VerbatimsModule } from '../verbatims/verbatims.module';
import { CrossChannelRepository } from './cross-channel.repository';
import { CrossChannelService } from './cross-channel.service';
import { PainPointsController } from './pain-points.controller';
import { PainPointsService } from './pain-points.service';

@Module({
  imports: [RollupsModule, VerbatimsModule, AnalysisModule],
  controllers: [PainPointsController],
  providers: [PainPointsService, CrossChannelService, CrossChannelRepository],
  exports: [PainPointsService],
})
export class PainPointsModule {}
