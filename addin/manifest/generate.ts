/**
 * `npm run manifests`: writes both committed manifests (local sideloading
 * address) from `source.ts`; `-- --check` exits 1 when one differs from what
 * the source renders. Manifests for a server: `npm run build:addin`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOutlookManifest } from './outlook';
import { manifestSource } from './source';
import { renderTaskPaneManifest } from './taskpane';

export const manifestFiles = [
  { path: 'manifest.xml', render: renderTaskPaneManifest },
  { path: 'addin/outlook/manifest.xml', render: renderOutlookManifest },
] as const;

export async function main(args: string[]): Promise<number> {
  const baseUrl = manifestSource.baseUrl;
  const check = args.includes('--check');
  let stale = 0;
  for (const file of manifestFiles) {
    const path = join(process.cwd(), file.path);
    const rendered = file.render(baseUrl);
    if (check) {
      const committed = readFileSync(path, { encoding: 'utf8', flag: 'r' });
      if (committed !== rendered) {
        stale++;
        console.error(`${file.path} ne correspond plus à la source : lancez npm run manifests.`);
      }
    } else {
      writeFileSync(path, rendered);
      console.log(`${file.path} écrit (${baseUrl}).`);
    }
  }
  return stale ? 1 : 0;
}
