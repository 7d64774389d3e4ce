import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawSample, loadSampleSources, type SampledText } from './datasets/taxonomy-sample';
import { hashShare } from './datasets/split-train-test';
import { multiLabelFigures, type MultiLabelFigures } from './topic-eval';
import {
  DEFAULT_TAXONOMY,
  GENERAL_TOPIC_KEYS,
} from '../../src/modules/analysis/engine/topics/default-taxonomy';
import { prepareText } from '../../src/modules/analysis/engine/topics/prepare-text';
import type { TopicDefinition } from '../../src/modules/analysis/engine/topics/topic-definition';
import { TopicDetector } from '../../src/modules/analysis/engine/topics/topic-detector';

type Print = (line: string) => void;

/** Share of the labelled sample kept out of tuning: phrases were tuned on the rest only. */
export const HELD_OUT_SHARE = 0.4;
const LABELS_FILE = join(__dirname, '../../../scripts/eval/labels/default-taxonomy.json');

export interface DefaultTaxonomyFigures extends MultiLabelFigures {
  texts: number;
  /** Texts labelled with no topic that got at least one. */
  falseFireRate: number;
  noTopicTexts: number;
}

export interface DefaultTaxonomyReport {
  heldOut: DefaultTaxonomyFigures;
  tuning: DefaultTaxonomyFigures;
}

/** `tuning` (the part phrases were tuned on) or `held-out` (never looked at while tuning). */
export function partOf(id: string): 'tuning' | 'held-out' {
  return hashShare(`holdout:${id}`) < HELD_OUT_SHARE ? 'held-out' : 'tuning';
}

export function loadTaxonomyLabels(file = LABELS_FILE): Record<string, string[]> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { labels: Record<string, string[]> }).labels;
}

/** The general key a topic rolls up to: itself when top-level, else its top-most ancestor. */
export function rootKeyOf(taxonomy: readonly TopicDefinition[]): (key: string) => string {
  const parent = new Map(taxonomy.map((t) => [t.key, t.parentKey]));
  return (key) => {
    let at = key;
    for (let hops = 0; parent.get(at) && hops < taxonomy.length; hops++) at = parent.get(at) as string;
    return at;
  };
}

/** Figures of a taxonomy's rule detector against hand labels with the 14 general keys. */
export function measureTaxonomy(
  taxonomy: readonly TopicDefinition[],
  texts: readonly SampledText[],
  labels: Record<string, string[]>,
): DefaultTaxonomyFigures {
  const detector = new TopicDetector(taxonomy);
  const root = rootKeyOf(taxonomy);
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const t of texts) {
    gold.push(labels[t.id]);
    predicted.push([...new Set(detector.detect(prepareText(t.text)).map((m) => root(m.key)))]);
  }
  const none = gold.map((g, i) => [g, predicted[i]] as const).filter(([g]) => g.length === 0);
  return {
    ...multiLabelFigures(gold, predicted, [...GENERAL_TOPIC_KEYS]),
    texts: texts.length,
    noTopicTexts: none.length,
    falseFireRate: none.length ? none.filter(([, p]) => p.length > 0).length / none.length : 0,
  };
}

export function runDefaultTaxonomyEval(datasetsDir: string, print: Print): DefaultTaxonomyReport {
  const labels = loadTaxonomyLabels();
  const sample = drawSample(loadSampleSources(datasetsDir)).filter((t) => t.id in labels);
  const heldOut = measureTaxonomy(
    DEFAULT_TAXONOMY,
    sample.filter((t) => partOf(t.id) === 'held-out'),
    labels,
  );
  const tuning = measureTaxonomy(
    DEFAULT_TAXONOMY,
    sample.filter((t) => partOf(t.id) === 'tuning'),
    labels,
  );
  print(
    `Default taxonomy (14 general keys, rules only), hand-labelled sample of ${sample.length} texts ` +
      `(UCI amazon, VADER amazon, airline tweets, SemEval restaurants, VADER tweets)`,
  );
  print(`  held-out part (${heldOut.texts} texts, never used for tuning):`);
  tableLines(heldOut).forEach(print);
  print(
    `  tuning part (${tuning.texts} texts): micro-F1 ${tuning.microF1.toFixed(3)}, ` +
      `false-fire ${pct(tuning.falseFireRate)} of ${tuning.noTopicTexts} texts with no topic`,
  );
  return { heldOut, tuning };
}

function tableLines(f: DefaultTaxonomyFigures): string[] {
  const rows = Object.entries(f.perClass).map(
    ([key, m]) =>
      `    ${key.padEnd(18)} ${m.precision.toFixed(2).padStart(9)} ${m.recall.toFixed(2).padStart(6)} ` +
      `${m.f1.toFixed(2).padStart(6)} ${String(m.support).padStart(4)}`,
  );
  return [
    `    ${'topic'.padEnd(18)} precision recall     F1    n`,
    ...rows,
    `    micro-F1 ${f.microF1.toFixed(3)}  macro-F1 ${f.macroF1.toFixed(3)}  ` +
      `false-fire ${pct(f.falseFireRate)} (texts with no topic that got one, of ${f.noTopicTexts})`,
  ];
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
