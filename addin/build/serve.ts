/**
 * A static file server for the built add-in: https with the local
 * certificate (or plain http for tests), files only from the build folder,
 * no directory listing, French 404.
 */
import { createReadStream, statSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface ServeOptions {
  port: number;
  host: string;
  /** https when given; plain http otherwise (tests). */
  tls?: { key: string; cert: string };
}

export interface RunningServer {
  /** e.g. `https://localhost:3000` */
  origin: string;
  close(): Promise<void>;
}

/** The file a URL path names inside `root`, or null (outside it, or not a file). */
export function resolveFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'taskpane.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

function handler(root: string) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const file =
      request.method === 'GET' || request.method === 'HEAD'
        ? resolveFile(root, request.url ?? '/')
        : null;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Fichier introuvable dans le volet Passerelle.');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}

export function serveDirectory(root: string, options: ServeOptions): Promise<RunningServer> {
  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler(root))
    : createHttpServer(handler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host =
        options.host === '127.0.0.1' || options.host === '::1' ? options.host : 'localhost';
      resolve({
        origin: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
