import type { AirlineTweet } from './datasets/airline-dataset';
import { classificationMetrics, type ClassificationMetrics } from './classification-metrics';
import { trainPipeline } from '../../src/modules/analysis/engine/analyse-text';
import { topicKeyOf } from '../../src/modules/analysis/engine/topics/topic-definition';
import type { TrainTopicDetectorOptions } from '../../src/modules/analysis/engine/topics/train-topic-detector';

type Print = (line: string) => void;

export interface TrainedTopicFigures {
  /** First reported topic against the label; an untagged complaint counts as wrong. */
  firstTopic: ClassificationMetrics;
  untaggedShare: number;
  /** Held-out tweets that are not complaints and still got a topic (only when training saw such texts). */
  nonComplaintsTagged?: number;
}

/** What one trained model said about one test part; several can be pooled (cross-validation). */
export interface TrainedTopicPredictions {
  gold: string[];
  /** The first reported topic's reason, or '(untagged)'. */
  predicted: string[];
  /** Test non-complaints, and how many of them got a topic (counted only when training saw such texts). */
  others: number;
  othersTagged: number;
}

export const UNTAGGED = '(untagged)';

export const isComplaint =
  (classes: readonly string[]) =>
  (t: AirlineTweet): boolean =>
    t.negativeReason !== null && classes.includes(t.negativeReason);

/**
 * Topics trained as a user trains them (`score --train`): the complaint reasons as topic names, nothing else.
 * `withOthers` adds the training part's non-complaint tweets as texts about no topic, as a CX team's export
 * would hold them.
 */
export function trainedTopicPredictions(
  train: readonly AirlineTweet[],
  test: readonly AirlineTweet[],
  classes: string[],
  withOthers: boolean,
  topics?: TrainTopicDetectorOptions,
): TrainedTopicPredictions {
  const complaint = isComplaint(classes);
  const pipeline = trainPipeline(
    [
      ...train.filter(complaint).map((t) => ({ text: t.text, topics: [t.negativeReason as string] })),
      ...(withOthers
        ? train.filter((t) => t.sentiment !== 'negative').map((t) => ({ text: t.text, topics: [] }))
        : []),
    ],
    { topics },
  );
  const reasonOf = new Map(classes.map((c) => [topicKeyOf(c), c]));
  const gold: string[] = [];
  const predicted: string[] = [];
  for (const t of test.filter(complaint)) {
    gold.push(t.negativeReason as string);
    const first = pipeline.analyse(t.text).topics[0];
    predicted.push(first ? (reasonOf.get(first.key) ?? first.key) : UNTAGGED);
  }
  const others = withOthers ? test.filter((t) => t.sentiment !== 'negative') : [];
  return {
    gold,
    predicted,
    others: others.length,
    othersTagged: others.filter((t) => pipeline.analyse(t.text).topics.length > 0).length,
  };
}

/** Figures of one or several pooled prediction sets. */
export function trainedTopicFigures(
  runs: readonly TrainedTopicPredictions[],
  classes: string[],
  withOthers: boolean,
): TrainedTopicFigures {
  const gold = runs.flatMap((r) => r.gold);
  const predicted = runs.flatMap((r) => r.predicted);
  const others = runs.reduce((sum, r) => sum + r.others, 0);
  const othersTagged = runs.reduce((sum, r) => sum + r.othersTagged, 0);
  return {
    firstTopic: classificationMetrics(classes, gold, predicted),
    untaggedShare: predicted.filter((p) => p === UNTAGGED).length / Math.max(1, predicted.length),
    ...(withOthers ? { nonComplaintsTagged: othersTagged / Math.max(1, others) } : {}),
  };
}

export function evalTrainedTopics(
  train: AirlineTweet[],
  test: AirlineTweet[],
  classes: string[],
  withOthers: boolean,
): TrainedTopicFigures {
  return trainedTopicFigures(
    [trainedTopicPredictions(train, test, classes, withOthers)],
    classes,
    withOthers,
  );
}

export function printTrainedTopics(
  print: Print,
  complaintsOnly: TrainedTopicFigures,
  withOthers: TrainedTopicFigures,
): void {
  print('  trained as a user trains them (score --train; first topic reported, untagged counts as wrong):');
  print(`    complaints only            ${trainedTopicLine(complaintsOnly)}`);
  print(`    + non-complaints as none   ${trainedTopicLine(withOthers)}`);
}

export function trainedTopicLine(figures: TrainedTopicFigures): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  return (
    `macro-F1 ${figures.firstTopic.macroF1.toFixed(3)}  accuracy ${pct(figures.firstTopic.accuracy)}  ` +
    `untagged ${pct(figures.untaggedShare)}` +
    (figures.nonComplaintsTagged === undefined
      ? ''
      : `  non-complaints tagged ${pct(figures.nonComplaintsTagged)}`)
  );
}
