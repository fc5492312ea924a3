/**
 * Builds `onsend.js`, the Outlook on-send handler: ONE classic script (iife,
 * no import, no module, no chunk) with the anonymisation core bundled in,
 * because classic Outlook on Windows runs it alone in a JavaScript-only
 * runtime. The build fails if anything is left to import at run time.
 */
import { join } from 'node:path';
import { manifestSource } from '../manifest/source';
import { browserTargets } from './build';
import { loadEsbuild } from './project';

export const onSendEntry = 'addin/onsend/main.ts';

export function onSendBundleOptions(projectRoot: string, outDir: string) {
  return {
    absWorkingDir: projectRoot,
    entryPoints: [onSendEntry],
    outfile: join(outDir, manifestSource.outlook.onSend.script),
    bundle: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    minify: true,
    target: browserTargets,
    legalComments: 'none' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent' as const,
    metafile: true,
    // As for the pane: iconv-lite (the email core's file readers) names Node's
    // `buffer`; the handler never reads files, so tree-shaking drops it, and
    // the check below fails the build if a `require` were left.
    external: ['buffer'],
  };
}

/** Writes `onsend.js` into `outDir`; returns its path. */
export async function buildOnSend(projectRoot: string, outDir: string): Promise<string> {
  const options = onSendBundleOptions(projectRoot, outDir);
  const { metafile } = await loadEsbuild().build(options);
  const outputs = Object.values(metafile?.outputs ?? {});
  if (outputs.length !== 1 || outputs.some((o) => o.imports.length)) {
    throw new Error('onsend.js doit être un seul fichier sans import : vérifiez ses dépendances.');
  }
  return options.outfile;
}
