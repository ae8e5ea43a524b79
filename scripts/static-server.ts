// Serves a built site the way a static host would: a folder serves its index.html, a folder
// without its trailing slash redirects to it, anything unknown gets the site's 404 page with
// status 404, and every response carries the headers of the build's `_headers` file (the
// Content-Security-Policy, see docs/security.md). One server for `npm start`, the browser tests
// and the benchmark; `gzip` compresses text as common hosts do (level 6), so the benchmark
// counts the bytes a visitor would transfer.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, readHeadersFile } from '../src/lib/static-headers.ts';

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
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
// Pagefind's own files are gzip already and go as they are.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg']);

export interface StaticServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Gzip text files for clients that accept it. Default false. */
  gzip?: boolean;
  /** A Cache-Control header for every response (the tests say `no-store`). Default none. */
  cacheControl?: string;
}

export interface StaticServer {
  /** `http://HOST:PORT` (no trailing slash). */
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

/** Serves `root`; rejects when the port cannot be listened on (e.g. EADDRINUSE). */
export async function startStaticServer(
  root: string,
  { port = 0, host = '127.0.0.1', gzip = false, cacheControl }: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  const requests: string[] = [];
  const headerRules = readHeadersFile(base);
  const gzipped = new Map<string, Buffer>();

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
      if (!file && (await stat(target).catch(() => undefined))?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = await fileAt(path.join(target, 'index.html'));
      }
      let status = 200;
      if (!file) {
        status = 404;
        file = await fileAt(path.join(base, '404.html'));
        if (!file) {
          res
            .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
            .end('Sidan finns inte.');
          return;
        }
      }
      const extension = path.extname(file).toLowerCase();
      const headers: Record<string, string> = {
        ...headersFor(headerRules, url.pathname),
        'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        ...(cacheControl ? { 'cache-control': cacheControl } : {}),
      };
      const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip && acceptsGzip && COMPRESSIBLE.has(extension)) {
        let body = gzipped.get(file);
        if (!body) gzipped.set(file, (body = gzipSync(await readFile(file), { level: 6 })));
        headers['content-encoding'] = 'gzip';
        headers['vary'] = 'accept-encoding';
        headers['content-length'] = String(body.length);
        res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(status, headers);
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
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
