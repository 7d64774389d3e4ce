import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName } from '../../../core/job-queue/job-registry';
import { DigestScheduleService } from '../delivery/digest-schedule.service';

@Injectable()
export class CheckDueDigestsJob {
  constructor(private readonly schedule: DigestScheduleService) {}

  @JobHandler(JobName.DigestCheckDue)
  async handle(): Promise<void> {
    await this.schedule.checkDue();
  }
}
