// `npm start` serves the built site with the headers of its `_headers` file: the
// Content-Security-Policy (with frame-ancestors, which the pages' meta tags cannot carry) on
// pages, the 404 page and assets alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/lib/static-headers.ts';
import { ROOT } from '../support/site.ts';
import { freePort } from '../support/free-port.ts';

let dist: string;
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  dist = inject('distDir');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_OUT_DIR: dist, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not start:\n${output}`)),
      30_000,
    );
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(base)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', listen);
    server.stderr?.on('data', listen);
    server.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('npm start', () => {
  it("sends the build's _headers on pages, the 404 page and assets", async () => {
    const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
    const policy = headersFor(rules, '/')['content-security-policy'];
    expect(policy).toMatch(/^default-src 'none'; .*frame-ancestors 'none'$/);
    for (const [pathname, status] of [
      ['/', 200],
      ['/sok/', 200],
      ['/finns-inte/', 404],
      ['/pagefind/pagefind.js', 200],
    ] as const) {
      const response = await fetch(`${base}${pathname}`);
      expect(response.status, pathname).toBe(status);
      expect(response.headers.get('content-security-policy'), pathname).toBe(policy);
      expect(response.headers.get('x-content-type-options'), pathname).toBe('nosniff');
    }
  });
});
