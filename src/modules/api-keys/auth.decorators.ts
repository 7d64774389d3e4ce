import { SetMetadata } from '@nestjs/common';
import { ApiKeyScope } from './entities/api-key.entity';

export { Public, PUBLIC_ROUTE } from '../../core/http/public.decorator';
export const REQUIRED_SCOPE = 'hearken:scope';

/** The scope a route needs; `admin` keys pass every scope check. */
export const RequireScope = (scope: ApiKeyScope) => SetMetadata(REQUIRED_SCOPE, scope);
