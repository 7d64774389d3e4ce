import { Injectable, Logger } from '@nestjs/common';
import { AnalysisPipeline, createAnalysisPipeline } from './engine/analyse-text';
import { trainTopicDetector } from './engine/topics/train-topic-detector';
import { TopicsService } from './topics.service';

/** How long a process trusts its cached taxonomy before checking whether another process changed it. */
const RECHECK_MS = 5_000;

/**
 * The current pipeline, built from the stored taxonomy (its topics' example texts train the topic layer).
 * Rebuilt when the taxonomy changes, here or in another process.
 */
@Injectable()
export class AnalysisPipelineService {
  private readonly logger = new Logger(AnalysisPipelineService.name);
  private cached?: { pipeline: AnalysisPipeline; fingerprint: string; checkedAt: number };
  private building?: Promise<AnalysisPipeline>;

  constructor(private readonly topics: TopicsService) {}

  async current(): Promise<AnalysisPipeline> {
    const now = Date.now();
    if (this.cached && now - this.cached.checkedAt < RECHECK_MS) return this.cached.pipeline;
    const fingerprint = await this.topics.fingerprint();
    if (this.cached && this.cached.fingerprint === fingerprint) {
      this.cached.checkedAt = now;
      return this.cached.pipeline;
    }
    this.building ??= this.build(fingerprint).finally(() => (this.building = undefined));
    return this.building;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async build(fingerprint: string): Promise<AnalysisPipeline> {
    const taxonomy = await this.topics.taxonomy();
    const hasExamples = taxonomy.some((t) => t.examples?.length);
    const topicModel = hasExamples ? trainTopicDetector(taxonomy, []).classifier : undefined;
    const pipeline = createAnalysisPipeline({ taxonomy, topicModel });
    this.cached = { pipeline, fingerprint, checkedAt: Date.now() };
    this.logger.log(
      `Analysis pipeline ${pipeline.version} ready (${taxonomy.length} topics${hasExamples ? ', trained on topic examples' : ''})`,
    );
    return pipeline;
  }
}
