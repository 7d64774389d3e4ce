import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { SystemPingEntity } from './entities/system-ping.entity';
import { SystemService } from './system.service';

interface PingResponse {
  id: string;
  requestedAt: string;
  requestedBy: string;
  processedAt: string | null;
  processedBy: string | null;
}

function toPingResponse(p: SystemPingEntity): PingResponse {
  return {
    id: p.id,
    requestedAt: p.requestedAt.toISOString(),
    requestedBy: p.requestedBy,
    processedAt: p.processedAt?.toISOString() ?? null,
    processedBy: p.processedBy,
  };
}

/** A queue round trip operators can trigger to check that workers are taking jobs. */
@ApiTags('operations')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('api/v1/system/pings')
export class SystemController {
  constructor(private readonly system: SystemService) {}

  @Post()
  @HttpCode(202)
  async create(): Promise<PingResponse> {
    return toPingResponse(await this.system.requestPing());
  }

  @Get(':id')
  async find(@Param('id', new ParseUUIDPipe()) id: string): Promise<PingResponse> {
    const ping = await this.system.findPing(id);
    if (!ping) throw new NotFoundException(`Ping ${id} not found`);
    return toPingResponse(ping);
  }
}
