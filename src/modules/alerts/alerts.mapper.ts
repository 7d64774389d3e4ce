import { AlertDeliveryDto, AlertSubscriptionDto } from './dto/alert-subscription.dto';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { AlertSubscriptionEntity } from './entities/alert-subscription.entity';

export function toSubscriptionDto(s: AlertSubscriptionEntity): AlertSubscriptionDto {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    kinds: s.kinds,
    active: s.active,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toDeliveryDto(d: AlertDeliveryEntity): AlertDeliveryDto {
  return {
    id: d.id,
    eventType: d.eventType,
    anomalyId: d.anomalyId,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    payload: JSON.parse(d.payload) as Record<string, unknown>,
  };
}
