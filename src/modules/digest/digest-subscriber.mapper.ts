import { DigestSubscriberResponseDto } from './dto/digest-subscriber-response.dto';
import type { Subscriber } from './digest-subscribers.service';

export function toDigestSubscriberResponse({ entity, email, name }: Subscriber): DigestSubscriberResponseDto {
  return {
    id: entity.id,
    email,
    name,
    timeZone: entity.timeZone,
    sendDay: entity.sendDay,
    sendHour: entity.sendHour,
    locale: entity.locale,
    slice: entity.slice,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
