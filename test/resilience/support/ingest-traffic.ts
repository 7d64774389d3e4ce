/** One answered (or unanswered) ingestion request of a scenario's traffic. */
export interface IngestAnswer {
  phase: string;
  /** HTTP status, or 0 when the request got no answer (connection refused or reset, client timeout). */
  status: number;
  retryAfter: string | null;
  /** Ids of the items a 2xx acknowledged. */
  ids: string[];
  ms: number;
  /** The body of a non-2xx answer, or the client error, for the report. */
  detail?: string;
}

const TEXTS = [
  'Late delivery and a rude driver.',
  'Lovely staff, quick refund, thanks!',
  'The checkout kept failing and my card was declined twice.',
  'App crashes every time I log in, I will cancel my subscription.',
  'Great price, fast shipping, but the box arrived damaged.',
];

/** A valid review, unique by its externalId. */
export function reviewItem(tag: string, n: number): Record<string, unknown> {
  return {
    kind: 'review',
    source: 'resilience',
    externalId: `${tag}-${n}`,
    channel: 'web',
    touchpoint: ['checkout', 'delivery', 'login'][n % 3],
    rating: 1 + (n % 5),
    scale: 5,
    text: TEXTS[n % TEXTS.length],
    customer: { email: `c${n % 40}@example.com` },
    occurredAt: new Date(Date.UTC(2026, 10, 1) + (n % 20) * 3_600_000).toISOString(),
  };
}

/**
 * Sustained ingestion on loopback: `concurrency` loops each post a batch of `batchSize` new items, one after
 * the other, until `stop()` or `maxRequests`. Every answer is kept with the phase it was sent in, so the
 * audit can compare what was acknowledged with what is stored.
 */
export class IngestTraffic {
  readonly answers: IngestAnswer[] = [];
  phase = 'before';
  private running = false;
  private loops: Promise<void>[] = [];
  private next = 0;

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly tag: string,
    private readonly options: {
      concurrency: number;
      batchSize: number;
      maxRequests: number;
      pauseMs?: number;
      timeoutMs?: number;
    },
  ) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  /** Waits for `maxRequests` to be sent and answered. */
  async finished(): Promise<void> {
    await Promise.all(this.loops);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  get acknowledged(): string[] {
    return this.answers.flatMap((a) => a.ids);
  }

  private async loop(): Promise<void> {
    while (this.running && this.next < this.options.maxRequests) {
      const from = this.next++ * this.options.batchSize;
      const items = Array.from({ length: this.options.batchSize }, (_, i) => reviewItem(this.tag, from + i));
      this.answers.push(await this.post(items));
      if (this.options.pauseMs) await new Promise((r) => setTimeout(r, this.options.pauseMs));
    }
  }

  private async post(items: Record<string, unknown>[]): Promise<IngestAnswer> {
    const phase = this.phase;
    const started = Date.now();
    try {
      const res = await fetch(`${this.url}/api/v1/feedback/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
      const text = await res.text();
      const ok = res.status >= 200 && res.status < 300;
      const body = (ok ? JSON.parse(text) : {}) as { results?: { id?: string; status: string }[] };
      const ids = (body.results ?? []).flatMap((r) => (r.id && r.status !== 'rejected' ? [r.id] : []));
      const retryAfter = res.headers.get('retry-after');
      return {
        phase,
        status: res.status,
        retryAfter,
        ids,
        ms: Date.now() - started,
        detail: ok ? undefined : text,
      };
    } catch (error) {
      const detail = (error as Error).message;
      return { phase, status: 0, retryAfter: null, ids: [], ms: Date.now() - started, detail };
    }
  }
}

/** The first few answers that were not 2xx, for a failure message. */
export function failures(answers: IngestAnswer[], limit = 5): string[] {
  return answers
    .filter((a) => a.status < 200 || a.status >= 300)
    .slice(0, limit)
    .map((a) => `${a.phase} ${a.status} ${a.ms} ms ${a.detail?.slice(0, 300) ?? ''}`);
}

/** Counts answers by a predicate, optionally within one phase. */
export function count(answers: IngestAnswer[], test: (a: IngestAnswer) => boolean, phase?: string): number {
  return answers.filter((a) => (phase === undefined || a.phase === phase) && test(a)).length;
}
