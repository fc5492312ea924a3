/**
 * The add-in build: pages under a strict CSP with no inline script, office.js
 * from Microsoft's CDN in production and a minimal local copy in the preview,
 * icons rasterised at their sizes, views in lazy chunks; the server and the
 * local certificate.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin, type AddinBuild } from '../../addin/build/build';
import { selfSignedCertificate } from '../../addin/build/certificates';
import { officeJsFiles } from '../../addin/build/office-js';
import { contentSecurityPolicy, officeJsCdn, renderPage } from '../../addin/build/pages';
import { resolveFile } from '../../addin/build/serve';
import { iconSizes } from '../../addin/manifest/source';

function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

describe('add-in build (preview)', () => {
  let build: AddinBuild;

  beforeAll(async () => {
    build = await buildAddin({
      mode: 'preview',
      outDir: mkdtempSync(join(tmpdir(), 'passerelle-build-')),
    });
  }, 120_000);
  afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

  it('writes pages whose scripts all have a src, under a CSP without unsafe-inline or eval scripts', () => {
    for (const page of ['taskpane.html', 'commands.html', 'onsend.html']) {
      const html = readFileSync(join(build.outDir, page), 'utf8');
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(1);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\ssrc="/);
        expect(body).toBe('');
      }
      expect(html).toContain('<script src="office/office.js"></script>');
    }
    const scriptSrc = /script-src ([^;]*)/.exec(contentSecurityPolicy('preview'))![1]!;
    expect(scriptSrc).toBe("'self'");
    expect(contentSecurityPolicy('production')).toMatch(/connect-src 'self'.*frame-src 'none'/);
    expect(contentSecurityPolicy('production')).not.toMatch(
      /unsafe-eval|script-src[^;]*unsafe-inline/,
    );
  });

  it('copies only the office.js files a page outside Office loads', () => {
    const office = listFiles(build.outDir).filter((f) => f.startsWith('office/'));
    expect(office.sort()).toEqual(officeJsFiles.map((f) => `office/${f}`).sort());
  });

  it('rasterises the icon at every manifest size', () => {
    for (const size of iconSizes) {
      expect(pngSize(join(build.outDir, 'assets', `icon-${size}.png`))).toEqual([size, size]);
    }
  });

  it('keeps views and host adapters out of the initial scripts', () => {
    const names = (files: string[]) => files.map((f) => relative(build.outDir, f));
    expect(names(build.initialScripts)[0]).toMatch(/^taskpane-[A-Z0-9]+\.js$/);
    const lazy = names(build.lazyScripts).join(' ');
    for (const chunk of [
      'workbook-view',
      'about-view',
      'office-excel-host',
      'memory-excel-host',
      'sample-workbook',
      'eps-minutes-view',
      'check-document-view',
      'office-word-host',
      'memory-word-host',
      'sample-document',
    ]) {
      expect(lazy).toContain(`chunks/${chunk}-`);
      expect(names(build.initialScripts).join(' ')).not.toContain(chunk);
    }
  });

  it('never commits generated icons or certificates', () => {
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n');
    expect(tracked.filter((f) => /\.(png|pem|crt|key)$/.test(f) || f.startsWith('dist/'))).toEqual(
      [],
    );
  });
});

describe('production pages', () => {
  it('load office.js from Microsoft’s CDN, the only outside address allowed', () => {
    const html = renderPage({ mode: 'production', title: 'Passerelle', scripts: [], body: '' });
    expect(html).toContain(`<script src="${officeJsCdn}"></script>`);
    expect(contentSecurityPolicy('production')).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com;",
    );
  });
});

describe('preview server and certificate', () => {
  it('serves files only from the build folder', () => {
    const root = join(process.cwd(), 'addin');
    expect(resolveFile(root, '/manifest/source.ts?x=1')).toBe(join(root, 'manifest', 'source.ts'));
    expect(resolveFile(root, '/../package.json')).toBeNull();
    expect(resolveFile(root, '/%2e%2e/package.json')).toBeNull();
    expect(resolveFile(root, '/%E0%A4%A')).toBeNull();
    expect(resolveFile(root, '/manifest')).toBeNull();
  });

  it('generates a certificate for localhost and 127.0.0.1 that Node can parse', () => {
    const { cert, key } = selfSignedCertificate(new Date('2026-01-01T00:00:00Z'));
    const parsed = new X509Certificate(cert);
    expect(parsed.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(parsed.validTo).toContain('2027');
    expect(key).toContain('PRIVATE KEY');
  });
});
