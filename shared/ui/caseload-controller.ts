/**
 * Connects CaseloadView to a store: anything with the few CaseloadStore
 * methods it needs, so the extension's side panel and the task pane share it
 * and tests can pass a fake. Reloads the list after each change.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ParcoursRecord } from '../parcours';
import type { AuditEntry, ChildExport } from '../store';
import { historyOf, type HistoryLine } from './history';

export interface CaseloadSource {
  allRecords(): Promise<ParcoursRecord[]>;
  replaceRecord(record: ParcoursRecord): Promise<void>;
  eraseChild(code: string): Promise<void>;
  exportChild(code: string): Promise<ChildExport>;
  auditLog(): Promise<AuditEntry[]>;
}

export interface CaseloadController {
  records: ParcoursRecord[] | null;
  /** French message when the list could not be read. */
  error: unknown;
  save(record: ParcoursRecord): Promise<void>;
  erase(code: string): Promise<void>;
  exportChild(code: string): Promise<void>;
  loadHistory(code: string): Promise<HistoryLine[]>;
}

/** Name of the right-of-access file: the code only, never the child's name. */
export const exportFileName = (code: string) => `passerelle-${code}.json`;

export function useCaseload(
  source: CaseloadSource,
  download: (fileName: string, json: string) => void,
): CaseloadController {
  const [records, setRecords] = useState<ParcoursRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setRecords(await source.allRecords());
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [source]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = useCallback(
    async (record: ParcoursRecord) => {
      await source.replaceRecord(record);
      await reload();
    },
    [source, reload],
  );
  const erase = useCallback(
    async (code: string) => {
      await source.eraseChild(code);
      await reload();
    },
    [source, reload],
  );
  const exportChild = useCallback(
    async (code: string) => {
      const data = await source.exportChild(code);
      download(exportFileName(code), JSON.stringify(data, null, 2));
    },
    [source, download],
  );
  const loadHistory = useCallback(
    async (code: string) => historyOf(code, await source.auditLog()),
    [source],
  );
  return { records, error, save, erase, exportChild, loadHistory };
}
