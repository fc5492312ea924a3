/**
 * Builds the add-in into `dist/addin/` (or `outDir`): the task pane bundled
 * by esbuild with each view in its own lazy chunk, the Outlook on-send
 * handler as one script, the HTML pages, the icons rasterised from the one
 * SVG and, for the preview, a local office.js.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { manifestSource } from '../manifest/source';
import { writeIcons } from './icons';
import { copyOfficeJs } from './office-js';
import { renderPage, type AddinMode } from './pages';
import { buildOnSend } from './onsend';
import { loadEsbuild } from './project';

export interface AddinBuildOptions {
  mode: AddinMode;
  /** Default `dist/addin` under the project root (the current directory). */
  outDir?: string;
  projectRoot?: string;
}

export interface AddinBuild {
  mode: AddinMode;
  outDir: string;
  /** Scripts the pane loads before its first render: the entry and its static imports. */
  initialScripts: string[];
  /** Chunks loaded on demand (views, host adapters, preview data). */
  lazyScripts: string[];
  /** Per view module (`addin/taskpane/views/…`), the chunks its first opening fetches beyond the initial scripts. */
  viewScripts: Record<string, string[]>;
  /** Every file written, absolute paths. */
  files: string[];
}

/** Office webviews: Edge WebView2 on Windows, WKWebView (Safari) on Mac and iPad. */
export const browserTargets = ['es2022', 'chrome109', 'edge109', 'safari16'];

/** How the pane's code is compiled; the bench bundles its React baseline the same way. */
export const compileOptions = {
  bundle: true,
  format: 'esm' as const,
  minify: true,
  target: browserTargets,
  jsx: 'automatic' as const,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent' as const,
};

export function taskPaneBundleOptions(projectRoot: string, outDir: string) {
  return {
    ...compileOptions,
    absWorkingDir: projectRoot,
    entryPoints: {
      taskpane: 'addin/taskpane/main.tsx',
      commands: 'addin/taskpane/commands.ts',
    },
    outdir: outDir,
    splitting: true,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked' as const,
    metafile: true,
    // iconv-lite (CSV decoding in shared/import) requires Node's `buffer`. The
    // pane never decodes bytes: with package.json's `sideEffects: false` the
    // unused reader is dropped, and `buffer` only needs to resolve.
    external: ['buffer'],
  };
}

function staticClosure(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryOutput);
  return [...seen];
}

function entryOutput(metafile: Metafile, entryPoint: string): string {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entryPoint);
  if (!found) throw new Error(`esbuild n’a pas produit ${entryPoint}.`);
  return found[0];
}

export async function buildAddin(options: AddinBuildOptions): Promise<AddinBuild> {
  const projectRoot = options.projectRoot ?? process.cwd();
  const outDir = options.outDir ?? join(projectRoot, 'dist', 'addin');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const { metafile } = await loadEsbuild().build(taskPaneBundleOptions(projectRoot, outDir));
  if (!metafile) throw new Error('esbuild n’a pas rendu de métafichier.');
  const absolute = (output: string) => join(projectRoot, output);
  const pageSrc = (output: string) => relative(outDir, absolute(output)).split('\\').join('/');
  const taskpane = entryOutput(metafile, 'addin/taskpane/main.tsx');
  const commands = entryOutput(metafile, 'addin/taskpane/commands.ts');
  const scripts = Object.keys(metafile.outputs).filter((o) => o.endsWith('.js'));
  const initial = staticClosure(metafile, taskpane);
  const commandFiles = new Set(staticClosure(metafile, commands));

  const pages = {
    'taskpane.html': renderPage({
      mode: options.mode,
      title: manifestSource.displayName.fr,
      scripts: [{ src: pageSrc(taskpane), module: true }],
      preload: initial.filter((o) => o !== taskpane).map(pageSrc),
      body: '<div id="passerelle"></div>\n    <noscript>Passerelle a besoin de JavaScript : activez-le puis rouvrez le volet.</noscript>',
    }),
    'commands.html': renderPage({
      mode: options.mode,
      title: `${manifestSource.displayName.fr} — commandes`,
      scripts: [{ src: pageSrc(commands), module: true }],
      body: '',
    }),
    // Outlook on the web and on Mac run the on-send handler from this page.
    [manifestSource.outlook.onSend.page]: renderPage({
      mode: options.mode,
      title: `${manifestSource.displayName.fr} — vérification à l’envoi`,
      scripts: [{ src: manifestSource.outlook.onSend.script, module: false }],
      body: '',
    }),
  };
  const files = Object.keys(metafile.outputs).map(absolute);
  files.push(await buildOnSend(projectRoot, outDir));
  for (const [name, html] of Object.entries(pages)) {
    writeFileSync(join(outDir, name), html);
    files.push(join(outDir, name));
  }
  files.push(...(await writeIcons(projectRoot, outDir)));
  if (options.mode === 'preview') files.push(...copyOfficeJs(outDir));

  return {
    mode: options.mode,
    outDir,
    initialScripts: initial.map(absolute),
    lazyScripts: scripts.filter((s) => !initial.includes(s) && !commandFiles.has(s)).map(absolute),
    viewScripts: Object.fromEntries(
      Object.entries(metafile.outputs)
        .filter(([, o]) => o.entryPoint?.startsWith('addin/taskpane/views/'))
        .map(([output, o]) => [
          o.entryPoint!,
          staticClosure(metafile, output)
            .filter((s) => !initial.includes(s))
            .map(absolute),
        ]),
    ),
    files,
  };
}
