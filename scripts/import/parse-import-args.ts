import { parseArgs } from 'node:util';
import { FEEDBACK_KINDS, FeedbackKind } from '../../src/modules/feedback/dto/feedback-enums';
import type { FeedbackFileFormat } from './feedback-file-item.type';
import { DEFAULT_BATCH_SIZE } from './import-feedback';
import { IMPORT_TYPES, ImportType } from './route-by-type';

export const IMPORT_HELP = `Usage: npm run import -- <file.csv|file.ndjson> [options]

Imports feedback and outcome events from a file into the database of DATABASE_URL through the same checks as the API
(validation, redaction, customer matching, de-duplication on source + externalId). Analysis jobs go to
Bull when REDIS_URL is set; otherwise the running server picks them up from the outbox.

  --source S        source for items that have none (e.g. trustpilot)
  --kind K          kind for items that have none: review, survey_response, social_mention, call_note
  --type T          auto (default): lines with a \`type\` field (referral, lifecycle, retention) are
                    outcome events, the rest feedback; feedback or outcomes: every line is that
  --format F        csv or ndjson (default: from the extension; .csv is CSV, anything else NDJSON)
  --rejects FILE    where rejected lines go, as NDJSON with line number and reasons
                    (default <file>.rejected.ndjson; written only when something was rejected)
  --batch N         items per transaction (default ${DEFAULT_BATCH_SIZE}, at most 1000)
  --no-progress     no progress bar (it is drawn on stderr, only when stderr is a terminal)
  -h, --help        show this help

CSV: one header row; dotted headers nest (customer.email, customer.attributes.plan).
Exit code: 0 when the whole file was read (even with rejects), 1 on an I/O or database error,
2 on bad arguments or configuration.`;

export interface ImportArgs {
  file: string;
  source?: string;
  kind?: string;
  type: ImportType;
  format?: FeedbackFileFormat;
  rejects: string;
  batch: number;
  progress: boolean;
}

export class UsageError extends Error {}

/** `undefined` means: print the help and stop. */
export function parseImportArgs(argv: string[]): ImportArgs | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        kind: { type: 'string' },
        type: { type: 'string' },
        format: { type: 'string' },
        rejects: { type: 'string' },
        batch: { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length ? `expected one file, got ${positionals.length}` : 'missing the file to import',
    );
  const batchText = values.batch ?? String(DEFAULT_BATCH_SIZE);
  const batch = Number(batchText);
  if (!/^\d+$/.test(batchText) || batch < 1 || batch > 1000)
    throw new UsageError(`--batch must be an integer from 1 to 1000, got "${batchText}"`);
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'ndjson') {
    throw new UsageError(`--format must be csv or ndjson, got "${values.format}"`);
  }
  if (values.kind !== undefined && !FEEDBACK_KINDS.includes(values.kind as FeedbackKind)) {
    throw new UsageError(`--kind must be one of ${FEEDBACK_KINDS.join(', ')}, got "${values.kind}"`);
  }
  if (values.type !== undefined && !IMPORT_TYPES.includes(values.type as ImportType)) {
    throw new UsageError(`--type must be one of ${IMPORT_TYPES.join(', ')}, got "${values.type}"`);
  }
  const file = positionals[0];
  return {
    file,
    source: values.source,
    kind: values.kind,
    type: (values.type as ImportType | undefined) ?? 'auto',
    format: values.format as FeedbackFileFormat | undefined,
    rejects: values.rejects ?? `${file}.rejected.ndjson`,
    batch,
    progress: !values['no-progress'],
  };
}
