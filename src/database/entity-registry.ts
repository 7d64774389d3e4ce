import { ApiKeyEntity } from '../modules/api-keys/entities/api-key.entity';
import { SystemPingEntity } from '../modules/system/entities/system-ping.entity';

/** Every entity of the app, listed once so the app, the migration CLI and the tests agree. */
export const ALL_ENTITIES = [ApiKeyEntity, SystemPingEntity];
