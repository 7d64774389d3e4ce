import type { AirlineTweet } from './datasets/airline-dataset';
import { classificationMetrics, type ClassificationMetrics } from './classification-metrics';
import { trainPipeline } from '../../src/modules/analysis/engine/analyse-text';
import { topicKeyOf } from '../../src/modules/analysis/engine/topics/topic-definition';

type Print = (line: string) => void;

export interface TrainedTopicFigures {
  /** First reported topic against the label; an untagged complaint counts as wrong. */
  firstTopic: ClassificationMetrics;
  untaggedShare: number;
  /** Held-out tweets that are not complaints and still got a topic (only when training saw such texts). */
  nonComplaintsTagged?: number;
}

/**
 * Topics trained as a user trains them (`score --train`): the complaint reasons as topic names, nothing else.
 * `withOthers` adds the training part's non-complaint tweets as texts about no topic, as a CX team's export
 * would hold them.
 */
export function evalTrainedTopics(
  train: AirlineTweet[],
  test: AirlineTweet[],
  classes: string[],
  withOthers: boolean,
): TrainedTopicFigures {
  const complaint = (t: AirlineTweet): boolean =>
    t.negativeReason !== null && classes.includes(t.negativeReason);
  const pipeline = trainPipeline([
    ...train.filter(complaint).map((t) => ({ text: t.text, topics: [t.negativeReason as string] })),
    ...(withOthers
      ? train.filter((t) => t.sentiment !== 'negative').map((t) => ({ text: t.text, topics: [] }))
      : []),
  ]);
  const reasonOf = new Map(classes.map((c) => [topicKeyOf(c), c]));
  const gold: string[] = [];
  const predicted: string[] = [];
  for (const t of test.filter(complaint)) {
    gold.push(t.negativeReason as string);
    const first = pipeline.analyse(t.text).topics[0];
    predicted.push(first ? (reasonOf.get(first.key) ?? first.key) : '(untagged)');
  }
  const others = test.filter((t) => t.sentiment !== 'negative');
  return {
    firstTopic: classificationMetrics(classes, gold, predicted),
    untaggedShare: predicted.filter((p) => p === '(untagged)').length / Math.max(1, predicted.length),
    ...(withOthers
      ? {
          nonComplaintsTagged:
            others.filter((t) => pipeline.analyse(t.text).topics.length > 0).length /
            Math.max(1, others.length),
        }
      : {}),
  };
}

export function printTrainedTopics(
  print: Print,
  complaintsOnly: TrainedTopicFigures,
  withOthers: TrainedTopicFigures,
): void {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  print('  trained as a user trains them (score --train; first topic reported, untagged counts as wrong):');
  print(
    `    complaints only            macro-F1 ${complaintsOnly.firstTopic.macroF1.toFixed(3)}  ` +
      `accuracy ${pct(complaintsOnly.firstTopic.accuracy)}  untagged ${pct(complaintsOnly.untaggedShare)}`,
  );
  print(
    `    + non-complaints as none   macro-F1 ${withOthers.firstTopic.macroF1.toFixed(3)}  ` +
      `accuracy ${pct(withOthers.firstTopic.accuracy)}  untagged ${pct(withOthers.untaggedShare)}  ` +
      `non-complaints tagged ${pct(withOthers.nonComplaintsTagged ?? 0)}`,
  );
}
