/**
 * The host adapters a view may ask for. In Office they wrap Office.js; in the
 * preview they are the in-memory hosts seeded with the sample data. Both are
 * loaded on first use, so neither weighs on the pane's first render.
 */
import type { ExcelHost } from '../hosts/excel';
import type { WordHost } from '../hosts/word';
import type { OutlookAdapters } from '../hosts/mailbox/outlook-adapters';
import type { PaneEnvironment } from './environment';

export interface HostAdapters {
  /** The workbook, or null when the pane does not run in Excel (nor the preview). */
  excel(): Promise<ExcelHost | null>;
  /** The open document, or null when the pane does not run in Word (nor the preview). */
  word(): Promise<WordHost | null>;
  /** The open mail item and the on-send settings, or null outside Outlook (and the preview). */
  outlook(): Promise<OutlookAdapters | null>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

export function createHostAdapters(environment: PaneEnvironment): HostAdapters {
  if (environment.kind === 'preview') {
    return {
      excel: once(async () => {
        const [{ MemoryExcelHost }, { sampleWorkbook }] = await Promise.all([
          import('../hosts/excel/memory-excel-host'),
          import('./preview/sample-workbook'),
        ]);
        const host = new MemoryExcelHost(sampleWorkbook());
        // The preview's workbook, readable by the browser tests (sample data only).
        (globalThis as { passerellePreviewWorkbook?: unknown }).passerellePreviewWorkbook = host;
        return host;
      }),
      word: once(async () => {
        const [{ MemoryWordHost }, { sampleDocument }] = await Promise.all([
          import('../hosts/word/memory-word-host'),
          import('./preview/sample-document'),
        ]);
        const host = new MemoryWordHost(sampleDocument());
        // The preview's document, readable by the browser tests (sample data only).
        (globalThis as { passerellePreviewDocument?: unknown }).passerellePreviewDocument = host;
        return host;
      }),
      outlook: once(async () => {
        const { previewOutlook } = await import('./preview/sample-mailbox');
        const outlook = previewOutlook();
        // The preview's mailbox, readable by the browser tests (sample data only).
        (globalThis as { passerellePreviewOutlook?: unknown }).passerellePreviewOutlook = outlook;
        return outlook;
      }),
    };
  }
  const inExcel = environment.kind === 'office' && environment.host === 'Excel';
  const inWord = environment.kind === 'office' && environment.host === 'Word';
  const inOutlook = environment.kind === 'office' && environment.host === 'Outlook';
  return {
    excel: once(async () => {
      if (!inExcel) return null;
      const { OfficeExcelHost } = await import('../hosts/excel/office-excel-host');
      return new OfficeExcelHost();
    }),
    word: once(async () => {
      if (!inWord) return null;
      const { OfficeWordHost } = await import('../hosts/word/office-word-host');
      return new OfficeWordHost();
    }),
    outlook: once(async () => {
      if (!inOutlook) return null;
      const { officeOutlook } = await import('../hosts/mailbox/outlook-adapters');
      return officeOutlook();
    }),
  };
}
