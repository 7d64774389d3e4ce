import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { trainWithRecipe } from './eval/sentiment-recipe';

/**
 * Rebuilds src/modules/analysis/engine/models/sentiment-model.json from UCI sentences and the VADER gold sets
 * (the only data whose licences allow shipping a model). Usage, from the repository root: node dist/scripts/train-sentiment-model.js [datasetsDir]
 */
const HELP = `Usage: npm run train:sentiment [-- <datasetsDir>]   (default ../shared/datasets; run from the repository root)

Rebuilds the shipped sentiment model, src/modules/analysis/engine/models/sentiment-model.json, from the UCI
sentences (CC BY 4.0) and the VADER gold sets (MIT) only: the data whose licences allow shipping a model.
To score with a model trained on your own labelled feedback instead, use npm run -s score -- --train file.ndjson.`;

function main(): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return;
  }
  const datasetsDir = resolve(process.argv[2] ?? '../shared/datasets');
  // Run from the repository root (as npm scripts are): the model lives in the source tree, not in dist/.
  const out = resolve('src/modules/analysis/engine/models/sentiment-model.json');
  const started = Date.now();
  const analyzer = trainWithRecipe(datasetsDir);
  const json = JSON.stringify(analyzer.toJSON());
  writeFileSync(out, `${json}\n`);
  console.log(
    `wrote ${out}: ${(json.length / 1024).toFixed(0)} KB, trained on ${analyzer.trainedOn.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main();
