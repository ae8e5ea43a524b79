// The server of `npm start`, the browser tests and the benchmark, on a small site of its own:
// folders, their trailing-slash redirects (never to another host), the 404 page, the `_headers`
// file's headers on every answer, the tests' no-store, gzip for the benchmark, and nothing
// outside the folder.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

const POLICY = "default-src 'none'; frame-ancestors 'none'";
const STYLE = `main { color: #222; }\n`.repeat(200);

let parent: string;
let site: string;

/** A request with the path exactly as given (fetch would normalise `/./` and `//`). */
function raw(
  server: StaticServer,
  requestPath: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: requestPath, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'naravard-static-server-'));
  site = path.join(parent, 'dist');
  await mkdir(path.join(site, 'regioner', 'fyrbodal'), { recursive: true });
  await mkdir(path.join(site, 'pagefind', 'fragment'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Start</title>');
  await writeFile(
    path.join(site, 'regioner', 'index.html'),
    '<!doctype html><title>Regioner</title>',
  );
  await writeFile(
    path.join(site, 'regioner', 'fyrbodal', 'index.html'),
    '<!doctype html><title>Fyrbodal</title>',
  );
  await writeFile(path.join(site, '404.html'), '<!doctype html><title>Sidan finns inte</title>');
  await writeFile(path.join(site, 'style.css'), STYLE);
  await writeFile(
    path.join(site, 'pagefind', 'fragment', 'a.pf_fragment'),
    Buffer.from([31, 139, 8]),
  );
  await writeFile(
    path.join(site, '_headers'),
    `/*\n  Content-Security-Policy: ${POLICY}\n  X-Content-Type-Options: nosniff\n/pagefind/*\n  Cache-Control: max-age=60\n`,
  );
  // Beside the site, not in it: never served.
  await writeFile(path.join(parent, 'secret.txt'), 'hemligt');
});

afterAll(() => rm(parent, { recursive: true, force: true }));

describe('the static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(site);
  });
  afterAll(() => server.close());

  it("serves folders' index.html with the _headers file's headers, and records the requests", async () => {
    const response = await fetch(`${server.url}/regioner/fyrbodal/?q=1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Fyrbodal</title>');
    expect(response.headers.get('content-type')).toMatch(/^text\/html; ?charset=utf-8$/);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBeNull();
    expect(server.requests).toContain('/regioner/fyrbodal/?q=1');

    const style = await fetch(`${server.url}/style.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('content-security-policy')).toBe(POLICY);
    expect(await style.text()).toBe(STYLE);

    const fragment = await fetch(`${server.url}/pagefind/fragment/a.pf_fragment`);
    expect(fragment.headers.get('content-type')).toBe('application/octet-stream');
    expect(fragment.headers.get('cache-control')).toBe('max-age=60');
    expect(fragment.headers.get('content-encoding')).toBeNull();
  });

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const response = await fetch(`${server.url}/regioner/fyrbodal?q=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/regioner/fyrbodal/?q=1');
  });

  it('never redirects to another host, however the path is written', async () => {
    for (const written of [
      '/.//regioner',
      '//regioner',
      '/\\regioner',
      '/%2F/regioner',
      '/./regioner',
    ]) {
      const response = await raw(server, written);
      expect(response.status, written).toBe(301);
      expect(response.headers.location, written).toBe('/regioner/');
    }
  });

  it("answers what is not there with the site's 404 page, status 404 and the headers", async () => {
    for (const pathname of ['/finns-inte/', '/finns-inte', '/style.css/x']) {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.status, pathname).toBe(404);
      expect(await response.text(), pathname).toContain('<title>Sidan finns inte</title>');
      expect(response.headers.get('content-type')).toMatch(/^text\/html; ?charset=utf-8$/);
      expect(response.headers.get('content-security-policy'), pathname).toBe(POLICY);
    }
  });

  it('serves nothing outside its folder', async () => {
    for (const written of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2Fsecret.txt']) {
      const response = await raw(server, written);
      expect(response.status, written).not.toBe(200);
      expect(response.body.toString(), written).not.toContain('hemligt');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await raw(server, '/regioner/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await raw(server, '/regioner/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('compresses nothing unless asked', async () => {
    const response = await raw(server, '/style.css', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(STYLE);
  });
});

describe('the static server for the tests and the benchmark', () => {
  it('sends the Cache-Control it is given on every answer', async () => {
    const server = await startStaticServer(site, { cacheControl: 'no-store' });
    try {
      for (const pathname of [
        '/',
        '/style.css',
        '/pagefind/fragment/a.pf_fragment',
        '/finns-inte/',
      ]) {
        const response = await fetch(`${server.url}${pathname}`);
        expect(response.headers.get('cache-control'), pathname).toBe('no-store');
      }
    } finally {
      await server.close();
    }
  });

  it('gzips text for clients that accept gzip, and only gzip', async () => {
    const server = await startStaticServer(site, { gzip: true });
    try {
      const gzipped = await raw(server, '/style.css', {
        headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['vary']).toMatch(/accept-encoding/i);
      expect(gzipped.headers['content-security-policy']).toBe(POLICY);
      expect(gunzipSync(gzipped.body).toString()).toBe(STYLE);
      expect(gzipped.body.length).toBeLessThan(STYLE.length / 10);

      const page = await raw(server, '/finns-inte/', { headers: { 'accept-encoding': 'gzip' } });
      expect(page.status).toBe(404);
      expect(page.headers['content-encoding']).toBe('gzip');

      const brotliOnly = await raw(server, '/style.css', { headers: { 'accept-encoding': 'br' } });
      expect(brotliOnly.headers['content-encoding']).toBeUndefined();
      expect(brotliOnly.body.toString()).toBe(STYLE);

      const fragment = await raw(server, '/pagefind/fragment/a.pf_fragment', {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(fragment.headers['content-encoding']).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
