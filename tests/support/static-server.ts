// A tiny static file server for the browser tests: serves a built site from a folder on a
// loopback port, the way a static host would (directory → index.html, a slash-less directory
// redirects to its slash form, unknown paths get the site's 404.html with status 404), with the
// response headers of the build's `_headers` file (the Content-Security-Policy among them).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { headersFor, readHeadersFile } from '../../src/lib/static-headers.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  /** Paths requested so far, in order (path and query string). */
  requests: string[];
  close(): Promise<void>;
}

async function fileAt(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

/** Serves `root` on 127.0.0.1 (port 0 picks a free one). Close it when done. */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = path.resolve(root);
  const requests: string[] = [];
  const headerRules = readHeadersFile(base);

  const server: Server = createServer((req, res) => {
    void (async () => {
      requests.push(req.url ?? '/');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const target = path.resolve(base, `.${pathname}`);
      if (target !== base && !target.startsWith(base + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let file = await fileAt(target);
      if (!file) {
        const info = await stat(target).catch(() => undefined);
        if (info?.isDirectory()) {
          if (!pathname.endsWith('/')) {
            res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
            return;
          }
          file = await fileAt(path.join(target, 'index.html'));
        }
      }
      let status = 200;
      if (!file) {
        status = 404;
        file = await fileAt(path.join(base, '404.html'));
        if (!file) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
      }
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(status, {
        ...headersFor(headerRules, url.pathname),
        'content-type': type,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
