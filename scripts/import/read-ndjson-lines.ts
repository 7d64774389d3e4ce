import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { FeedbackFileItem } from './feedback-file-item.type';

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into JSON lines without ever holding more than one line (capped at
 * `maxLineBytes`) plus one chunk in memory. Invalid UTF-8, over-long lines and bad JSON become
 * error items for their line; the import carries on with the next line.
 */
export async function* readNdjsonLines(
  input: Readable,
  maxLineBytes: number,
): AsyncGenerator<FeedbackFileItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pieces: Buffer[] = [];
  let pending = 0;
  let tooLong = false;
  let lineNumber = 0;

  const finishLine = (): FeedbackFileItem | undefined => {
    lineNumber++;
    const overflow = tooLong;
    const bytes = Buffer.concat(pieces);
    pieces = [];
    pending = 0;
    tooLong = false;
    if (overflow) return { lineNumber, raw: undefined, error: `line is longer than ${maxLineBytes} bytes` };
    return parseLine(bytes, lineNumber, decoder);
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      keep(chunk.subarray(start, newline));
      const item = finishLine();
      if (item) yield item;
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    keep(chunk.subarray(start));
  }
  if (pending > 0 || tooLong) {
    const item = finishLine();
    if (item) yield item;
  }

  function keep(piece: Buffer): void {
    if (tooLong || piece.length === 0) return;
    if (pending + piece.length > maxLineBytes) {
      tooLong = true;
      pieces = [];
      return;
    }
    // Copy: the stream may reuse the chunk's memory once we move on.
    pieces.push(Buffer.from(piece));
    pending += piece.length;
  }
}

function parseLine(bytes: Buffer, lineNumber: number, decoder: TextDecoder): FeedbackFileItem | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { lineNumber, raw: undefined, error: 'line is not valid UTF-8' };
  }
  if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return undefined;
  try {
    return { lineNumber, raw: JSON.parse(text) };
  } catch (error) {
    return { lineNumber, raw: undefined, error: `invalid JSON: ${(error as Error).message}` };
  }
}
