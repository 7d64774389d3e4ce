import { createReadStream, promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import { parseHeader, recordToItem } from './csv-record-to-item';
import type { FeedbackFileFormat, FeedbackFileItem, ReadProgress } from './feedback-file-item.type';
import { readNdjsonLines } from './read-ndjson-lines';

export interface ReadFeedbackFileOptions {
  /** Defaults from the extension: .csv → csv, anything else → ndjson. */
  format?: FeedbackFileFormat;
  /** Called as the file is read (once per 64 KiB chunk), e.g. to drive a cli-progress bar. */
  onProgress?: (progress: ReadProgress) => void;
  /** NDJSON lines longer than this become error items instead of filling memory. Default 1 MiB. */
  maxLineBytes?: number;
}

export function detectFormat(path: string): FeedbackFileFormat {
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'ndjson';
}

/**
 * Streams an import file item by item in constant memory (one chunk and one record at a time;
 * the consumer's pace applies backpressure to the file read). Bad lines are yielded as error
 * items; only an unreadable file or a CSV that cannot be parsed further ends the iteration early.
 */
export async function* readFeedbackFile(
  path: string,
  options: ReadFeedbackFileOptions = {},
): AsyncGenerator<FeedbackFileItem> {
  const { size: totalBytes } = await fs.stat(path);
  const input = createReadStream(path, { highWaterMark: 64 * 1024 });
  if (options.onProgress) {
    const report = options.onProgress;
    input.on('data', () => report({ bytesRead: input.bytesRead, totalBytes }));
    input.on('end', () => report({ bytesRead: totalBytes, totalBytes }));
  }
  try {
    const format = options.format ?? detectFormat(path);
    if (format === 'csv') yield* readCsv(input);
    else yield* readNdjsonLines(input, options.maxLineBytes ?? 1024 * 1024);
  } finally {
    input.destroy();
  }
}

async function* readCsv(input: NodeJS.ReadableStream): AsyncGenerator<FeedbackFileItem> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[][] | undefined;
  let width = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const lineNumber = info.lines - countNewlines(record);
      if (!header) {
        header = parseHeader(record);
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        yield { lineNumber, raw: undefined, error: `has ${record.length} cells, the header has ${width}` };
        continue;
      }
      yield { lineNumber, raw: recordToItem(header, record) };
    }
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    yield {
      lineNumber: lines ?? 0,
      raw: undefined,
      error: `CSV cannot be parsed further: ${message}`,
      fatal: true,
    };
  }
}

function countNewlines(record: string[]): number {
  let count = 0;
  for (const cell of record)
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  return count;
}
