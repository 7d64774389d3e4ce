import { Presets, SingleBar } from 'cli-progress';
import type { ReadProgress } from './feedback-file-item.type';

export interface ImportProgressBar {
  /** Pass as readFeedbackFile's onProgress. */
  onProgress: (progress: ReadProgress) => void;
  /** Items handed to the service so far (shown beside the bytes). */
  setItems: (items: number) => void;
  stop: () => void;
}

/** A bytes-based progress bar (stderr) for the import script; bytes, not lines, since the total is known up front. */
export function createImportProgressBar(totalBytes: number): ImportProgressBar {
  const bar = new SingleBar(
    {
      format: 'importing |{bar}| {percentage}% {readMb}/{totalMb} MB, {items} items, eta {eta_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  bar.start(totalBytes, 0, { readMb: mb(0), totalMb: mb(totalBytes), items: 0 });
  return {
    onProgress: ({ bytesRead }) => bar.update(bytesRead, { readMb: mb(bytesRead) }),
    setItems: (items) => bar.update({ items }),
    stop: () => bar.stop(),
  };
}
