import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSentimentEval } from './eval/sentiment-eval';
import { runDefaultTaxonomyEval } from './eval/default-taxonomy-eval';
import { runTopicEval } from './eval/topic-eval';

const HELP = `Usage: npm run eval [-- --datasets ../shared/datasets] [--only sentiment|topics]

Measures Hearken's analysis on public labelled data read in place from ../shared/datasets (never copied):
  sentiment: UCI sentences, VADER gold sets, airline tweets (zero-shot, and trained on 80 % / tested on 20 %)
  topics:    the default taxonomy on a hand-labelled multi-domain sample (per-topic table, micro-F1, false-fire
             rate), airline complaint topics, SemEval-2014 restaurant aspect categories and their polarity
Prints accuracy, macro-F1 and the confusion matrix per data set. Figures on training data are never shown.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string', default: resolve(__dirname, '../../../shared/datasets') },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const dir = resolve(values.datasets!);
  if (!existsSync(dir)) throw new Error(`No data sets at ${dir}: pass --datasets <dir>`);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  if (!values.only || values.only === 'sentiment') await runSentimentEval(dir, print);
  if (!values.only || values.only === 'topics') {
    print('');
    runDefaultTaxonomyEval(dir, print);
    print('');
    await runTopicEval(dir, print);
  }
  print(`\nEvaluated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
