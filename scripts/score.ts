import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  createAnalysisPipeline,
  trainPipeline,
  type AnalysisPipeline,
  type LabelledText,
  type TextAnalysis,
} from '../src/modules/analysis/engine/analyse-text';

const HELP = `Usage: npm run score -- [--train labelled.ndjson] < items.ndjson > scores.ndjson

Reads NDJSON lines {"id": ..., "text": "..."} on stdin and writes one line per input:
  {"id", "sentiment": {"label", "score"}, "topics": [{"key", "parentKey", "name", "sentiment"}], "signals": [...],
   "language"}
A topic's key (and its parent's key, null for a top-level topic) are stable; its display name may change.
Texts in languages other than English get "supported": false and no scores. A line that cannot be read
gives {"line": N, "error": "..."} instead; blank lines are skipped.

--train FILE  NDJSON lines {"text", "sentiment": "positive|neutral|negative", "topics": [...]} train the
              supervised layers for this run first. Either field may be absent; a topic is a name or
              {"name", "sentiment"}. When the file has topics they replace the default taxonomy.`;

const SENTIMENTS = new Set(['positive', 'neutral', 'negative']);
const TOPIC_SENTIMENTS = new Set(['positive', 'neutral', 'negative', 'mixed']);

export interface ScoredLine {
  id: unknown;
  sentiment: { label: string; score: number } | null;
  topics: { key: string; parentKey: string | null; name: string; sentiment: string }[];
  signals: string[];
  language: string;
  supported?: false;
}

export function scoreLine(pipeline: AnalysisPipeline, line: string, lineNumber: number): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ line: lineNumber, error: 'not valid JSON' });
  }
  const item = input as { id?: unknown; text?: unknown } | null;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return JSON.stringify({ line: lineNumber, error: 'expected a JSON object with "id" and "text"' });
  }
  if (typeof item.text !== 'string') {
    return JSON.stringify({ line: lineNumber, id: item.id ?? null, error: '"text" must be a string' });
  }
  return JSON.stringify(toScoredLine(item.id ?? null, pipeline.analyse(item.text)));
}

export function toScoredLine(id: unknown, analysis: TextAnalysis): ScoredLine {
  const scored: ScoredLine = {
    id,
    sentiment: analysis.sentiment
      ? { label: analysis.sentiment.label, score: analysis.sentiment.score }
      : null,
    topics: analysis.topics.map((t) => ({
      key: t.key,
      parentKey: t.parentKey ?? null,
      name: t.name,
      sentiment: t.sentiment.label,
    })),
    signals: analysis.signals.map((s) => s.type),
    language: analysis.language,
  };
  if (!analysis.supported) scored.supported = false;
  return scored;
}

/** Parses a training file; unusable lines are reported through `warn` and skipped. */
export function parseTrainingFile(content: string, warn: (message: string) => void): LabelledText[] {
  const examples: LabelledText[] = [];
  content.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const problem = (message: string): void => warn(`training line ${index + 1}: ${message}`);
    let value: { text?: unknown; sentiment?: unknown; topics?: unknown };
    try {
      value = JSON.parse(line) as typeof value;
    } catch {
      return problem('not valid JSON');
    }
    if (typeof value !== 'object' || value === null || typeof value.text !== 'string')
      return problem('"text" must be a string');
    if (
      value.sentiment !== undefined &&
      value.sentiment !== null &&
      !SENTIMENTS.has(value.sentiment as string)
    ) {
      return problem('"sentiment" must be positive, neutral or negative');
    }
    const topics = value.topics ?? [];
    if (!Array.isArray(topics) || !topics.every(isTopicLabel)) {
      return problem('"topics" must be a list of names or {"name", "sentiment"} objects');
    }
    examples.push({
      text: value.text,
      sentiment: (value.sentiment ?? undefined) as LabelledText['sentiment'],
      topics: topics as LabelledText['topics'],
    });
  });
  return examples;
}

function isTopicLabel(topic: unknown): boolean {
  if (typeof topic === 'string') return topic.trim() !== '';
  if (typeof topic !== 'object' || topic === null) return false;
  const { name, sentiment } = topic as { name?: unknown; sentiment?: unknown };
  return (
    typeof name === 'string' &&
    name.trim() !== '' &&
    (sentiment === undefined || TOPIC_SENTIMENTS.has(sentiment as string))
  );
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const trainAt = args.indexOf('--train');
  let pipeline: AnalysisPipeline;
  if (trainAt >= 0) {
    const file = args[trainAt + 1];
    if (!file) throw new Error('--train needs a file');
    const examples = parseTrainingFile(readFileSync(file, 'utf8'), (message) => console.error(message));
    pipeline = trainPipeline(examples);
    console.error(`trained on ${examples.length} labelled texts (pipeline ${pipeline.version})`);
  } else {
    pipeline = createAnalysisPipeline();
  }
  // Batched writes: one write per line costs more than the analysis itself.
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const chunk = `${batch.join('\n')}\n`;
    batch = [];
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    batch.push(scoreLine(pipeline, line, lineNumber));
    if (batch.length >= 500) await flush();
  }
  await flush();
}

/** The command's entry point (`npm run score`, `hearken score`). */
export function runCli(): void {
  // `npm run score < in.ndjson | head`: a reader that stops early ends the run quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

if (require.main === module) runCli();
