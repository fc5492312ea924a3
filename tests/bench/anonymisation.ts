/**
 * Scan throughput on 1 MB of mixed French text and p95 on 20 KB e-mails (the
 * dev corpus, repeated), a keystroke in the incremental scanner, and
 * `passerelle scan --help`; beside an npm peer (@openredaction/core) on the same texts.
 * Throughput is the steady state of a long-lived scanner (the add-in's task
 * pane, the extension's background): the engine first sees twenty e-mails and
 * six megabytes, as it would in use. The cold case, a fresh process scanning one
 * e-mail, has its own figure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenRedaction } from '@openredaction/core';
import { createIncrementalScanner, scan } from '../../shared/anonymisation';
import { time, type Bench } from './harness';

function corpusTexts(): string[] {
  return readFileSync(join(process.cwd(), 'tests/fixtures/anonymisation/dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** Corpus texts joined (paragraph breaks between them) up to `size` characters. */
function mixedText(texts: string[], size: number, offset = 0): string {
  let out = '';
  for (let i = offset; out.length < size; i++) out += `${texts[i % texts.length]}\n\n`;
  return out.slice(0, size);
}

export const anonymisationBench: Bench = {
  name: 'Anonymisation',
  async run() {
    const texts = corpusTexts();
    const megabyte = mixedText(texts, 1024 * 1024);
    const emails = Array.from({ length: 20 }, (_, i) => mixedText(texts, 20 * 1024, i));
    const peer = new OpenRedaction();

    // Until the engine has optimised the detectors, a scan costs up to three times its steady state.
    for (const email of emails) scan(email);
    const full = await time(() => scan(megabyte), 8, 6);
    const peerFull = await time(() => peer.detect(megabyte), 2, 1);
    let next = 0;
    const email = await time(() => scan(emails[next++ % emails.length]!), 60, 5);
    next = 0;
    const peerEmail = await time(() => peer.detect(emails[next++ % emails.length]!), 20, 2);

    const scanner = createIncrementalScanner();
    const base = emails[0]!;
    scanner.update(base);
    let typed = 0;
    const keystroke = await time(
      () => {
        typed++;
        const at = 500;
        scanner.update(`${base.slice(0, at)}${'x'.repeat(typed)}${base.slice(at)}`);
      },
      60,
      5,
    );

    const bin = join(process.cwd(), 'shared/cli/bin/passerelle.js');
    execFileSync(process.execPath, [bin, 'scan', '--help']);
    const bare = await time(() => execFileSync(process.execPath, ['-e', '']), 10, 1);
    const help = await time(() => execFileSync(process.execPath, [bin, 'scan', '--help']), 10, 1);
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
    const emailFile = join(dir, 'courriel.txt');
    writeFileSync(emailFile, emails[0]!);
    // Exit status 1 means «direct identifiers found»: expected here.
    const cold = await time(
      () => spawnSync(process.execPath, [bin, 'scan', '--json', emailFile]),
      5,
      1,
    );
    rmSync(dir, { recursive: true, force: true });

    const mbps = (ms: number) => megabyte.length / 1024 / 1024 / (ms / 1000);
    return [
      {
        name: 'scan, 1 Mo de texte mêlé (débit)',
        value: mbps(full.median),
        unit: 'Mo/s',
        baseline: { name: '@openredaction/core', value: mbps(peerFull.median) },
        target: '≥ 5 Mo/s',
        pass: mbps(full.median) >= 5,
      },
      {
        name: 'scan, courriel de 20 Ko (p95)',
        value: email.p95,
        unit: 'ms',
        baseline: { name: '@openredaction/core', value: peerEmail.p95 },
        target: '< 10 ms',
        pass: email.p95 < 10,
      },
      {
        name: 'frappe dans un courriel de 20 Ko (incrémental, p95)',
        value: keystroke.p95,
        unit: 'ms',
        baseline: { name: 'scan complet', value: email.p95 },
        target: '< 1 ms',
        pass: keystroke.p95 < 1,
      },
      {
        name: 'passerelle scan, courriel de 20 Ko, processus neuf (médiane)',
        value: cold.median,
        unit: 'ms',
        baseline: { name: 'passerelle scan --help', value: help.median },
        target: '< 5 000 ms (délai d’Outlook à l’envoi)',
        pass: cold.median < 5000,
      },
      {
        name: 'passerelle scan --help (médiane)',
        value: help.median,
        unit: 'ms',
        baseline: { name: 'node -e ""', value: bare.median },
        target: '< 300 ms',
        pass: help.median < 300,
      },
    ];
  },
};
