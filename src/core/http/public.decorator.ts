import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'hearken:public';

/** No API key needed (health, metrics, docs, signed webhooks). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
