// The one way the tests build the site: `npm run build`'s own command (`node scripts/build.ts`,
// without npm's start-up, or npm, npx or a shell when a test is about those) in a child process,
// into a chosen folder, so the tests check what ships. runBuild reports how the run ended (and can
// stop it, for the tests of signals); buildSite and buildSiteOrThrow build a folder for reading.
// Each test build has Astro's cache folder (its content data store, ASTRO_CACHE_DIR) to itself,
// so builds of different datasets run side by side (the rest of what Astro writes in .astro/ is
// the same for every dataset and written atomically), except builds into folders outside the
// repository, which take turns (see withOwnAstroCache).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { acquireLockFolder } from './lock-folder.ts';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Variables that choose the content source: cleared unless a build sets them, so the caller's shell cannot leak in. */
const SOURCE_VARIABLES = [
  'CONTENT_DIR',
  'SANITY_PROJECT_ID',
  'SANITY_DATASET',
  'SANITY_API_HOST',
  'SANITY_TOKEN',
  'SANITY_WRITE_TOKEN',
  'SANITY_PERSPECTIVE',
  'SANITY_MAX_ANSWER_MB',
  'NARAVARD_PREVIEW_BUILD',
  // The deploy settings (src/lib/site-url.ts): a shell's deploy flag would stop every test build.
  'SITE_URL',
  'NARAVARD_DEPLOY_BUILD',
];

export interface BuildResult {
  outDir: string;
  exitCode: number;
  output: string;
}

/**
 * Astro keeps the prerendered chunks of a build whose output folder is outside its working
 * directory (the repository) in the repository's .astro/.prerender/, and removes that folder when
 * it has generated the pages: such builds take turns. Builds into folders inside the repository
 * keep those chunks in their own output folder and run side by side.
 */
const OUTSIDE_REPOSITORY_LOCK = path.join(ROOT, '.cache', 'astro-prerender.lock');

function isInsideRepository(dir: string): boolean {
  return path.resolve(ROOT, dir).startsWith(`${ROOT}${path.sep}`);
}

/**
 * Astro's content sync writes `.astro/content-assets.mjs` through one fixed `….tmp` name in the
 * repository, so two builds syncing at the same instant can rename each other's file away
 * (withastro/astro#12992, #16782: "UnknownFilesystemError … rename '…/.astro/….tmp'"). Only
 * test builds run side by side in one checkout: such a build is run once more, and only for
 * exactly that failure.
 */
export function failedOnSharedDotAstro(result: { exitCode: number; output: string }): boolean {
  return (
    result.exitCode !== 0 &&
    result.output.includes('UnknownFilesystemError') &&
    /rename '[^']*[\\/]\.astro[\\/][^']*\.tmp'/.test(result.output)
  );
}

/**
 * Runs `build`, and once more when it failed on the race above. The output is the second run's,
 * with the first's failing rename in a note: not the first's stack trace, which a test of the
 * build's own output (no stack trace, no unhandled error) would take for the second run's.
 */
export async function retryingSharedDotAstroRace<T extends { exitCode: number; output: string }>(
  build: () => Promise<T>,
): Promise<T> {
  const first = await build();
  if (!failedOnSharedDotAstro(first)) return first;
  const second = await build();
  const failure = /[^\n]*rename '[^']*[\\/]\.astro[\\/][^\n]*/.exec(first.output)?.[0]?.trim();
  return {
    ...second,
    output: `${second.output}\n(run again: the first attempt failed on Astro's shared .astro/ race: ${failure})`,
  };
}

/**
 * Runs `work`, the build into `outDir`, with a fresh Astro cache folder of its own (unless
 * `env` names one), removed afterwards; `work` gets the variable to pass to the build.
 */
export async function withOwnAstroCache<T>(
  env: Record<string, string | undefined>,
  outDir: string,
  work: (cacheEnv: { ASTRO_CACHE_DIR: string }) => Promise<T>,
): Promise<T> {
  const release = isInsideRepository(outDir)
    ? async () => undefined
    : await acquireLockFolder(OUTSIDE_REPOSITORY_LOCK);
  try {
    const given = env['ASTRO_CACHE_DIR'];
    if (given) return await work({ ASTRO_CACHE_DIR: given });
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'naravard-astro-cache-'));
    try {
      return await work({ ASTRO_CACHE_DIR: cacheDir });
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
}

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

/** Builds into `outDir` (emptied first); resolves with the exit code and output (it does not throw on a failed build). */
export async function buildSite({
  outDir,
  env = {},
  timeoutMs = 600_000,
}: Pick<BuildOptions, 'outDir' | 'env' | 'timeoutMs'>): Promise<BuildResult> {
  const out = path.resolve(ROOT, outDir);
  await rm(out, { recursive: true, force: true });
  const { exitCode, output } = await runBuild({ outDir: out, env, timeoutMs });
  return { outDir: out, exitCode, output };
}

/** Like buildSite, but throws with the build's output when it fails. */
export async function buildSiteOrThrow(options: BuildOptions): Promise<string> {
  const result = await buildSite(options);
  if (result.exitCode !== 0)
    throw new Error(`npm run build failed (exit ${result.exitCode}):\n${result.output}`);
  return result.outDir;
}

/** Every file under `dir`, as sorted paths relative to it. */
export async function listFiles(
  dir: string,
  filter: (file: string) => boolean = () => true,
): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter(filter)
    .sort();
}
