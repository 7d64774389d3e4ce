import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { VerbatimsController } from './verbatims.controller';
import { VerbatimsRepository } from './verbatims.repository';
import { VerbatimsService } from './verbatims.service';

@Module({
  imports: [AnalysisModule],
  controllers: [VerbatimsController],
  providers: [VerbatimsRepository, VerbatimsService],
  exports: [VerbatimsService],
})
export class VerbatimsModule {}
