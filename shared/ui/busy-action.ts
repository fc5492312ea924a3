/**
 * One action at a time in a view: `run` marks the view busy, clears the last
 * error, and turns a failure into a French message (the error's own, or the
 * fallback that says what to do).
 */
import { useState } from 'react';
import { errorMessage } from './typography';

export interface BusyAction {
  busy: boolean;
  error: string | null;
  run(work: () => Promise<void>): Promise<void>;
}

export function useBusyAction(fallback: string): BusyAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorMessage(caught, fallback));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
