// Shared set-up of the round-trip tests: a loopback Content Lake with a read and a write token,
// the environment content:push / content:pull read, scratch folders, and the CLI in a child
// process (as `npm run content:push` runs it).
import { createClient, type SanityClient } from '@sanity/client';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SANITY_API_VERSION } from '../../src/lib/content/source.ts';
import { startContentLake, type ContentLake, type LakeDocument } from '../support/content-lake.ts';
import { ROOT } from '../support/site.ts';

export const PROJECT_ID = 'naravard';
export const DATASET = 'production';
export const READ_TOKEN = 'sk-test-viewer-token-9f3a1c';
export const WRITE_TOKEN = 'sk-test-editor-token-4b7e2d';
export const EMBEDDED_DATASET = path.join(ROOT, 'content', 'dataset');

export function startLake(dataset: readonly LakeDocument[] = []): Promise<ContentLake> {
  return startContentLake({
    dataset,
    projectId: PROJECT_ID,
    datasetName: DATASET,
    token: READ_TOKEN,
    writeToken: WRITE_TOKEN,
  });
}

/** What content:push and content:pull read: the project, the stand-in's host, both tokens. */
export function projectEnv(lake: ContentLake, tokens: { read?: string; write?: string } = {}) {
  return {
    SANITY_PROJECT_ID: PROJECT_ID,
    SANITY_DATASET: DATASET,
    SANITY_API_HOST: lake.apiHost,
    SANITY_TOKEN: tokens.read ?? READ_TOKEN,
    SANITY_WRITE_TOKEN: tokens.write ?? WRITE_TOKEN,
  };
}

/** An editor's client (the Studio writes with the same API). */
export function editorClient(lake: ContentLake): SanityClient {
  return createClient({
    projectId: PROJECT_ID,
    dataset: DATASET,
    apiHost: lake.apiHost,
    useProjectHostname: false,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    token: WRITE_TOKEN,
  });
}

const scratchDirs: string[] = [];

/** A fresh folder under .cache/roundtrip/ (removed by removeScratchDirs). */
export async function scratchDir(name: string): Promise<string> {
  const parent = path.join(ROOT, '.cache', 'roundtrip');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `${name}-`));
  scratchDirs.push(dir);
  return dir;
}

export async function removeScratchDirs(): Promise<void> {
  for (const dir of scratchDirs.splice(0)) await rm(dir, { recursive: true, force: true });
}

export async function readLines(dir: string): Promise<string[]> {
  return (await readFile(path.join(dir, 'data.ndjson'), 'utf8')).split('\n').filter(Boolean);
}

/** Every file under `dir` as relative paths, sorted. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script>` with only `env` (plus PATH) as its environment. */
/** The caller's environment without anything that chooses content or output (for runScript). */
export function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !entry[0].startsWith('SANITY_') &&
        !['CONTENT_DIR', 'ASTRO_OUT_DIR', 'NARAVARD_PREVIEW_BUILD', 'STUDIO_URL'].includes(
          entry[0],
        ),
    ),
  );
}

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Mutations that were committed (not dry runs). */
export function writesTo(lake: ContentLake): number {
  return lake.requests.filter(
    (request) =>
      (request.route?.endpoint === 'mutate' && !request.url.includes('dryRun=true')) ||
      request.route?.endpoint === 'assets',
  ).length;
}
