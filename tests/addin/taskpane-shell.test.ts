import { afterEach, describe, expect, it } from 'vitest';
import { detectEnvironment } from '../../addin/taskpane/environment';
import { resolveRoute, urlWithView } from '../../addin/taskpane/route';
import { paneViews, viewsFor, type PaneView } from '../../addin/taskpane/views';

const office = globalThis as { Office?: unknown };

function fakeOffice(host: string | null, supported: string[] = []) {
  office.Office = {
    onReady: async () => ({ host, platform: host ? 'PC' : null }),
    context: {
      requirements: {
        isSetSupported: (set: string, v: string) => supported.includes(`${set} ${v}`),
      },
    },
  };
}

afterEach(() => {
  delete office.Office;
});

describe('environment detection', () => {
  it('is the preview when office.js runs outside Office (host null)', async () => {
    fakeOffice(null);
    expect(await detectEnvironment('?vue=classeur')).toEqual({ kind: 'preview', view: 'classeur' });
  });

  it('checks the API set the host needs', async () => {
    fakeOffice('Excel', ['ExcelApi 1.13']);
    expect(await detectEnvironment('')).toEqual({
      kind: 'office',
      host: 'Excel',
      platform: 'PC',
      requirement: { set: 'ExcelApi', version: '1.13', supported: true },
      view: null,
    });
    fakeOffice('Word');
    const word = await detectEnvironment('?vue=eps');
    expect(word.kind === 'office' && word.requirement).toEqual({
      set: 'WordApi',
      version: '1.3',
      supported: false,
    });
  });

  it('explains in French when office.js is missing or the host is not served', async () => {
    const missing = await detectEnvironment('');
    expect(missing.kind === 'unavailable' && missing.reason).toContain('office.js');
    fakeOffice('PowerPoint');
    const other = await detectEnvironment('');
    expect(other.kind === 'unavailable' && other.reason).toBe(
      'Passerelle fonctionne dans Excel, Word et Outlook, pas dans PowerPoint.',
    );
  });
});

describe('view registry and routing', () => {
  const view = (id: string, hosts: PaneView['hosts']): PaneView => ({
    id,
    label: id,
    hosts,
    load: () => Promise.reject(new Error('not loaded here')),
  });
  const views = [view('import', ['Excel']), view('eps', ['Word']), view('aide', ['Excel', 'Word'])];
  const inWord = {
    kind: 'office' as const,
    host: 'Word' as const,
    platform: 'PC',
    requirement: { set: 'WordApi', version: '1.3', supported: true },
    view: null,
  };

  it('shows a host only its views; the preview shows them all', () => {
    expect(viewsFor(inWord, views).map((v) => v.id)).toEqual(['eps', 'aide']);
    expect(viewsFor({ kind: 'preview', view: null }, views)).toHaveLength(3);
    expect(viewsFor({ kind: 'unavailable', reason: 'x', view: null }, views)).toEqual([]);
    expect(new Set(paneViews.map((v) => v.id)).size).toBe(paneViews.length);
  });

  it('opens the requested view, or the first one and names the unknown request', () => {
    const wordViews = viewsFor(inWord, views);
    expect(resolveRoute('aide', wordViews)).toEqual({ view: wordViews[1], unknown: null });
    expect(resolveRoute(null, wordViews)).toEqual({ view: wordViews[0], unknown: null });
    expect(resolveRoute('import', wordViews)).toEqual({ view: wordViews[0], unknown: 'import' });
    expect(urlWithView('https://localhost:3000/taskpane.html?_host=x&vue=eps', 'aide')).toBe(
      'https://localhost:3000/taskpane.html?_host=x&vue=aide',
    );
  });
});
