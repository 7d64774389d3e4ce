import type { ApiPropertyOptions } from '@nestjs/swagger';

/** Index name → component key → weight (its own file: the query and response DTOs both spread it). */
export const WEIGHTS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
};
