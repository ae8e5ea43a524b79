// `npm start`: builds the site (scripts/build.ts, as `npm run build` does; from the embedded
// dataset unless Sanity variables are set) and serves the built folder on http://127.0.0.1:4321/ (PORT overrides, HOST too), the
// way a static host would: a folder serves its index.html, a folder without its trailing slash
// redirects to it, anything unknown gets the site's 404 page with status 404. Every response
// carries the headers of the build's `_headers` file (Content-Security-Policy, see docs/security.md).
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFor, readHeadersFile } from '../src/lib/static-headers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.resolve(ROOT, process.env.ASTRO_OUT_DIR ?? 'dist');
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = Number(process.env.PORT ?? 4321);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

if (!process.argv.includes('--no-build')) {
  console.log('Building the site …');
  // The same build as `npm run build`: content checked first, the old folder replaced only on success.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, ASTRO_OUT_DIR: OUT_DIR },
  });
  if (build.status !== 0) {
    console.error('npm start: the build failed, see above.');
    process.exit(build.status ?? 1);
  }
}

const headerRules = readHeadersFile(OUT_DIR);

async function fileAt(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

const server = createServer((req, res) => {
  void (async () => {
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
    const target = path.resolve(OUT_DIR, `.${pathname}`);
    if (target !== OUT_DIR && !target.startsWith(OUT_DIR + path.sep)) {
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
      file = await fileAt(path.join(OUT_DIR, '404.html'));
      if (!file) {
        res
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Sidan finns inte.');
        return;
      }
    }
    res.writeHead(status, {
      ...headersFor(headerRules, url.pathname),
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  })().catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `npm start: port ${PORT} on ${HOST} is in use. Set another with PORT=4322 npm start.`
      : `npm start: ${error.message}`,
  );
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  const address = `http://${HOST.includes(':') ? `[${HOST}]` : HOST}:${PORT}/`;
  const shown = path.relative(ROOT, OUT_DIR);
  console.log(
    `\n  Nära vård is served from ${shown && !shown.startsWith('..') ? shown : OUT_DIR}/ at\n\n    ${address}\n\n  Stop with Ctrl+C.\n`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
