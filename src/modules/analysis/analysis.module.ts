import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { RollupsModule } from '../rollups/rollups.module';
import { AnalysisController } from './analysis.controller';
import { AnalysisPipelineService } from './analysis-pipeline.service';
import { AnalysisRepository } from './analysis.repository';
import { AnalysisService } from './analysis.service';
import { AnalyseFeedbackJob } from './jobs/analyse-feedback.job';
import { PlanReprocessJob } from './jobs/plan-reprocess.job';
import { ReprocessService } from './reprocess.service';
import { StaleAnalysisSweeper } from './stale-analysis.sweeper';
import { TopicRepository } from './topic.repository';
import { TopicSuggestionsService } from './topic-suggestions.service';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

@Module({
  imports: [FeedbackModule, RollupsModule],
  controllers: [AnalysisController, TopicsController],
  providers: [
    AnalysisRepository,
    AnalysisService,
    AnalysisPipelineService,
    ReprocessService,
    StaleAnalysisSweeper,
    TopicRepository,
    TopicsService,
    TopicSuggestionsService,
    AnalyseFeedbackJob,
    PlanReprocessJob,
  ],
  exports: [AnalysisService, TopicSuggestionsService],
})
export class AnalysisModule implements OnApplicationBootstrap {
  constructor(private readonly topics: TopicsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.topics.seedDefaultsIfEmpty();
  }
}
