import { describe, expect, it } from 'vitest';
import {
  BloomFilter,
  createIncrementalScanner,
  namesBloomFromPeople,
  namesIndexFromBloom,
  scan,
  scanByParagraph,
} from '../../shared/anonymisation';
import { foldText, isPasserelleError } from '../../shared/parcours';
import { loadCaseloadPeople, loadCorpus } from './helpers';

const { people } = loadCaseloadPeople();

describe('incremental scanner', () => {
  it('equals a fresh paragraph scan after every edit, re-scanning only the touched paragraph', () => {
    const doc = loadCorpus().find((d) => d.genre === 'note_suivi')!.text;
    const scanner = createIncrementalScanner();
    expect(scanner.update(doc)).toEqual(scanByParagraph(doc));
    const paragraphs = doc.split(/\n\s*\n/).length;
    expect(scanner.lastScanned).toBe(new Set(doc.split(/\n\s*\n/)).size);
    const cut = doc.indexOf('\n\n') + 10;
    const edited = `${doc.slice(0, cut)}Mme Aminata Sow a appelé. ${doc.slice(cut)}`;
    expect(scanner.update(edited)).toEqual(scanByParagraph(edited));
    expect(scanner.lastScanned).toBe(1);
    expect(paragraphs).toBeGreaterThan(3);
  });
  it('finds in a single paragraph what a full scan finds', () => {
    const text = 'Mme Fatou Diallo, 06 12 34 56 78, pour son fils Moussa.';
    expect(createIncrementalScanner().update(text)).toEqual(scan(text).findings);
  });
});

describe('Bloom names index', () => {
  it('recognises every caseload name and few others; serialises small', () => {
    const filter = namesBloomFromPeople(people, { falsePositiveRate: 0.001, salt: 'test' });
    const serialised = filter.serialise();
    const back = BloomFilter.deserialise(serialised);
    for (const p of people) {
      expect(back.has(foldText(p.firstName!))).toBe(true);
      expect(back.has(foldText(p.lastName!))).toBe(true);
    }
    let falsePositives = 0;
    for (let i = 0; i < 10_000; i++) if (back.has(`inconnu${i}`)) falsePositives++;
    expect(falsePositives / 10_000).toBeLessThan(0.005);
    expect(serialised.length).toBeLessThan(400);
  });
  it('drives the scanner without the store', () => {
    const names = namesIndexFromBloom(namesBloomFromPeople(people, { salt: 'x' }));
    const f = scan('rdv avec meziane et camara', { names }).findings;
    expect(f.map((x) => x.type)).toEqual(['PERSONNE', 'PERSONNE']);
  });
  it('rejects a corrupt filter with a French error', () => {
    for (const bad of ['', 'bf1.3.64.salt.%%%', 'bf1.0.64.s.AAAAAAAAAAA=', 'xx.1.2.3.4']) {
      try {
        BloomFilter.deserialise(bad);
        expect.unreachable();
      } catch (error) {
        expect(isPasserelleError(error) && error.message).toContain('illisible');
      }
    }
  });
});
