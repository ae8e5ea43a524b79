// `npm start`: builds the site (scripts/build.ts, as `npm run build` does; from the embedded
// dataset unless Sanity variables are set) and serves the built folder on http://127.0.0.1:4321/
// (PORT overrides, HOST too) the way a static host would (scripts/static-server.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from './static-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.resolve(ROOT, process.env.ASTRO_OUT_DIR ?? 'dist');
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = Number(process.env.PORT ?? 4321);

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

let server: StaticServer;
try {
  server = await startStaticServer(OUT_DIR, { host: HOST, port: PORT });
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(
    code === 'EADDRINUSE'
      ? `npm start: port ${PORT} on ${HOST} is in use. Set another with PORT=4322 npm start.`
      : `npm start: ${message}`,
  );
  process.exit(1);
}
const shown = path.relative(ROOT, OUT_DIR);
console.log(
  `\n  Nära vård is served from ${shown && !shown.startsWith('..') ? shown : OUT_DIR}/ at\n\n    ${server.url}/\n\n  Stop with Ctrl+C.\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void server.close().then(() => process.exit(0)));
