import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRecords } from './helpers';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the store in real Chromium', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-store-browser-'));
    await build({
      entryPoints: ['tests/store/browser-entry.ts'],
      outfile: join(dir, 'entry.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      logLevel: 'error',
    });
    const script = await readFile(join(dir, 'entry.js'));
    server = createServer((request, response) => {
      if (request.url === '/entry.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      } else {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><meta charset="utf-8"><script src="/entry.js"></script>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('encrypts, stores, reads, locks and refuses a wrong passphrase', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const records = sampleRecords();
    const results = await page.evaluate(
      (data) =>
        (
          globalThis as unknown as {
            storeScenario: (r: unknown) => Promise<Record<string, unknown>>;
          }
        ).storeScenario(data),
      records,
    );
    expect(results).toEqual({
      before: 'new',
      after: 'locked',
      rawHasCodes: true,
      rawLeaks: [],
      wrong: 'store/wrong-passphrase',
      count: 8,
      found: [records[0]!.code],
      afterChange: 7,
      locked: 'store/locked',
      concurrentUnique: true,
      restored: 0,
      autoLocked: true,
    });
    await page.close();
  });
});
