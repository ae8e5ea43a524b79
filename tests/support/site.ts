// Builds the site in a child process with `npm run build`'s own command (`node scripts/build.ts`,
// without npm's start-up) into a chosen folder: the tests check what ships. Astro keeps its
// content cache in node_modules/.astro and its types in .astro/, shared by every build of this
// project, so builds are serialised with a lock folder (across vitest workers and processes).
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK = path.join(ROOT, '.cache', 'astro-build.lock');

/** Variables that choose the content source: cleared unless a build sets them, so the caller's shell cannot leak in. */
const SOURCE_VARIABLES = [
  'CONTENT_DIR',
  'SANITY_PROJECT_ID',
  'SANITY_DATASET',
  'SANITY_API_HOST',
  'SANITY_TOKEN',
  'SANITY_WRITE_TOKEN',
  'SANITY_PERSPECTIVE',
  'NARAVARD_PREVIEW_BUILD',
  // The deploy settings (src/lib/site-url.ts): a shell's deploy flag would stop every test build.
  'SITE_URL',
  'NARAVARD_DEPLOY_BUILD',
];

export interface BuildOptions {
  /** Output folder (absolute, or relative to the repository root). Emptied first. */
  outDir: string;
  /** Extra environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface BuildResult {
  outDir: string;
  exitCode: number;
  output: string;
}

export async function withLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run is stale after 10 minutes.
      const age = Date.now() - (await stat(LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 600_000) await rm(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 900_000) throw new Error(`Waited too long for ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Runs the build; resolves with the exit code and output (it does not throw on a failed build). */
export function buildSite({
  outDir,
  env = {},
  timeoutMs = 600_000,
}: BuildOptions): Promise<BuildResult> {
  const out = path.resolve(ROOT, outDir);
  return withLock(async () => {
    await rm(out, { recursive: true, force: true });
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_OUT_DIR: out,
    };
    for (const name of SOURCE_VARIABLES) delete childEnv[name];
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[name];
      else childEnv[name] = value;
    }
    return new Promise<BuildResult>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
        cwd: ROOT,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ outDir: out, exitCode: code ?? 1, output });
      });
    });
  });
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
