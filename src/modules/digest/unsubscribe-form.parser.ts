import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppException } from '../../core/http/app.exception';

export const UNSUBSCRIBE_PATH = '/api/v1/digest/unsubscribe';
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * RFC 8058 one-click unsubscribes arrive as a form POST (`List-Unsubscribe=One-Click`), which the app's
 * JSON-only body policy would refuse with 415. Form bodies are accepted for the unsubscribe URL alone
 * (≤ 4 KB, never parsed: the signed token in the query is all it needs); every other URL still gets 415.
 */
@Injectable()
export class UnsubscribeFormParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser) return; // the worker has no HTTP server
    fastify.addContentTypeParser(
      FORM_TYPES,
      { parseAs: 'string', bodyLimit: 4096 },
      (
        request: FastifyRequest,
        _body: string | Buffer,
        done: (err: Error | null, body?: unknown) => void,
      ) => {
        if (request.url.split('?')[0] === UNSUBSCRIBE_PATH) return done(null, {});
        done(new AppException(415, 'Content-Type must be application/json', 'UNSUPPORTED_MEDIA_TYPE'));
      },
    );
  }
}
