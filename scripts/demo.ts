import 'reflect-metadata';
import { ConfigError } from '../src/config/load-config';
import { FeedbackIngestionService } from '../src/modules/feedback/feedback-ingestion.service';
import { OutcomeIngestionService } from '../src/modules/outcomes/outcome-ingestion.service';
import { DemoCustomerFacts } from './demo/demo-customer-facts';
import { generateDemoOutcomes } from './demo/generate-demo-outcomes';
import { describeDemoLoad, DemoTally } from './demo/describe-demo-load';
import { defaultDemoStart, generateDemoFeedback } from './demo/generate-demo-feedback';
import { DEMO_HELP, DemoArgs, DemoUsageError, parseDemoArgs } from './demo/parse-demo-args';
import type { FeedbackFileItem } from './import/feedback-file-item.type';
import { bootCliContext, describeQueuedAnalysis, flushOutbox } from './import/boot-cli-context';
import { formatImportSummary } from './import/format-import-summary';
import { importFeedback } from './import/import-feedback';

function* demoItems(
  args: DemoArgs,
  start: Date,
  tally: DemoTally,
  facts: DemoCustomerFacts,
): Generator<FeedbackFileItem> {
  let lineNumber = 0;
  for (const item of generateDemoFeedback({ ...args, start, observe: facts.observe })) {
    tally.add(item);
    yield { lineNumber: ++lineNumber, raw: item };
  }
}

function* outcomeItems(args: DemoArgs, start: Date, facts: DemoCustomerFacts): Generator<FeedbackFileItem> {
  let lineNumber = 0;
  for (const item of generateDemoOutcomes({ ...args, start }, facts))
    yield { lineNumber: ++lineNumber, raw: item };
}

async function main(): Promise<number> {
  const args = parseDemoArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(`${DEMO_HELP}\n`);
    return 0;
  }
  const { app, config } = await bootCliContext();
  try {
    const start = defaultDemoStart(args.weeks);
    const tally = new DemoTally();
    let firstRejects = 0;
    process.stderr.write(`loading the demo into ${config.databaseType} ...\n`);
    const onReject = ({ line, errors }: { line: number; errors: unknown }) => {
      // The generator's items are valid by construction: a reject is a bug worth seeing.
      if (firstRejects++ < 5) process.stderr.write(`demo item ${line} rejected: ${JSON.stringify(errors)}\n`);
    };
    const facts = new DemoCustomerFacts(args.customers);
    const summary = await importFeedback(
      demoItems(args, start, tally, facts),
      app.get(FeedbackIngestionService),
      { onReject },
    );
    // Outcomes depend on what each customer said, so they follow the feedback, through the same path.
    const outcomes = await importFeedback(
      outcomeItems(args, start, facts),
      app.get(OutcomeIngestionService),
      { onReject },
    );
    const waiting = await flushOutbox(app, config);
    process.stdout.write(
      `loaded the demo: ${formatImportSummary(summary)}${describeQueuedAnalysis(config, waiting)}`,
    );
    process.stdout.write(`loaded the demo's outcome events: ${formatImportSummary(outcomes)}`);
    process.stdout.write(describeDemoLoad(args, tally, start, config.port));
    return summary.rejected + outcomes.rejected > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const usage = error instanceof DemoUsageError || error instanceof ConfigError;
    const message =
      error instanceof DemoUsageError
        ? `${error.message} (see --help)`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`demo: ${message}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
