import { Module } from '@nestjs/common';
import { RollupsModule } from '../rollups/rollups.module';
import { VerbatimsModule } from '../verbatims/verbatims.module';
import { TopicInsightsController } from './topic-insights.controller';
import { TopicInsightsService } from './topic-insights.service';

@Module({
  imports: [RollupsModule, VerbatimsModule],
  controllers: [TopicInsightsController],
  providers: [TopicInsightsService],
})
export class TopicInsightsModule {}
