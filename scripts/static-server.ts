// Serves a built site the way a static host would: a folder serves its index.html, a folder
// without its trailing slash redirects to it, anything unknown gets the site's 404 page with
// status 404, and every response carries the headers of the build's `_headers` file (the
// Content-Security-Policy, see docs/security.md). One server for `npm start`, the browser tests
// and the benchmark. Files are served by sirv; `gzip` compresses text with `compression`
// (level 6, as common hosts do), so the benchmark counts the bytes a visitor would transfer.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { headersFor, readHeadersFile } from '../src/lib/static-headers.ts';

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

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The request's path and query, read as a path even when it starts with `//` (which `new URL(path, base)` reads as a host). */
function requestUrl(req: IncomingMessage): URL {
  return new URL(`http://localhost${req.url?.startsWith('/') ? req.url : '/'}`);
}

/** The Content-Type a static host sends for a file name: UTF-8 text, unknown types as bytes. */
function contentType(name: string): string {
  const type = lookup(name) ?? 'application/octet-stream';
  return /^text\/|\/(?:json|xml|javascript)$|\+xml$/.test(type) && !type.includes('charset')
    ? `${type}; charset=utf-8`
    : type;
}

/**
 * Where a folder requested without its trailing slash redirects: built from the folder's path
 * inside the site, so the answer is always a path on this host. (Built from the request, `/.//x`
 * would give `Location: //x/`, which a browser reads as another host.)
 */
function folderLocation(base: string, folder: string, search: string): string {
  const segments = path.relative(base, folder).split(path.sep).filter(Boolean);
  return `/${segments.map(encodeURIComponent).join('/')}${segments.length > 0 ? '/' : ''}${search}`;
}

/** Serves `root`; rejects when the port cannot be listened on (e.g. EADDRINUSE). */
export async function startStaticServer(
  root: string,
  { port = 0, host = '127.0.0.1', gzip = false, cacheControl }: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  const requests: string[] = [];
  const headerRules = readHeadersFile(base);
  const setHeaders = (res: ServerResponse, pathname: string) => {
    for (const [name, value] of Object.entries(headersFor(headerRules, pathname)))
      res.setHeader(name, value);
    if (cacheControl) res.setHeader('cache-control', cacheControl);
  };

  const onlyRead: Handler = (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') next();
    else res.writeHead(405, { allow: 'GET, HEAD' }).end();
  };

  const folderRedirect: Handler = (req, res, next) => {
    const url = requestUrl(req);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = path.resolve(base, `.${pathname}`);
    if (pathname.endsWith('/') || !target.startsWith(base + path.sep)) {
      next();
      return;
    }
    void stat(target).then(
      (info) => {
        if (info.isDirectory())
          res.writeHead(301, { location: folderLocation(base, target, url.search) }).end();
        else next();
      },
      () => next(),
    );
  };

  const files = sirv(base, {
    dotfiles: false,
    // As static hosts do: a browser revalidates a cached file with If-None-Match and gets a 304.
    etag: true,
    setHeaders: (res, pathname) => {
      // sirv leaves types it does not know (Pagefind's files) empty.
      if (path.extname(pathname)) res.setHeader('content-type', contentType(pathname));
      setHeaders(res, pathname);
    },
  });

  const notFound: Handler = (req, res) => {
    const page = path.join(base, '404.html');
    void stat(page).then(
      () => {
        setHeaders(res, requestUrl(req).pathname);
        res.writeHead(404, { 'content-type': contentType(page) });
        if (req.method === 'HEAD') res.end();
        else
          createReadStream(page)
            .on('error', () => res.destroy())
            .pipe(res);
      },
      () => res.writeHead(404, { 'content-type': contentType('.txt') }).end('Sidan finns inte.'),
    );
  };

  const compress = gzip
    ? (compression({
        level: 6,
        threshold: 0,
        // Pagefind's own files are gzip already and go as they are (bytes, as hosts send them).
        filter: (req, res) =>
          !String(res.getHeader('content-type')).startsWith('application/octet-stream') &&
          compression.filter(req, res),
      }) as unknown as Handler)
    : undefined;
  const handlers: Handler[] = [
    onlyRead,
    ...(compress
      ? [
          ((req, res, next) => {
            // The benchmark's figures are gzip (as the page budgets are): no brotli.
            req.headers['accept-encoding'] = String(req.headers['accept-encoding'] ?? '')
              .split(',')
              .filter((coding) => !/^\s*br\b/.test(coding))
              .join(',');
            compress(req, res, next);
          }) satisfies Handler,
        ]
      : []),
    folderRedirect,
    (req, res, next) => files(req, res, next),
    notFound,
  ];

  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    const run = (index: number): void => {
      try {
        handlers[index]?.(req, res, () => run(index + 1));
      } catch {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    };
    run(0);
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
