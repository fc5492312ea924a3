/**
 * Long operations (imports, backups, scans of big documents) report progress
 * through this one shape; shells turn it into progress bars, the command line
 * into a terminal line. `signal` lets the caller cancel.
 */
export interface Progress {
  /** Units done so far (rows, records, bytes…). */
  done: number;
  /** Total units when known. */
  total?: number;
  /** Short French label of the current step, e.g. «Lecture de la feuille Suivi». */
  step: string;
}

export type ProgressListener = (progress: Progress) => void;

export interface ProgressOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** Calls `onProgress` at most every `every` units, plus the last one. */
export function throttledProgress(
  listener: ProgressListener | undefined,
  every: number,
): (progress: Progress) => void {
  let last = -Infinity;
  return (progress) => {
    if (!listener) return;
    const finished = progress.total !== undefined && progress.done >= progress.total;
    if (finished || progress.done - last >= every) {
      last = progress.done;
      listener(progress);
    }
  };
}
