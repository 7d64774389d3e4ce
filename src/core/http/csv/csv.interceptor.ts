import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { acceptsCsv } from './accepts-csv';
import { CsvSpec } from './csv-columns';
import { csvStream } from './csv-stream';

export const CSV_SPEC = 'hearken:csv-spec';

/** Marks the request so a handler can return a streaming body (every page) instead of one page. */
export interface CsvAwareRequest extends FastifyRequest {
  wantsCsv?: boolean;
}

/**
 * Answers `Accept: text/csv` with the handler's answer written as CSV (see `@CsvExport`). Errors thrown by the
 * handler still reach the exception filter as JSON: nothing is streamed until the handler has answered.
 */
@Injectable()
export class CsvInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<CsvSpec | undefined>(CSV_SPEC, context.getHandler());
    const request = context.switchToHttp().getRequest<CsvAwareRequest>();
    if (!spec || !acceptsCsv(request.headers.accept)) return next.handle();
    request.wantsCsv = true;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body) => {
        void reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${spec.filename}.csv"`);
        return csvStream(spec, body);
      }),
    );
  }
}
