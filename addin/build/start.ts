/**
 * `npm start`: builds the pane and serves it over https://localhost:3000.
 * Without options it is the browser preview (local office.js, in-memory
 * workbook); with `--office` it is the build Office loads when the add-in is
 * sideloaded (`npm run start:excel|word`): office.js from Microsoft's CDN.
 * Stops cleanly on Ctrl+C.
 */
import { buildAddin } from './build';
import { localCertificate } from './certificates';
import { serveDirectory } from './serve';

export const defaultPort = 3000;

export async function main(args: string[]): Promise<number> {
  const office = args.includes('--office');
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error('Port invalide : donnez un nombre entre 1 et 65535, par exemple --port 3000.');
    return 2;
  }
  const started = Date.now();
  const build = await buildAddin({ mode: office ? 'production' : 'preview' });
  const certificate = localCertificate();
  let server;
  try {
    server = await serveDirectory(build.outDir, { port, host: 'localhost', tls: certificate });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Le port ${port} est déjà utilisé (un autre aperçu tourne ?) : arrêtez-le ou lancez npm start -- --port 3001.`,
      );
      return 2;
    }
    throw error;
  }
  const url = `${server.origin}/taskpane.html`;
  console.log(`Volet Passerelle compilé en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(
    office
      ? `Volet servi pour Office : ${url} (ouvrez Excel ou Word avec le complément chargé).`
      : `Aperçu du volet dans le navigateur : ${url}`,
  );
  if (certificate.origin === 'local') {
    console.log(
      'Certificat local auto-signé (.certs/) : le navigateur demandera de l’accepter une fois.',
    );
  }
  console.log('Ctrl+C pour arrêter.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  console.log('\nAperçu arrêté.');
  return 0;
}
