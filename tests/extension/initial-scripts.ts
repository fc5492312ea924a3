/**
 * The JavaScript a built extension page loads before its first render: the
 * page's module script and preloads, and every chunk they import statically
 * (dynamic `import()`s — the lazy views — left out). Shared by the bundle
 * budget test and the bench.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Paths (relative to the extension folder) of the page's initial scripts. */
export function initialScripts(extensionDir: string, page: string): string[] {
  const html = readFileSync(join(extensionDir, page), 'utf8');
  const pending = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!.replace(/^\//, ''));
  const seen = new Set<string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(extensionDir, file), 'utf8');
    for (const m of code.matchAll(/\b(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      pending.push(relative(extensionDir, join(extensionDir, dirname(file), m[1]!)));
    }
  }
  return [...seen].sort();
}

export const gzipKb = (extensionDir: string, files: readonly string[]) =>
  files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(extensionDir, file)), { level: 9 }).length,
    0,
  ) / 1024;
