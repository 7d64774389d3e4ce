import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Sentiment from 'sentiment';
import { createAnalysisPipeline } from '../src/modules/analysis/engine/analyse-text';
import { loadAirlineTweets } from './eval/datasets/airline-dataset';

export interface AnalysisBenchReport {
  texts: number;
  source: 'airline' | 'generated';
  rounds: number;
  pipelineTextsPerSecond: number;
  bareSentimentTextsPerSecond: number;
  /** Pipeline speed as a share of the bare `sentiment` loop (target >= 0.25), from the two medians. */
  ratio: number;
  /** Median of the per-round ratios: each round times both loops back to back, so load drifts cancel. */
  medianRoundRatio: number;
}

const HELP = `Usage: npm run bench:analysis -- [--datasets DIR] [--rounds N]

Measures, in one process on one core (CPU time, so a busy machine does not skew it), texts per second of the full per-item analysis pipeline (language,
sentiment with sentences, topics with per-topic sentiment, signals) against a bare \`sentiment.analyze()\` loop
over the same texts: the airline tweets from DIR (default ../shared/datasets) or generated texts if absent.
Prints both per round and their medians over N rounds (default 5), the ratio of the medians (target >= 25 %)
and the median of the per-round ratios. Pin it to one core for steady figures: taskset -c 0 node ...`;

const PARTS = {
  openers: [
    'The delivery',
    'My flight',
    'Customer service',
    'The app',
    'Our waiter',
    'The refund',
    'Checkout',
    'The food',
  ],
  middles: [
    'was late again',
    'was great',
    'keeps crashing',
    'was rude and slow',
    'never arrived',
    'was delicious',
  ],
  closers: [
    'and I want my money back.',
    'thanks!',
    'will cancel my subscription.',
    'can you help?',
    'love it.',
    '',
  ],
};

/** Deterministic customer-like texts for machines without the datasets. */
export function generatedTexts(count: number): string[] {
  const pick = <T>(list: T[], i: number): T => list[i % list.length];
  return Array.from({ length: count }, (_, i) =>
    `${pick(PARTS.openers, i)} ${pick(PARTS.middles, i * 7 + 3)} ${pick(PARTS.closers, i * 13 + 5)}`.trim(),
  );
}

export function runAnalysisBench(
  datasetsDir: string,
  rounds: number,
  print: (line: string) => void,
): AnalysisBenchReport {
  const haveData = existsSync(join(datasetsDir, 'airline', 'tweets-train.csv'));
  const texts = haveData ? loadAirlineTweets(datasetsDir).map((t) => t.text) : generatedTexts(10_000);
  const bare = new Sentiment();
  const pipeline = createAnalysisPipeline();
  let sink = 0;
  // CPU time of this process, not wall time: other processes on a busy machine must not count as ours.
  const timeLoop = (body: (text: string) => number): number => {
    const started = process.cpuUsage();
    for (const text of texts) sink += body(text);
    const used = process.cpuUsage(started);
    return texts.length / ((used.user + used.system) / 1e6);
  };
  const runBare = (text: string): number => bare.analyze(text).score;
  const runPipeline = (text: string): number => pipeline.analyse(text).topics.length;
  // Warm-up: JIT, stem cache and lazy model loading must not count against either side.
  timeLoop(runBare);
  timeLoop(runPipeline);
  const bareRates: number[] = [];
  const pipelineRates: number[] = [];
  const roundRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    bareRates.push(timeLoop(runBare));
    pipelineRates.push(timeLoop(runPipeline));
    roundRatios.push(pipelineRates[round] / bareRates[round]);
    print(
      `  round ${round + 1}: pipeline ${fmt(pipelineRates[round])} texts/s, bare sentiment ${fmt(bareRates[round])} texts/s, ratio ${pct(roundRatios[round])}`,
    );
  }
  const report: AnalysisBenchReport = {
    texts: texts.length,
    source: haveData ? 'airline' : 'generated',
    rounds,
    pipelineTextsPerSecond: median(pipelineRates),
    bareSentimentTextsPerSecond: median(bareRates),
    ratio: median(pipelineRates) / median(bareRates),
    medianRoundRatio: median(roundRatios),
  };
  print(`${report.texts} ${report.source} texts, median of ${rounds} rounds (checksum ${sink % 997}):`);
  print(`  full pipeline           ${fmt(report.pipelineTextsPerSecond)} texts/s`);
  print(`  bare sentiment.analyze  ${fmt(report.bareSentimentTextsPerSecond)} texts/s`);
  print(`  ratio of the medians    ${pct(report.ratio)} (target >= 25 %)`);
  print(`  median per-round ratio  ${pct(report.medianRoundRatio)}`);
  return report;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function pct(ratio: number): string {
  return `${(100 * ratio).toFixed(1)} %`;
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    process.exit(0);
  }
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const known = new Set(['--datasets', '--rounds']);
  const unknown = args.filter((a, i) => a.startsWith('-') && !known.has(a) && !known.has(args[i - 1] ?? ''));
  const rounds = option('--rounds') ?? '5';
  if (unknown.length || !/^\d+$/.test(rounds) || Number(rounds) < 1 || Number(rounds) > 100) {
    console.error(
      unknown.length
        ? `bench:analysis: unknown option ${unknown[0]} (see --help)`
        : `bench:analysis: --rounds must be an integer from 1 to 100, got "${rounds}" (see --help)`,
    );
    process.exit(2);
  }
  runAnalysisBench(option('--datasets') ?? '../shared/datasets', Number(rounds), (line) => console.log(line));
}
