import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { CsvSpec } from './csv-columns';
import { CSV_SPEC, CsvInterceptor } from './csv.interceptor';

/**
 * The endpoint also answers CSV when asked with `Accept: text/csv`: `spec.rows` picks the rows out of the
 * JSON answer (an array, or an async iterable for exports streamed page by page), `spec.columns` the cells.
 */
export function CsvExport<Body, Row>(spec: CsvSpec<Body, Row>): MethodDecorator {
  return applyDecorators(
    SetMetadata(CSV_SPEC, spec),
    UseInterceptors(CsvInterceptor),
    ApiProduces('application/json', 'text/csv'),
  );
}
