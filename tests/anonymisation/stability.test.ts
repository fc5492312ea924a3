/**
 * Regression guard for speed work: what `scan` finds (start, end, type, role)
 * and what `pseudonymise` writes, on every dev-corpus document, with and
 * without the caseload, must stay exactly as recorded. Regenerate the
 * snapshot only for an intended change of behaviour (`vitest -u`).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  namesIndexFromPeople,
  pseudonymise,
  scan,
  type ScanOptions,
} from '../../shared/anonymisation';
import { loadCaseloadPeople, loadCorpus } from './helpers';

const corpus = loadCorpus();
const { people, referents } = loadCaseloadPeople();
const referenceDate = '2026-01-15';

/** One line per document: its id, its findings compacted, and a digest of its pseudonymised text. */
function fingerprint(options: ScanOptions): string[] {
  return corpus.map((doc) => {
    const findings = scan(doc.text, { ...options, referenceDate })
      .findings.map((f) => `${f.start}-${f.end}:${f.type}:${f.role ?? ''}`)
      .join(' ');
    const output = pseudonymise(doc.text, { ...options, referenceDate }).text;
    const digest = createHash('sha256').update(output).digest('hex').slice(0, 16);
    return `${doc.id} ${digest} ${findings}`;
  });
}

describe('scan and pseudonymise stay stable on the dev corpus', () => {
  it('without the caseload', async () => {
    await expect(`${fingerprint({}).join('\n')}\n`).toMatchFileSnapshot(
      '../fixtures/anonymisation/stability-without-caseload.txt',
    );
  });
  it('with the caseload', async () => {
    const names = namesIndexFromPeople(people, { professionals: referents });
    await expect(`${fingerprint({ names }).join('\n')}\n`).toMatchFileSnapshot(
      '../fixtures/anonymisation/stability-with-caseload.txt',
    );
  });
});
