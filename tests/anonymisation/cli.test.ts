import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../shared/cli';

function memoryIO(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: () => {},
    endProgress: () => {},
    readStdin: async () => Buffer.from(stdin),
    env: {},
  };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}

const text = 'Bonjour, la maman de Yanis BENALI est joignable au 06 12 34 56 78.';

describe('passerelle scan', () => {
  it('prints exactly the JSON findings shape and exits 1 on beneficiary data', async () => {
    const m = memoryIO(text);
    expect(await main(['scan', '--json', '-'], m.io)).toBe(1);
    const parsed = JSON.parse(m.out()) as { findings: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['findings']);
    for (const f of parsed.findings) {
      expect(Object.keys(f)).toEqual(['start', 'end', 'type', 'role', 'confidence', 'label']);
    }
    expect(parsed.findings.map((f) => text.slice(f.start as number, f.end as number))).toEqual([
      'Yanis BENALI',
      '06 12 34 56 78',
    ]);
  });
  it('uses a JSON caseload and exits 0 on a text without personal data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-scan-'));
    const file = join(dir, 'note.txt');
    await writeFile(file, 'Réunion de l’équipe mardi à 14 h au centre social.');
    const m = memoryIO();
    expect(
      await main(['scan', '--caseload', 'shared/samples/suivi-exemple.json', file], m.io),
    ).toBe(0);
    expect(m.out()).toContain('0 élément(s) repéré(s).');
  });
  it('explains a missing file and a non-UTF-8 text in French (exit 2)', async () => {
    const m = memoryIO();
    expect(await main(['scan', 'absent.txt'], m.io)).toBe(2);
    expect(m.err()).toContain('fichier introuvable');
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-scan-'));
    const file = join(dir, 'latin1.txt');
    await writeFile(file, Buffer.from([0x4d, 0x6d, 0x65, 0x20, 0xe9, 0xe9]));
    const n = memoryIO();
    expect(await main(['scan', file], n.io)).toBe(2);
    expect(n.err()).toContain('UTF-8');
  });
});

describe('passerelle anonymise', () => {
  it('prints the pseudonymised text and the residual risks', async () => {
    const m = memoryIO(text);
    expect(await main(['anonymise', '-'], m.io)).toBe(0);
    expect(m.out()).toBe('Bonjour, la maman de [Enfant A] est joignable au [Téléphone].');
    expect(m.err()).toContain('pseudonymisé, pas anonyme');
  });
  it('rejects an unknown policy', async () => {
    const m = memoryIO(text);
    expect(await main(['anonymise', '--policy', 'public', '-'], m.io)).toBe(2);
    expect(m.err()).toContain('politique inconnue');
  });
});
