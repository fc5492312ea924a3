// Proves the lint rules that keep the core portable really fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesFiredOn(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('core boundaries', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;", 'no-restricted-imports'],
    [
      "import { Button } from '@fluentui/react-components';\nexport const x = Button;",
      'no-restricted-imports',
    ],
    ["import { browser } from 'wxt/browser';\nexport const x = browser;", 'no-restricted-imports'],
    ["import mock from 'office-addin-mock';\nexport const x = mock;", 'no-restricted-imports'],
    ['export const x = chrome.runtime.id;', 'no-restricted-globals'],
    ['export const x = Office.context;', 'no-restricted-globals'],
    ['export const x = document.body;', 'no-restricted-globals'],
  ])('refuses in a core module: %s', async (code, rule) => {
    expect(await rulesFiredOn('shared/anonymisation/violation.ts', code)).toContain(rule);
  });

  it('refuses a deep import into another capability', async () => {
    const code =
      "import { normaliseGrade } from '../parcours/normalise/grade';\nexport const x = normaliseGrade;";
    expect(await rulesFiredOn('shared/import/violation.ts', code)).toContain(
      'passerelle/capability-entry',
    );
  });

  it('accepts the public entry and imports inside the same capability', async () => {
    const code =
      "import { normaliseGrade } from '../parcours';\nimport { x as y } from './other';\nexport const x = [normaliseGrade, y];";
    expect(await rulesFiredOn('shared/import/ok.ts', code)).toEqual([]);
  });

  it('refuses a deep import from a shell or a test', async () => {
    const code =
      "import { normaliseGrade } from '../../shared/parcours/normalise/grade';\nexport const x = normaliseGrade;";
    expect(await rulesFiredOn('addin/taskpane/violation.ts', code)).toContain(
      'passerelle/capability-entry',
    );
  });

  it('lets shared/ui use React but not Office or WXT', async () => {
    expect(
      await rulesFiredOn(
        'shared/ui/Ok.tsx',
        "import { useState } from 'react';\nexport const x = useState;",
      ),
    ).toEqual([]);
    expect(
      await rulesFiredOn(
        'shared/ui/Bad.tsx',
        "import { storage } from 'wxt/storage';\nexport const x = storage;",
      ),
    ).toContain('no-restricted-imports');
  });
});
