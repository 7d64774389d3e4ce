import { FeatureExtractor, type FeatureExtractorJson, type FitOptions } from './feature-extractor';
import {
  SoftmaxRegression,
  type SoftmaxRegressionJson,
  type SoftmaxTrainOptions,
} from './softmax-regression';

export interface TextExample {
  words: string[];
  extras?: number[];
  label: string;
}

export interface TextClassifierOptions {
  features?: FitOptions;
  training?: SoftmaxTrainOptions;
  /** Fixed class order; defaults to the sorted labels seen. */
  classes?: string[];
}

export interface TextClassifierJson {
  extractor: FeatureExtractorJson;
  model: SoftmaxRegressionJson;
}

/** A feature extractor and a softmax model that share one feature index space. */
export class TextClassifier {
  constructor(
    readonly extractor: FeatureExtractor,
    readonly model: SoftmaxRegression,
  ) {}

  static train(examples: TextExample[], options: TextClassifierOptions = {}): TextClassifier {
    const classes = options.classes ?? [...new Set(examples.map((e) => e.label))].sort();
    const extractor = FeatureExtractor.fit(
      examples.map((e) => e.words),
      options.features,
    );
    const xs = examples.map((e) => extractor.vectorize(e.words, e.extras));
    const ys = examples.map((e) => {
      const y = classes.indexOf(e.label);
      if (y < 0) throw new Error(`text classifier: label "${e.label}" not in ${classes.join(', ')}`);
      return y;
    });
    return new TextClassifier(
      extractor,
      SoftmaxRegression.train(xs, ys, classes, extractor.numFeatures, options.training),
    );
  }

  get classes(): string[] {
    return this.model.classes;
  }

  predictProba(words: string[], extras?: number[]): number[] {
    return this.model.predictProba(this.extractor.vectorize(words, extras));
  }

  /** Keeps the `maxTerms` terms with the largest weights, to ship a small model. Extras are always kept. */
  prune(maxTerms: number): TextClassifier {
    const strengths = this.model.featureStrengths();
    const termCount = this.extractor.extrasOffset;
    const keep = Array.from({ length: termCount }, (_, i) => i)
      .sort((a, b) => strengths[b] - strengths[a])
      .slice(0, maxTerms)
      .sort((a, b) => a - b);
    const extras = Array.from({ length: this.extractor.numExtras }, (_, e) => termCount + e);
    return new TextClassifier(this.extractor.select(keep), this.model.select([...keep, ...extras]));
  }

  toJSON(): TextClassifierJson {
    return { extractor: this.extractor.toJSON(), model: this.model.toJSON() };
  }

  static fromJSON(json: TextClassifierJson): TextClassifier {
    const extractor = FeatureExtractor.fromJSON(json.extractor);
    const model = SoftmaxRegression.fromJSON(json.model);
    if (model.numFeatures !== extractor.numFeatures)
      throw new Error('text classifier: extractor and model disagree');
    return new TextClassifier(extractor, model);
  }
}
