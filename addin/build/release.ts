/**
 * `npm run build:addin -- --base-url https://serveur/passerelle`: the files
 * to publish on the team's web server — the production build (office.js from
 * Microsoft's CDN) in `dist/addin/`, with both manifests rendered for that
 * address beside it (`manifest.xml`, `outlook-manifest.xml`) for the
 * administrator to deploy.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOutlookManifest } from '../manifest/outlook';
import { renderTaskPaneManifest } from '../manifest/taskpane';
import { buildAddin } from './build';

export async function main(args: string[]): Promise<number> {
  const at = args.indexOf('--base-url');
  const baseUrl = at >= 0 ? args[at + 1] : undefined;
  if (!baseUrl || !/^https:\/\/[^/]+/.test(baseUrl)) {
    console.error(
      'Donnez l’adresse https où le volet sera publié : npm run build:addin -- --base-url https://serveur/passerelle',
    );
    return 2;
  }
  const build = await buildAddin({ mode: 'production' });
  writeFileSync(join(build.outDir, 'manifest.xml'), renderTaskPaneManifest(baseUrl));
  writeFileSync(join(build.outDir, 'outlook-manifest.xml'), renderOutlookManifest(baseUrl));
  console.log(`Complément prêt à publier dans ${build.outDir} (adresse ${baseUrl}).`);
  console.log(
    'Copiez ce dossier sur le serveur, puis déployez manifest.xml et outlook-manifest.xml depuis le centre d’administration Microsoft 365.',
  );
  return 0;
}
