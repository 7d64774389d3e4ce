/** One line (NDJSON) or record (CSV) of an import file: the raw item, or why it could not be read. */
export interface FeedbackFileItem {
  /** 1-based line where the item starts, for error reports the user can jump to. */
  lineNumber: number;
  raw: unknown | undefined;
  error?: string;
  /** The reader cannot go on after this item (a CSV that cannot be parsed further). */
  fatal?: boolean;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

export type FeedbackFileFormat = 'csv' | 'ndjson';
