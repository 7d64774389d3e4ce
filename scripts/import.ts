import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import { ConfigError } from '../src/config/load-config';
import { FeedbackIngestionService } from '../src/modules/feedback/feedback-ingestion.service';
import { OutcomeIngestionService } from '../src/modules/outcomes/outcome-ingestion.service';
import { bootCliContext, describeQueuedAnalysis, flushOutbox } from './import/boot-cli-context';
import { formatImportSummary } from './import/format-import-summary';
import { createImportProgressBar } from './import/import-progress-bar';
import { importFeedback } from './import/import-feedback';
import { IMPORT_HELP, parseImportArgs, UsageError } from './import/parse-import-args';
import { readFeedbackFile } from './import/read-feedback-file';
import { createRejectsFileWriter } from './import/rejects-file-writer';
import { routeByType } from './import/route-by-type';

async function main(): Promise<number> {
  const args = parseImportArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(`${IMPORT_HELP}\n`);
    return 0;
  }
  // Before booting the app: a wrong path should fail in milliseconds.
  const { size } = await fs.stat(args.file);
  const { app, config } = await bootCliContext();
  const bar = args.progress && process.stderr.isTTY ? createImportProgressBar(size) : undefined;
  const rejects = createRejectsFileWriter(args.rejects);
  try {
    const summary = await importFeedback(
      readFeedbackFile(args.file, { format: args.format, onProgress: bar?.onProgress }),
      routeByType(app.get(FeedbackIngestionService), app.get(OutcomeIngestionService), args.type),
      {
        batchSize: args.batch,
        defaultSource: args.source,
        defaultKind: args.kind,
        onReject: (reject) => rejects.write(reject),
        onBatch: bar?.setItems,
      },
    );
    bar?.stop();
    const wroteRejects = await rejects.close();
    process.stdout.write(`imported ${args.file}: ${formatImportSummary(summary)}`);
    if (wroteRejects) process.stdout.write(`rejected lines with reasons: ${args.rejects}\n`);
    process.stdout.write(describeQueuedAnalysis(config, await flushOutbox(app, config)));
    if (summary.stoppedEarly) {
      process.stderr.write(
        'import: stopped before the end of the file: it cannot be parsed further (see the rejects file)\n',
      );
      return 1;
    }
    return 0;
  } finally {
    bar?.stop();
    await rejects.close().catch(() => undefined);
    await app.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const usage = error instanceof UsageError || error instanceof ConfigError;
    const message =
      error instanceof UsageError
        ? `${error.message} (see --help)`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`import: ${message}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
