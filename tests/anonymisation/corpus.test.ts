/**
 * The annotated dev corpus as a fixture: recall on beneficiaries' direct
 * identifiers and precision, measured as the scorer does (a finding of a
 * compatible type covers ≥ 50 % of the span), with and without the caseload.
 * Thresholds sit a little under the measured figures, to catch regressions.
 */
import { describe, expect, it } from 'vitest';
import {
  namesIndexFromPeople,
  pseudonymise,
  scan,
  type Finding,
  type ScanOptions,
} from '../../shared/anonymisation';
import { foldText } from '../../shared/parcours';
import { DIRECT, loadCaseloadPeople, loadCorpus, type GoldSpan } from './helpers';

const corpus = loadCorpus();
const { people, referents } = loadCaseloadPeople();

function coverage(gold: GoldSpan, findings: Finding[]): number {
  let covered = 0;
  for (let i = gold.start; i < gold.end; i++) {
    if (findings.some((f) => f.start <= i && i < f.end && f.type === gold.type)) covered++;
  }
  return covered / (gold.end - gold.start);
}

function measure(options: ScanOptions) {
  let gold = 0;
  let found = 0;
  let findings = 0;
  let correct = 0;
  for (const doc of corpus) {
    const result = scan(doc.text, options).findings;
    for (const span of doc.spans.filter((s) => DIRECT.has(s.type) && s.role === 'beneficiaire')) {
      gold++;
      if (coverage(span, result) >= 0.5) found++;
    }
    for (const f of result) {
      findings++;
      if (doc.spans.some((s) => s.start < f.end && f.start < s.end)) correct++;
    }
  }
  return { recall: found / gold, precision: correct / findings };
}

describe('dev corpus', () => {
  it('finds beneficiaries’ direct identifiers without the caseload', () => {
    const { recall, precision } = measure({});
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.97);
  });
  it('finds them all, or nearly, with the caseload', () => {
    const { recall, precision } = measure({
      names: namesIndexFromPeople(people, { professionals: referents }),
    });
    expect(recall).toBeGreaterThanOrEqual(0.995);
    expect(precision).toBeGreaterThanOrEqual(0.97);
  });
  it('finds no beneficiary data in already pseudonymised or public texts', () => {
    for (const doc of corpus.filter((d) => d.genre === 'anonymise' || d.genre === 'public')) {
      const found = scan(doc.text).findings.filter((f) => f.role === 'beneficiaire' && f.direct);
      expect(found.map((f) => `${doc.id} ${doc.text.slice(f.start, f.end)}`)).toEqual([]);
    }
  });
  it('leaves no beneficiary name in the pseudonymised output beyond its uses as a word (caseload)', () => {
    const names = namesIndexFromPeople(people, { professionals: referents });
    const count = (hay: string, needle: string) => hay.split(needle).length - 1;
    let leaks = 0;
    for (const doc of corpus) {
      const out = ` ${foldText(pseudonymise(doc.text, { names }).text)} `;
      let masked = doc.text;
      for (const s of [...doc.spans].reverse()) {
        if (DIRECT.has(s.type) && s.role === 'beneficiaire')
          masked = `${masked.slice(0, s.start)} | ${masked.slice(s.end)}`;
      }
      const input = ` ${foldText(masked)} `;
      for (const span of doc.spans.filter(
        (s) => s.type === 'PERSONNE' && s.role === 'beneficiaire',
      )) {
        const whole = ` ${foldText(span.text)} `;
        if (whole.length >= 6 && count(out, whole) > count(input, whole)) leaks++;
      }
    }
    expect(leaks).toBe(0);
  });
});
