import { Module } from '@nestjs/common';
import { CompletePingJob } from './jobs/complete-ping.job';
import { SystemController } from './system.controller';
import { SystemService } from './system.service';

@Module({ controllers: [SystemController], providers: [SystemService, CompletePingJob] })
export class SystemModule {}
