// Bundles a TypeScript entry with esbuild into node_modules/.cache and reuses the
// bundle while no source file is newer, so `npx passerelle` works right after
// `npm ci` with no build step to remember, and starts fast on every later call.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sourceDirs = ['shared', 'tests/bench', 'addin'];
const skipDirs = new Set(['node_modules', 'ui', 'samples', '.output', '.wxt']);

function newestSourceTime() {
  // The lockfile and this builder count as sources: new dependencies or build options rebuild.
  let newest = Math.max(
    statSync(join(projectRoot, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirs.has(entry.name)) walk(path);
      } else if (/\.(ts|tsx|json|txt)$/.test(entry.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const dir of sourceDirs) walk(join(projectRoot, dir));
  return newest;
}

/** Returns the file URL of the bundled entry, rebuilding it when sources changed. */
export async function bundledEntry(entry, name) {
  // One cache per checkout: worktrees may share a node_modules folder.
  const checkout = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8);
  const cacheDir = join(projectRoot, 'node_modules', '.cache', 'passerelle', `${name}-${checkout}`);
  const stamp = join(cacheDir, 'stamp.json');
  const outFile = join(cacheDir, 'main.js');
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (built < newestSourceTime()) {
    const { build } = await import('esbuild');
    const staging = `${cacheDir}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    await build({
      entryPoints: { main: join(projectRoot, entry) },
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Dependencies are bundled too, so unused parts are tree-shaken and --help loads one small file.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      sourcemap: 'linked',
      logLevel: 'error',
      loader: { '.txt': 'text' },
      // Loaded from node_modules at run time: it locates its own files and drivers.
      external: ['playwright-core'],
    });
    writeFileSync(
      join(staging, 'stamp.json'),
      JSON.stringify({ entry: relative(projectRoot, entry) }),
    );
    mkdirSync(dirname(cacheDir), { recursive: true });
    rmSync(cacheDir, { recursive: true, force: true });
    try {
      renameSync(staging, cacheDir);
    } catch {
      // Another process finished the same build first: use theirs.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return pathToFileURL(outFile).href;
}
