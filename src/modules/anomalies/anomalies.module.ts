import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { RollupsModule } from '../rollups/rollups.module';
import { AnomaliesController } from './anomalies.controller';
import { AnomaliesRepository } from './anomalies.repository';
import { AnomaliesService } from './anomalies.service';
import { AnomalyScheduleService } from './anomaly-schedule.service';
import { DAILY_SERIES_SOURCE } from './daily-series.source';
import { DetectAnomaliesJob } from './jobs/detect-anomalies.job';
import { QueryLayerSeriesSource } from './query-layer-series.source';

@Module({
  imports: [AlertsModule, RollupsModule],
  controllers: [AnomaliesController],
  providers: [
    AnomaliesRepository,
    AnomaliesService,
    AnomalyScheduleService,
    DetectAnomaliesJob,
    { provide: DAILY_SERIES_SOURCE, useClass: QueryLayerSeriesSource },
  ],
  exports: [AnomaliesService],
})
export class AnomaliesModule {}
