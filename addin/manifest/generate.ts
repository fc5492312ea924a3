/**
 * `npm run manifests`: writes both manifests from `source.ts`.
 * `-- --check` exits 1 when a committed manifest differs from what the source
 * renders; `-- --base-url https://…` renders them for a deployment.
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
  const at = args.indexOf('--base-url');
  const baseUrl = at >= 0 ? args[at + 1] : manifestSource.baseUrl;
  if (!baseUrl || !/^https:\/\/[^/]+/.test(baseUrl)) {
    console.error('Adresse de base invalide : Office exige une adresse https://…');
    return 2;
  }
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
