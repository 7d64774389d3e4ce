import { CreateApiKeys1732300000000 } from './1732300000000-create-api-keys';
import { CreateSystemPings1732300000001 } from './1732300000001-create-system-pings';

/** Listed explicitly (not globbed) so they load the same under ts-jest, tsc output and the CLI. */
export const ALL_MIGRATIONS = [CreateApiKeys1732300000000, CreateSystemPings1732300000001];
