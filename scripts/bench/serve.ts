// Serves a built site on loopback the way a static host would for the benchmark's browser
// measurements: directory → index.html, the build's `_headers` (the Content-Security-Policy),
// and gzip (level 6, what common hosts use) for text files, so the bytes counted are the bytes a
// visitor would transfer. Pagefind's own files are gzip already and go as they are.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, readHeadersFile } from '../../src/lib/static-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg']);

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

export async function serveSite(root: string): Promise<BenchServer> {
  const base = path.resolve(root);
  const rules = readHeadersFile(base);
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      let file = path.resolve(base, `.${pathname}`);
      if (file !== base && !file.startsWith(base + path.sep)) return void res.writeHead(403).end();
      if (!(await isFile(file))) file = path.join(file, 'index.html');
      let status = 200;
      if (!(await isFile(file))) {
        status = 404;
        file = path.join(base, '404.html');
      }
      const extension = path.extname(file);
      const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = {
        ...headersFor(rules, url.pathname),
        'content-type': TYPES[extension] ?? 'application/octet-stream',
      };
      if (COMPRESSIBLE.has(extension) && accepts) {
        let compressed: Buffer | undefined = gzipped.get(file);
        if (!compressed) gzipped.set(file, (compressed = gzipSync(body, { level: 6 })));
        body = compressed;
        headers['content-encoding'] = 'gzip';
        headers['vary'] = 'accept-encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
