import { PendingOutcomeFigureEntity } from '../modules/rollups/customer-figures/entities/pending-outcome-figure.entity';
import { IdempotencyRecordEntity } from '../core/http/idempotency-record.entity';
import { OutboxMessageEntity } from '../core/outbox/outbox-message.entity';
import { FeedbackAnalysisEntity } from '../modules/analysis/entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from '../modules/analysis/entities/feedback-topic.entity';
import { ReprocessRunEntity } from '../modules/analysis/entities/reprocess-run.entity';
import { TopicEntity } from '../modules/analysis/entities/topic.entity';
import { AlertDeliveryEntity } from '../modules/alerts/entities/alert-delivery.entity';
import { AlertSubscriptionEntity } from '../modules/alerts/entities/alert-subscription.entity';
import { AnomalyEntity } from '../modules/anomalies/entities/anomaly.entity';
import { ApiKeyEntity } from '../modules/api-keys/entities/api-key.entity';
import { CustomerIdentityEntity } from '../modules/customers/entities/customer-identity.entity';
import { CustomerEntity } from '../modules/customers/entities/customer.entity';
import { ErasedIdentityEntity } from '../modules/customers/entities/erased-identity.entity';
import { DigestDeliveryEntity } from '../modules/digest/entities/digest-delivery.entity';
import { DigestSubscriberEntity } from '../modules/digest/entities/digest-subscriber.entity';
import { DigestWeekPartEntity } from '../modules/digest/entities/digest-week-part.entity';
import { FeedbackEntity } from '../modules/feedback/entities/feedback.entity';
import { CustomerFigureSliceEntity } from '../modules/rollups/customer-figures/entities/customer-figure-slice.entity';
import {
  CustomerFigureStateEntity,
  CustomerFigureStateMysqlEntity,
} from '../modules/rollups/customer-figures/entities/customer-figure-state.entity';
import { RollupContributionEntity } from '../modules/rollups/entities/rollup-contribution.entity';
import { RollupDaySliceEntity } from '../modules/rollups/entities/rollup-day-slice.entity';
import { RollupDayEntity } from '../modules/rollups/entities/rollup-day.entity';
import { RollupHourSliceEntity } from '../modules/rollups/entities/rollup-hour-slice.entity';
import { RollupHourEntity } from '../modules/rollups/entities/rollup-hour.entity';
import { RollupMonthSliceEntity } from '../modules/rollups/entities/rollup-month-slice.entity';
import { RollupWeekSliceEntity } from '../modules/rollups/entities/rollup-week-slice.entity';
import { IndexWeightsVersionEntity } from '../modules/indices/entities/index-weights-version.entity';
import { OutcomeEntity } from '../modules/outcomes/entities/outcome.entity';
import { IntegrationEntity } from '../modules/integrations/entities/integration.entity';
import { WebhookDeliveryEntity } from '../modules/integrations/entities/webhook-delivery.entity';
import { SystemPingEntity } from '../modules/system/entities/system-ping.entity';

/** Every entity of the app, listed once so the app, the migration CLI and the tests agree. */
export const ALL_ENTITIES = [
  ApiKeyEntity,
  SystemPingEntity,
  CustomerEntity,
  CustomerIdentityEntity,
  ErasedIdentityEntity,
  FeedbackEntity,
  OutboxMessageEntity,
  IdempotencyRecordEntity,
  FeedbackAnalysisEntity,
  FeedbackTopicEntity,
  TopicEntity,
  ReprocessRunEntity,
  IntegrationEntity,
  WebhookDeliveryEntity,
  DigestSubscriberEntity,
  DigestDeliveryEntity,
  DigestWeekPartEntity,
  RollupHourEntity,
  RollupDayEntity,
  RollupContributionEntity,
  RollupDaySliceEntity,
  CustomerFigureSliceEntity,
  CustomerFigureStateEntity,
  PendingOutcomeFigureEntity,
  RollupHourSliceEntity,
  RollupWeekSliceEntity,
  RollupMonthSliceEntity,
  OutcomeEntity,
  AnomalyEntity,
  AlertSubscriptionEntity,
  AlertDeliveryEntity,
  IndexWeightsVersionEntity,
];

/** The entities of one dialect: where a column's type differs by database, each gets its own twin. */
export function entitiesFor(databaseType: 'sqlite' | 'mysql'): (typeof ALL_ENTITIES)[number][] {
  if (databaseType === 'sqlite') return ALL_ENTITIES;
  return ALL_ENTITIES.map((e) => (e === CustomerFigureStateEntity ? CustomerFigureStateMysqlEntity : e));
}
