// `npm run build`: checks the content, then builds the site into a temporary folder next to
// the output folder and swaps it in only when the whole build succeeded.
//
// 1. Content check (src/lib/content/check.ts, the loader's own code path, in a child process of
//    its own): read, integrity checks, every collection's query and zod schema. Every problem
//    is listed at once as `_id · field path · problem`; with an error nothing is built and the
//    exit code is 1. The checked entries go to Astro's loader in a file, so the content is read
//    once (the hand-over: src/lib/content/handover.ts).
// 2. `astro build` into `.<out>.building-<pid>` beside the output folder (same filesystem),
//    started as soon as the documents pass the integrity checks, so that Astro's own start
//    (~3 s), content sync and bundling overlap the queries and schemas; its pages wait for the
//    checked entries, its output is held back until the check has passed, and a failing check
//    stops it;
//    a site of 4,000 documents or more renders in two Astro processes side by side,
//    each its share of the pages, merged into that folder (src/lib/render-shards.ts), unless
//    Astro's cache holds an earlier build's pages made with the same settings: then one process
//    (scripts/site-build/render-settings.ts);
//    then, once Astro has exited, the steps after it (scripts/site-build/): the Pagefind
//    index, and beside it the social images, `_headers` and the sitemap, these from the records
//    Astro wrote of the pages it generated (src/lib/build-records.ts), not from their HTML.
// 3. On success: rename the old output away and the new one in. The old one is removed at the
//    next build's start, beside its content check (scripts/site-build/swap.ts).
//    On any failure the temporary folder is removed and the old output is left as it was.
//
// ASTRO_OUT_DIR names the output folder (default dist/). Arguments after `--` go to astro build.
// SITE_URL is the site's public address (src/lib/site-url.ts): a build without it says that its
// links point to localhost; a deploy build (NARAVARD_DEPLOY_BUILD=1) refuses to run without it,
// and no build runs with a SITE_URL that is not an absolute http(s) address.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire, enableCompileCache } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  handoverEnvironment,
  startContentCheck,
  type ContentCheckMessage,
} from '../src/lib/content/handover.ts';
import { formatProblem, printable } from '../src/lib/content/problems.ts';
import { whenStartersEnd } from '../src/lib/processes.ts';
import { cacheFolder, projectCache } from '../src/lib/build-cache.ts';
import { BUILD_RECORDS, mergeBuildRecords, readBuildRecords } from '../src/lib/build-records.ts';
import { isPreviewBuild } from '../src/lib/preview.ts';
import {
  RENDER_SHARD,
  RENDER_SHARDS_SYNCED,
  renderShardCount,
  renderShardServerFolder,
  renderShardsSettingProblem,
  type RenderShard,
} from '../src/lib/render-shards.ts';
import { checkSiteUrl, siteUrl } from '../src/lib/site-url.ts';
import { incrementalCacheIsWhole } from '../src/integrations/incremental-cache.ts';
import {
  keepRenderSettings,
  renderSettingsDigest,
  renderSettingsUnchanged,
} from './site-build/render-settings.ts';
import {
  mergeShardCaches,
  mergeShardOutput,
  removeEndedShardFolders,
  removeShardCaches,
} from './site-build/render-shards.ts';
import { consoleLogger, runSteps } from './site-build/steps.ts';
import {
  outputFolderProblem,
  removeLeftovers,
  shown,
  swapIn,
  SwapError,
  writeBuildMarker,
} from './site-build/swap.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// V8's code cache of the modules, for this process, the content check (which inherits the
// variable) and the steps after Astro, as Astro's CLI keeps it for its own process
// (astro/bin/astro.mjs): the check takes ~0.2 s less CPU. Not in CI, whose runs never reuse it.
if (!process.env.CI) {
  const { directory } = enableCompileCache();
  if (directory) process.env.NODE_COMPILE_CACHE ??= directory;
}
const OUT_DIR = path.resolve(ROOT, process.env.ASTRO_OUT_DIR?.trim() || 'dist');
/** The build's cache folder (src/lib/build-cache.ts), Astro's included. */
const CACHE_DIR = cacheFolder(ROOT);
const PARENT = path.dirname(OUT_DIR);
const NAME = path.basename(OUT_DIR);
const BUILDING = path.join(PARENT, `.${NAME}.building-${process.pid}`);
const REPLACED = path.join(PARENT, `.${NAME}.replaced-${process.pid}`);
const CHECKED_CONTENT_FILE = path.join(PARENT, `.${NAME}.content-${process.pid}.json`);
const RECORDS_FILE = path.join(PARENT, `.${NAME}.records-${process.pid}.json`);
// The benchmark's --profile: Astro's process under V8's CPU profiler, its profile in this folder.
const ASTRO_PROFILE_DIR = process.env.NARAVARD_ASTRO_PROFILE_DIR?.trim();

function fail(message: string, code = 1): never {
  console.error(`\n${message}\n`);
  process.exit(code);
}

// ---------------------------------------------------------------------------
// 0. The settings, before anything is read or started

const site = checkSiteUrl();
if (site.kind === 'error') fail(`${site.message}\n\nNothing was built.`);
const shardsProblem = renderShardsSettingProblem();
if (shardsProblem) fail(`${shardsProblem}\n\nNothing was built.`);
if (site.kind === 'warning') console.warn(`warning  ${site.message}`);

// ---------------------------------------------------------------------------
// 1. The content check

const outputProblem = outputFolderProblem(OUT_DIR, {
  root: ROOT,
  // As the content source reads it: relative to the working folder.
  contentDir: process.env.CONTENT_DIR?.trim() && path.resolve(process.env.CONTENT_DIR.trim()),
});
if (outputProblem) fail(`${outputProblem}\n\nNothing was built.`);
await mkdir(PARENT, { recursive: true });
/** Astro's config and lockfile for this build, to compare with those its cache was made with. */
const renderSettings = await renderSettingsDigest(ROOT);
// What earlier builds left (the site the last one replaced: ~20,000 files at 10,000 documents) is
// removed beside the content check and Astro, not before them; the swap waits for it.
const earlierLeftoversRemoved = removeLeftovers(OUT_DIR);
await removeEndedShardFolders(ROOT);
// Render shards start with empty caches of their own; what a stopped build left is stale.
await removeShardCaches(CACHE_DIR);
await rm(BUILDING, { recursive: true, force: true });

/** The output folder and records file of one render shard (the first: the build's own). */
const shardOutput = (index: number) => (index === 0 ? BUILDING : `${BUILDING}.shard-${index}`);
const shardRecords = (index: number) =>
  index === 0 ? RECORDS_FILE : RECORDS_FILE.replace(/\.json$/, `.shard-${index}.json`);
/** How many Astro processes render this build (startAstro). */
let renderShardTotal = 1;
/** Written by the first render shard once it has synced the content (RENDER_SHARDS_SYNCED). */
const SHARDS_SYNCED = `${BUILDING}.synced`;

/** Removes the other shards' output folders and records. */
async function removeShardLeftovers(): Promise<void> {
  await rm(SHARDS_SYNCED, { force: true });
  for (let index = 1; index < renderShardTotal; index++) {
    await rm(shardOutput(index), { recursive: true, force: true });
    await rm(shardRecords(index), { force: true });
  }
}

let stopping = false;
// Stops the steps after Astro (step 2b) too: Pagefind's process, and the steps not yet begun.
const stopSteps = new AbortController();
let checker: ChildProcess | undefined;
let astro: AstroRun | undefined;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  checker?.kill(signal);
  astro?.kill(signal);
  stopSteps.abort();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => stop(signal));
// A signal to `npm run build` (what a CI runner or supervisor sends) or SIGKILL does not reach
// this process: npm kills its shell and exits. The build notices that npm (or whatever started
// it) has gone and stops as if it had been sent SIGTERM.
whenStartersEnd(() => stop('SIGTERM'));
// Whoever read the build's output may have gone with its starter: writing to a closed pipe must
// not stop the clean-up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

/** Removes what this build wrote beside the output folder and stops with `message`. */
async function abandon(message: string, code = 1): Promise<never> {
  if (astro) {
    astro.kill('SIGTERM');
    await astro.exited;
  }
  await removeShardLeftovers();
  await rm(BUILDING, { recursive: true, force: true });
  await rm(CHECKED_CONTENT_FILE, { force: true });
  await rm(RECORDS_FILE, { force: true });
  return fail(message, code);
}

let describe = 'the content source';
type ContentCheckOutcome = Exclude<ContentCheckMessage, { kind: 'checking' | 'validated' }>;
const check = await new Promise<ContentCheckOutcome>((resolve) => {
  checker = startContentCheck(CHECKED_CONTENT_FILE);
  let outcome: ContentCheckOutcome | undefined;
  checker.on('message', (message: ContentCheckMessage) => {
    if (message.kind === 'checking') {
      describe = printable(message.describe);
      console.log(`Checking the content from ${describe} …`);
    } else if (message.kind === 'validated') {
      // The documents hold together; while their queries and schemas are checked, Astro starts.
      if (!stopping) astro = startAstro(message.published);
    } else outcome = message;
  });
  checker.on('error', (error) => abandon(`Could not start the content check: ${error.message}`));
  // Without an outcome the check crashed: a bug, whose stack trace it printed.
  checker.on('exit', (code, signal) =>
    outcome
      ? resolve(outcome)
      : abandon(
          stopping
            ? `The build was stopped. ${shown(OUT_DIR)} is unchanged.`
            : `The content check stopped (${signal ?? `exit code ${code}`}), see above.`,
        ),
  );
});
if (stopping) await abandon(`The build was stopped. ${shown(OUT_DIR)} is unchanged.`);
const checked =
  check.kind === 'checked'
    ? check
    : await abandon(
        check.kind === 'setup-error'
          ? // A setting that cannot work (SANITY_PERSPECTIVE, a malformed project id): say which.
            `Cannot set up the content source: ${printable(check.message, { keepNewlines: true })}`
          : `${printable(check.message, { keepNewlines: true })}\n\nNothing was built; ${shown(OUT_DIR)} is unchanged.`,
      );
for (const problem of checked.problems) {
  if (problem.severity === 'warning') console.warn(`  warning  ${formatProblem(problem)}`);
  else if (problem.severity === 'info') console.log(`  info     ${formatProblem(problem)}`);
}
if (checked.errors.length > 0) {
  const count = `${checked.errors.length} error${checked.errors.length === 1 ? '' : 's'}`;
  await abandon(
    `The content from ${describe} has ${count}:\n` +
      checked.errors.map((problem) => `  ${formatProblem(problem)}`).join('\n') +
      `\n\nNothing was built; ${shown(OUT_DIR)} is unchanged.`,
  );
}
if (checked.cached)
  console.log(
    'The content has not changed since the last check that passed: its result is reused.',
  );
console.log(`Content checked: ${checked.published} published documents.`);

// ---------------------------------------------------------------------------
// 2. astro build into the temporary folder

interface AstroRun {
  kill: (signal: NodeJS.Signals) => void;
  heapLimit: string | undefined;
  /** Prints what Astro has said so far, and from then on as it comes. */
  showOutput: () => void;
  exited: Promise<{ code: number; outOfMemory: boolean }>;
}

/**
 * The output folder as Astro is told it. Astro puts its server chunks inside the output folder
 * when that folder's path *starts with* its working folder's (a string test, `getOutDirWithinCwd`),
 * so a folder beside the repository named like it (`/work/naravard-out/` beside
 * `/work/naravard/`) got them, where Astro's own packages cannot be found ("Cannot find package
 * '@oslojs/encoding'"). Named through `/proc/self/root` (Linux: the same folder to the
 * filesystem), it fails that test, and Astro keeps its chunks in the repository's `.astro/`.
 */
function astroOutDir(dir: string): string {
  const relative = path.relative(ROOT, dir);
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  if (inside || !dir.startsWith(ROOT) || !existsSync('/proc/self/root')) return dir;
  return path.join('/proc/self/root', dir);
}

/**
 * Starts `astro build`, its output held back until the content check has passed: one process,
 * or for a large site on several cores one per render shard, each rendering its share of the
 * pages into a folder of its own (src/lib/render-shards.ts). One that fails stops the others.
 */
function startAstro(documents: number): AstroRun {
  // A rebuild with an earlier build's pages, which Astro's settings let it reuse: one process.
  const count = renderShardCount(
    documents,
    availableParallelism(),
    process.env,
    incrementalCacheIsWhole(CACHE_DIR) && renderSettingsUnchanged(CACHE_DIR, renderSettings),
  );
  renderShardTotal = count;
  if (count === 1) return startAstroProcess(documents, { index: 0, count: 1 });
  console.log(`Rendering in ${count} Astro processes side by side (${documents} documents).`);
  const runs = Array.from({ length: count }, (_, index) =>
    startAstroProcess(documents, { index, count }),
  );
  const kill = (signal: NodeJS.Signals) => runs.forEach((run) => run.kill(signal));
  // One that fails stops the others, which would otherwise wait for ever for a first that failed
  // before it had synced (RENDER_SHARDS_SYNCED).
  for (const run of runs) void run.exited.then(({ code }) => code !== 0 && kill('SIGTERM'));
  return {
    kill,
    heapLimit: runs[0]!.heapLimit,
    showOutput: () => runs.forEach((run) => run.showOutput()),
    // The first failure, else success.
    exited: Promise.all(runs.map((run) => run.exited)).then(
      (outcomes) => outcomes.find(({ code }) => code !== 0) ?? outcomes[0]!,
    ),
  };
}

function startAstroProcess(documents: number, shard: RenderShard): AstroRun {
  const require = createRequire(import.meta.url);
  const astroBin = path.join(
    path.dirname(require.resolve('astro/package.json')),
    'bin',
    'astro.mjs',
  );
  // Astro's heap limit follows the size of the content: 1 GB up to ~12,800 documents, 6 GB from
  // ~98,000. V8 lets a heap grow towards its limit before it collects in earnest, so with its
  // default (~4.5 GB here) a 10,000-document build held 1.7 GB with ~0.2 GB live at its end; a
  // limit of 1 GB kept it at 1.3 GB. At 100,000 documents Astro's process reaches ~6.3 GB (the
  // benchmark's target allows 8 GB in all, see docs/performance.md). An explicit
  // --max-old-space-size in NODE_OPTIONS still wins.
  const heapLimit = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')
    ? undefined
    : `--max-old-space-size=${Math.round(Math.min(6144, Math.max(1024, 256 + documents * 0.06)))}`;
  const child = spawn(
    process.execPath,
    [
      ...(heapLimit ? [heapLimit] : []),
      ...(ASTRO_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${ASTRO_PROFILE_DIR}`] : []),
      // Astro stops when this build is gone (SIGKILL), instead of rendering on for no one.
      `--import=${pathToFileURL(path.join(ROOT, 'scripts', 'site-build', 'exit-with-build.ts')).href}`,
      astroBin,
      'build',
      ...process.argv.slice(2),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Astro's loader takes the content the check writes, waiting for it while this build runs,
      // instead of reading the source again. Astro hands the records of the pages it generated
      // to the steps after it (step 2b) in RECORDS_FILE.
      env: {
        ...process.env,
        ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
        ASTRO_OUT_DIR: astroOutDir(shardOutput(shard.index)),
        [BUILD_RECORDS]: shardRecords(shard.index),
        ...(shard.count > 1 ? { [RENDER_SHARD]: `${shard.index}/${shard.count}` } : {}),
        ...(shard.count > 1 ? { [RENDER_SHARDS_SYNCED]: SHARDS_SYNCED } : {}),
        ...handoverEnvironment(CHECKED_CONTENT_FILE, process.pid),
      },
    },
  );
  let held: Array<[NodeJS.WriteStream, Buffer]> | undefined = [];
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const)
    from.on('data', (chunk: Buffer) => (held ? held.push([to, chunk]) : to.write(chunk)));
  const exited = new Promise<{ code: number; outOfMemory: boolean }>((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start astro build: ${error.message}`);
      resolve({ code: 1, outOfMemory: false });
    });
    child.on('close', async (code, signal) => {
      // Astro empties its chunk folder when it has rendered, but leaves the folder.
      if (shard.count > 1 && child.pid)
        await rm(renderShardServerFolder(ROOT, child.pid), { recursive: true, force: true });
      // V8 aborts a process that runs out of heap.
      resolve({
        code: code ?? (signal ? 128 : 1),
        outOfMemory: signal === 'SIGABRT' || code === 134,
      });
    });
  });
  const showOutput = () => {
    for (const [to, chunk] of held ?? []) to.write(chunk);
    held = undefined;
  };
  return { kill: (signal) => child.kill(signal), heapLimit, showOutput, exited };
}

// The check passed; Astro was started when the documents held together (or now, if a check
// with nothing to validate never said so).
astro ??= startAstro(checked.published);
astro.showOutput();
const { code: exitCode, outOfMemory } = await astro.exited;
await rm(CHECKED_CONTENT_FILE, { force: true });
if (exitCode !== 0 || stopping || !existsSync(path.join(BUILDING, 'index.html'))) {
  await removeShardLeftovers();
  await rm(BUILDING, { recursive: true, force: true });
  await rm(RECORDS_FILE, { force: true });
  const why = stopping
    ? 'The build was stopped'
    : outOfMemory
      ? `astro build ran out of memory (heap limit ${astro.heapLimit ?? process.env.NODE_OPTIONS}); give it more with NODE_OPTIONS=--max-old-space-size=<megabytes>`
      : exitCode !== 0
        ? 'The build failed, see above'
        : 'astro build wrote no index.html';
  fail(`${why}. ${shown(OUT_DIR)} is unchanged.`, exitCode || 1);
}

// ---------------------------------------------------------------------------
// 2b. The steps after Astro, once its memory is free: inside Astro's build hooks the image
// drawing (~0.3 GB) and Pagefind (0.65 GB at 10,000 pages) came on top of Astro's own ~1.3 GB.
// Pagefind runs beside the social images and `_headers` (one after the other they took ~5.8 s +
// ~11 s at 10,000 pages, and Pagefind leaves part of the second core idle). The images and
// `_headers` come from the records Astro wrote of the pages it generated, not from their HTML.
// The step modules are imported only now (satori and sharp only once a card is drawn).

// The render shards' pages go into the first one's folder, their records into one.
const records = await (async () => {
  const shards = Array.from({ length: renderShardTotal }, (_, index) => index);
  const all = await Promise.all(shards.map((index) => readBuildRecords(shardRecords(index))));
  for (const index of shards.slice(1)) await mergeShardOutput(shardOutput(index), BUILDING);
  return mergeBuildRecords(all);
})().catch(async (error: Error) => {
  await removeShardLeftovers();
  await rm(BUILDING, { recursive: true, force: true });
  return fail(`${error.message}. ${shown(OUT_DIR)} is unchanged.`);
});
await removeShardLeftovers();
await rm(RECORDS_FILE, { force: true });

/**
 * The render shards' caches become the build's one cache, kept with the settings its pages were
 * rendered with: a rebuild that Astro lets reuse them renders in one process.
 */
async function keepCacheForRebuilds(): Promise<void> {
  if (renderShardTotal > 1) {
    try {
      await mergeShardCaches(CACHE_DIR, renderShardTotal);
    } catch (error) {
      // A cache that cannot be joined costs the next build its pages, not this build.
      await removeShardCaches(CACHE_DIR);
      console.warn(
        `warning  The render processes' caches could not be joined (${(error as Error).message}): the next build renders every page.`,
      );
      return;
    }
  }
  // Without it the next build renders in two processes, as after a change of settings.
  await keepRenderSettings(CACHE_DIR, renderSettings).catch(() => {});
}

const failure = await runSteps(
  [
    [{ what: "The render processes' caches could not be joined", run: keepCacheForRebuilds }],
    [
      {
        what: 'The search index could not be built',
        run: async (signal) => {
          const { indexSite, summaryLine, SITE_SEARCH_ROOT } =
            await import('./site-build/search-index.ts');
          const summary = await indexSite(BUILDING, { signal, rootSelector: SITE_SEARCH_ROOT });
          console.log(`[naravard:pagefind] ${summaryLine(summary, BUILDING)}`);
        },
      },
    ],
    [
      {
        what: 'The social images could not be drawn',
        run: async () => {
          const { drawSocialImages } = await import('./site-build/social-images.ts');
          await drawSocialImages(
            BUILDING,
            records,
            consoleLogger('naravard:social-images'),
            projectCache(CACHE_DIR, 'social-images'),
          );
        },
      },
      {
        what: 'The security headers could not be written',
        run: async () => {
          const { writeSecurityHeaders } = await import('./site-build/security-headers.ts');
          await writeSecurityHeaders(
            BUILDING,
            records,
            consoleLogger('naravard:content-security-policy'),
          );
        },
      },
      // A preview (drafts) has no sitemap, and a robots.txt that keeps crawlers out.
      isPreviewBuild()
        ? {
            what: "The preview's robots.txt could not be written",
            run: async () => {
              const { writePreviewRobots } = await import('./site-build/preview-robots.ts');
              await writePreviewRobots(BUILDING, consoleLogger('naravard-preview'));
            },
          }
        : {
            what: 'The sitemap could not be written',
            run: async () => {
              const { writeSitemap } = await import('./site-build/sitemap.ts');
              await writeSitemap(BUILDING, records, siteUrl(), consoleLogger('naravard:sitemap'));
            },
          },
      {
        what: 'The built site failed the scan for secrets',
        run: async () => {
          const { scanForSecrets } = await import('./site-build/secret-scan.ts');
          const { files } = await scanForSecrets(BUILDING);
          console.log(`[naravard:secrets] no token in ${files} text files`);
        },
      },
    ],
  ],
  stopSteps,
);
if (stopping) {
  await rm(BUILDING, { recursive: true, force: true });
  fail(`The build was stopped. ${shown(OUT_DIR)} is unchanged.`, 1);
}
if (failure) {
  await rm(BUILDING, { recursive: true, force: true });
  const { what, error } = failure;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  fail(`${what}: ${error.message}${cause}. ${shown(OUT_DIR)} is unchanged.`);
}

// ---------------------------------------------------------------------------
// 3. Swap the new build in

await writeBuildMarker(BUILDING);
for (const warning of await earlierLeftoversRemoved) console.warn(`warning  ${warning}`);
await swapIn(BUILDING, OUT_DIR, REPLACED).catch((error: Error) =>
  error instanceof SwapError ? fail(error.message) : Promise.reject(error),
);
console.log(`\nThe site is built in ${shown(OUT_DIR)}`);
