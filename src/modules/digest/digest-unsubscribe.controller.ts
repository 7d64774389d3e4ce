import { Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiBadRequestResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/http/public.decorator';
import { InvalidUnsubscribeTokenException } from './digest.exception';
import { DigestSubscribersService } from './digest-subscribers.service';
import { UnsubscribeTokens } from './unsubscribe-token';

import { UNSUBSCRIBE_TOKENS } from './digest.service';

const TOKEN_QUERY = { name: 'token', example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.q1w2e3r4t5y6u7i8o9p0' };

/**
 * The link in every digest. GET shows a confirmation button (link scanners that follow every URL must
 * not unsubscribe anyone); POST, what mail clients send for RFC 8058 one-click, unsubscribes at once.
 */
@ApiTags('digest')
@Public()
@Controller('api/v1/digest/unsubscribe')
export class DigestUnsubscribeController {
  constructor(
    private readonly subscribers: DigestSubscribersService,
    @Inject(UNSUBSCRIBE_TOKENS) private readonly tokens: UnsubscribeTokens,
  ) {}

  @Get()
  @ApiProduces('text/html')
  @ApiQuery(TOKEN_QUERY)
  @ApiOkResponse({ description: 'A page with one button that confirms', example: '<!doctype html>…' })
  @ApiBadRequestResponse({ description: 'The token was not made by this server' })
  confirm(@Query('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    this.verify(token);
    // Set here, not with @Header: an error answer must stay JSON.
    void reply.type('text/html; charset=utf-8');
    return page(
      'Unsubscribe from the weekly digest?',
      `<form method="post" action="?token=${encodeURIComponent(token)}">` +
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">' +
        '<button type="submit">Unsubscribe</button></form>',
    );
  }

  @Post()
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiQuery(TOKEN_QUERY)
  @ApiOkResponse({ description: 'Unsubscribed (also when it already was)', example: '<!doctype html>…' })
  @ApiBadRequestResponse({ description: 'The token was not made by this server' })
  async unsubscribe(
    @Query('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.subscribers.unsubscribe(this.verify(token));
    void reply.type('text/html; charset=utf-8');
    return page('You are unsubscribed', '<p>You will not receive the weekly digest any more.</p>');
  }

  private verify(token: unknown): string {
    const id = typeof token === 'string' ? this.tokens.verify(token) : null;
    if (!id) throw new InvalidUnsubscribeTokenException();
    return id;
  }
}

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${title}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">` +
    `<h1 style="font-size:1.3rem">${title}</h1>${body}</body></html>`
  );
}
