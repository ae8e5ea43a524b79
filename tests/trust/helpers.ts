// Helpers for the trust tests: the minimal fixture as documents and NDJSON, the real build
// command (`node scripts/build.ts`, what `npm run build` runs) in a child process, and a
// byte-for-byte fingerprint of a folder.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import { retryingSharedDotAstroRace, ROOT, withOwnAstroCache } from '../support/site.ts';
import { writeBuildMarker } from '../../scripts/site-build/swap.ts';

export { ROOT };
export const FIXTURE_DIR = path.join(ROOT, 'tests', 'fixtures', 'minimal');
export const EMBEDDED_DIR = path.join(ROOT, 'content', 'dataset');

const fixtureText = readFileSync(path.join(FIXTURE_DIR, 'data.ndjson'), 'utf8');

/**
 * A fresh folder for a test's sites and datasets, inside the repository's .cache/: builds into it
 * keep Astro's prerendered chunks to themselves, so they run beside other tests' builds (a build
 * into a folder outside the repository waits its turn: see withOwnAstroCache).
 */
export async function buildTempDir(prefix: string): Promise<string> {
  const parent = path.join(ROOT, '.cache', 'test-builds');
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, prefix));
}

/** A fresh copy of the minimal fixture's documents. */
export function fixtureDocuments(): RawDocument[] {
  return parseNdjson(fixtureText).documents;
}

export function toNdjson(documents: readonly unknown[]): string {
  return `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`;
}

/** Writes `text` as `<dir>/data.ndjson`. */
export async function writeDataset(dir: string, text: string | Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'data.ndjson'), text);
  return dir;
}

/** Variables that choose the content source: cleared unless a test sets them. */
const SOURCE_VARIABLES = [
  'CONTENT_DIR',
  'SANITY_PROJECT_ID',
  'SANITY_DATASET',
  'SANITY_API_HOST',
  'SANITY_TOKEN',
  'SANITY_MAX_ANSWER_MB',
  // The deploy settings (src/lib/site-url.ts): a shell's deploy flag would stop every test build.
  'SITE_URL',
  'NARAVARD_DEPLOY_BUILD',
];

export interface BuildRun {
  exitCode: number;
  output: string;
  /** True when `stopWhen` stopped it. */
  stopped: boolean;
  /** How long the command's output stayed open after `stopWhen` stopped it (ms). */
  closedAfterStopMs?: number;
}

export interface BuildOptions {
  outDir: string;
  env?: Record<string, string | undefined>;
  /**
   * `npm` runs `npm run build` itself; `node` (default) runs what it runs, without npm's start-up;
   * `npx` runs it as `npx node scripts/build.ts`; `shell` through `bash -c '…; …'` (a shell that
   * stays the build's parent, as a CI step's script does).
   */
  command?: 'node' | 'npm' | 'npx' | 'shell';
  timeoutMs?: number;
  /**
   * For builds the content check must stop: no lock (they may run side by side), and astro
   * gets `--help`, so a check that wrongly passed prints Astro's help instead of building (the
   * test then fails on the missing problem list) and never touches the shared caches.
   */
  expectCheckToFail?: boolean;
  /** Polled every 100 ms while the build runs: once it returns true the build gets SIGTERM. */
  stopWhen?: () => boolean | Promise<boolean>;
  /** What `stopWhen` sends (SIGTERM unless told). */
  stopSignal?: NodeJS.Signals;
}

/**
 * Runs the build command with `ASTRO_OUT_DIR=outDir` and `env`; never throws on a failed build.
 * Each build has an Astro cache folder of its own (see withOwnAstroCache), so test builds run
 * side by side, except those into folders outside the repository, which take turns.
 */
export function runBuild(options: BuildOptions): Promise<BuildRun> {
  const {
    outDir,
    env = {},
    command = 'node',
    timeoutMs = 300_000,
    expectCheckToFail = false,
    stopWhen,
    stopSignal = 'SIGTERM',
  } = options;
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_OUT_DIR: outDir,
  };
  for (const name of SOURCE_VARIABLES) delete baseEnv[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete baseEnv[name];
    else baseEnv[name] = value;
  }
  const astroArgs = expectCheckToFail ? ['--help'] : [];
  const buildScript = path.join(ROOT, 'scripts', 'build.ts');
  const [file, args] =
    command === 'npm'
      ? ['npm', ['run', '--silent', 'build', ...(astroArgs.length > 0 ? ['--', ...astroArgs] : [])]]
      : command === 'npx'
        ? ['npx', ['node', buildScript, ...astroArgs]]
        : command === 'shell'
          ? [
              'bash',
              [
                '-c',
                `'${process.execPath}' '${buildScript}' ${astroArgs.join(' ')}; echo 'after the build'`,
              ],
            ]
          : [process.execPath, [buildScript, ...astroArgs]];
  const run = (childEnv: NodeJS.ProcessEnv) =>
    new Promise<BuildRun>((resolve, reject) => {
      const child = spawn(file, args, {
        cwd: ROOT,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      let stopped = false;
      let stoppedAt = 0;
      const poll =
        stopWhen &&
        setInterval(() => {
          void Promise.resolve(stopWhen()).then((stop) => {
            if (stop && !stopped) {
              stopped = true;
              stoppedAt = Date.now();
              child.kill(stopSignal);
            }
          });
        }, 100);
      const done = () => {
        clearTimeout(timer);
        if (poll) clearInterval(poll);
      };
      child.on('error', (error) => {
        done();
        reject(error);
      });
      child.on('close', (code) => {
        done();
        // Astro colours its log when the terminal (or CI=true) asks for it: compare the text.
        resolve({
          exitCode: code ?? 1,
          output: stripVTControlCharacters(output),
          stopped,
          ...(stopped ? { closedAfterStopMs: Date.now() - stoppedAt } : {}),
        });
      });
    });
  return expectCheckToFail
    ? run(baseEnv)
    : withOwnAstroCache(env, outDir, (cacheEnv) =>
        retryingSharedDotAstroRace(() => run({ ...baseEnv, ...cacheEnv })),
      );
}

/** Every file and folder under `dir` with the SHA-256 of each file's bytes (sorted). */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const entry of entries.sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    if (entry.isDirectory()) out[`${relative}/`] = 'dir';
    else
      out[relative] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
  }
  return out;
}

/** Signs of a crash rather than a reported problem: a stack frame, an unhandled rejection. */
export const CRASH =
  /\n\s+at .+[(:]\d+|Unhandled|UnhandledPromiseRejection|uncaught|TypeError|ReferenceError|RangeError|ZodError/i;

/**
 * A test's folder (see buildTempDir) holding an earlier site in `site/dist/`: one page,
 * `gammal/index.html`, whose title is `title`, marked as an earlier build's output.
 */
export async function withEarlierSite(
  prefix: string,
  title: string,
): Promise<{ root: string; site: string; outDir: string }> {
  const root = await buildTempDir(prefix);
  const site = path.join(root, 'site');
  const outDir = path.join(site, 'dist');
  await mkdir(path.join(outDir, 'gammal'), { recursive: true });
  await writeFile(
    path.join(outDir, 'gammal', 'index.html'),
    `<!doctype html><title>${title}</title>`,
  );
  await markAsEarlierBuild(outDir);
  return { root, site, outDir };
}

/** Makes `outDir` pass for an earlier build's output (the build refuses other folders). */
export async function markAsEarlierBuild(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeBuildMarker(outDir);
}
