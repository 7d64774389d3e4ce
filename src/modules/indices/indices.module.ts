import { Module } from '@nestjs/common';
import { RollupsModule } from '../rollups/rollups.module';
import { CustomerFiguresReader } from './customer-figures.reader';
import { ExplainService } from './explain.service';
import { IndexDefinitionsService } from './index-definitions.service';
import { IndexFiguresReader } from './index-figures.reader';
import { IndexSourcesRepository } from './index-sources.repository';
import { IndicesController } from './indices.controller';
import { IndicesService } from './indices.service';

/**
 * The SAT indices (satisfaction, advocacy, trust) over the query layer. Exports IndicesService (series and
 * totals), IndexDefinitionsService and ExplainService for the digest and other readers.
 */
@Module({
  imports: [RollupsModule],
  controllers: [IndicesController],
  providers: [
    IndicesService,
    IndexDefinitionsService,
    ExplainService,
    IndexFiguresReader,
    CustomerFiguresReader,
    IndexSourcesRepository,
  ],
  exports: [IndicesService, IndexDefinitionsService, ExplainService],
})
export class IndicesModule {}
