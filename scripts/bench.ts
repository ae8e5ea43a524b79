// `npm run bench -- --docs N [--seed S] [--lighthouse] [--no-browser] [--profile]`
// `npm run bench -- --docs N --peers [--runs R] [--changes edit,add,delete]`
//
// Generates a synthetic dataset of N documents (kept in .cache/bench/datasets/ and reused),
// builds and indexes the site from it with the project's own build (`node scripts/build.ts`,
// CONTENT_DIR pointing at the dataset, output in .cache/bench/dist-N/, Astro's cache in its own
// folder), and measures:
// - wall time of the whole build, ms per page, and the build's phases (from its log lines'
//   arrival times);
// - peak memory of the whole process tree (resident memory summed over every descendant, read
//   from /proc a few times a second, with each process's high-water mark: scripts/bench/process-tree.ts);
// - dist/ size, HTML page sizes, the Pagefind index's size and file count;
// - in Chromium: bytes transferred for a first and a later search and the time to the first
//   result, and the weight of a content page without images (scripts/bench/browser.ts);
// - with --lighthouse, Lighthouse scores of the start, a region, a programme and the search page.
// It writes docs/performance/bench-N.json and regenerates the table in docs/performance.md,
// with the machine it ran on (cores, CPU, memory, Node, load average). --profile runs the same
// build with Astro's process under --cpu-prof (V8 CPU profile in .cache/bench/profiles/N/), to
// see where Astro's time goes; the profiler slows it, so its figures are not written.
//
// --peers compares, in one run on the same documents, the floor of the stack (a bare Astro
// project with one route rendering the same text, then Pagefind: scripts/bench/floor.ts), this
// project's cold build (its caches cleared: scripts/bench/caches.ts) and its rebuilds after one
// edited, one added and one deleted document (on a copy of the dataset, each after the previous:
// scripts/bench/dataset-changes.ts), each figure the median of --runs runs (default 3), the runs
// interleaved so that a change in the machine's load touches every figure alike; each run's load
// average and CPU pressure are recorded. The ratios and the targets (scripts/bench/peers.ts) go
// to the JSON (`peers`) and docs/performance.md; the other figures come from the median cold
// build (its output measured before the rebuilds).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOrInstallChromium } from './chromium.ts';
import { parseBenchArgs, USAGE } from './bench/args.ts';
import { launch, measurePage, measureSearch } from './bench/browser.ts';
import { clearBuildCaches, findCacheWritesOutside } from './bench/caches.ts';
import {
  applyChange,
  changeProblem,
  readDatasetDocuments,
  writeDatasetDocuments,
  type AppliedChange,
} from './bench/dataset-changes.ts';
import { floorPages, writeFloorProject } from './bench/floor.ts';
import { floorTimesFromLines } from './bench/floor-build.ts';
import { runLighthouse } from './bench/lighthouse.ts';
import {
  chromiumVersion,
  describeDisk,
  describeMachine,
  finishMachine,
  loadAverage,
} from './bench/machine.ts';
import {
  PEER_STEPS,
  peerRatios,
  peerTargets,
  renderPeers,
  summarizeStep,
  verdict,
  type PeerRun,
  type PeerStep,
  type PeersResult,
} from './bench/peers.ts';
import { phasesFromLog } from './bench/phases.ts';
import { summarizeProfile, type CpuProfile } from './bench/profile-summary.ts';
import {
  checkTargets,
  formatBytes,
  formatValue,
  htmlSizes,
  renderLighthouse,
  renderTable,
  readResultFiles,
  replaceBetweenMarkers,
  writeFormatted,
  type BenchResult,
} from './bench/report.ts';
import { timedRun, type TimedRun } from './bench/timed-run.ts';
import { startStaticServer } from './static-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.cache', 'bench');
const RESULTS_DIR = path.join(ROOT, 'docs', 'performance');
const DOC = path.join(ROOT, 'docs', 'performance.md');
export const QUERIES: [string, string] = ['egenvård', 'kompetensutveckling'];

const parsed = parseBenchArgs(process.argv.slice(2));
if (parsed.kind !== 'options') {
  if (parsed.kind === 'error') console.error(`bench: ${parsed.message}`);
  console.log(USAGE);
  process.exit(parsed.kind === 'help' ? 0 : 2);
}
const options = parsed.options;
const { docs, seed } = options;

const log = (message: string) => console.log(`[bench] ${message}`);
const machine = describeMachine(ROOT);
log(
  `${docs.toLocaleString('en-US')} documents, seed ${seed}; ${machine.cores} cores (${machine.cpuModel}), ${formatBytes(machine.totalMemoryBytes)}, Node ${machine.node}${machine.disk ? `, ${describeDisk(machine.disk)}` : ''}, load ${machine.loadAtStart.join(' ')}`,
);
if (machine.conditions === 'shared')
  log('The machine is busy (load ≥ 0.5): figures will be slower than on a quiet machine.');
if (machine.disk?.journal === false)
  log(
    'The builds write to ext4 without a journal: a build run right after many files were deleted pays for it (docs/performance.md, "what the disk adds").',
  );

// ---------------------------------------------------------------------------
// 1. The dataset (generated once per size and seed)

const datasetDir = path.join(BENCH_DIR, 'datasets', `${docs}-seed${seed}`);
const generatorStamp = path.join(datasetDir, 'generator.stamp');
// The dataset is made again when any part of the generator changed: the command or a module of it.
const generatorDir = path.join(ROOT, 'scripts', 'dataset');
const generatorFiles = [
  path.join(ROOT, 'scripts', 'generate-dataset.ts'),
  ...(await readdir(generatorDir, { recursive: true })).map((name) =>
    path.join(generatorDir, name),
  ),
];
const generatorVersion = Math.max(
  ...(await Promise.all(generatorFiles.map(async (file) => (await stat(file)).mtimeMs))),
).toString();
if (
  !existsSync(path.join(datasetDir, 'data.ndjson')) ||
  (await readFile(generatorStamp, 'utf8').catch(() => '')) !== generatorVersion
) {
  log(`Generating the dataset into ${path.relative(ROOT, datasetDir)}/ …`);
  // The generator says why it refuses (e.g. too few documents for every region): no stack trace on top.
  await run(process.execPath, [
    path.join(ROOT, 'scripts', 'generate-dataset.ts'),
    '--docs',
    String(docs),
    '--seed',
    String(seed),
    '--out',
    datasetDir,
  ]).catch(() => {
    console.error('bench: generating the dataset failed, see above.');
    process.exit(1);
  });
  await writeFile(generatorStamp, generatorVersion);
} else {
  log(`Reusing the dataset in ${path.relative(ROOT, datasetDir)}/`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

// ---------------------------------------------------------------------------
// 2. The build, timed and sampled

const outDir = path.join(BENCH_DIR, `dist-${docs}`);
const cacheDir = path.join(BENCH_DIR, `astro-cache-${docs}`);
const profileDir = path.join(BENCH_DIR, 'profiles', String(docs));
const logDir = path.join(BENCH_DIR, 'logs');
await mkdir(logDir, { recursive: true });

/**
 * The site's one build path, `npm run build`'s command, over `contentDir`, into `outDir`, with
 * Astro's cache in `cacheDir` (kept between builds: clearBuildCaches makes the next one cold).
 * Node refuses --cpu-prof in NODE_OPTIONS, so a profiled run asks the build to start Astro's
 * process under it.
 */
function buildProject(contentDir: string, logFile: string): Promise<TimedRun> {
  return timedRun(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    logFile,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(options.profile ? { NARAVARD_ASTRO_PROFILE_DIR: profileDir } : {}),
    },
  });
}

/** A cold build: no output, content data store, incremental cache or image from an earlier run. */
async function coldBuild(contentDir: string, logFile: string): Promise<TimedRun> {
  await rm(outDir, { recursive: true, force: true });
  await clearBuildCaches(cacheDir);
  const startedAt = Date.now();
  const build = await buildProject(contentDir, logFile);
  const elsewhere = await findCacheWritesOutside(ROOT, startedAt, [BENCH_DIR]);
  if (elsewhere.length > 0)
    log(
      `warning: written during the build outside ${path.relative(ROOT, BENCH_DIR)}/: ${elsewhere.join(', ')} (a cache that clearBuildCaches in scripts/bench/caches.ts must clear, or another build running meanwhile)`,
    );
  return build;
}

const describeRun = (build: TimedRun) => {
  const pressure = build.conditions.pressureAtEnd;
  return `${build.exitCode === 0 ? 'done' : `FAILED (exit ${build.exitCode})`} in ${build.wallSeconds.toFixed(1)} s${build.cpuSeconds === undefined ? '' : ` (CPU ${build.cpuSeconds.toFixed(1)} s)`}; peak memory ${formatBytes(build.memory.peakBytes)}; load ${build.conditions.loadAtStart[0]}→${build.conditions.loadAtEnd[0]}${pressure ? `, CPU pressure avg10 ${pressure.avg10} avg60 ${pressure.avg60}` : ''}${build.conditions.pressureDuringRun === undefined ? '' : `, ${build.conditions.pressureDuringRun}% of the run stalled`}`;
};

async function reportProfile(exitCode: number): Promise<never> {
  // A profiled run: report where Astro's time went and stop (its figures are not the build's).
  for (const file of (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'))) {
    const summary = summarizeProfile(
      JSON.parse(await readFile(path.join(profileDir, file), 'utf8')) as CpuProfile,
    );
    const summaryFile = path.join(profileDir, file.replace(/\.cpuprofile$/, '.summary.json'));
    await writeFile(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
    log(
      `${file}: ${(summary.totalMs / 1000).toFixed(1)} s of samples (summary: ${path.relative(ROOT, summaryFile)})`,
    );
    for (const entry of summary.byPackage)
      log(
        `  ${entry.share.toFixed(1).padStart(5)} %  ${(entry.ms / 1000).toFixed(1).padStart(6)} s  ${entry.name}`,
      );
    log('  by function:');
    for (const entry of summary.byFunction)
      log(
        `  ${entry.share.toFixed(1).padStart(5)} %  ${(entry.ms / 1000).toFixed(1).padStart(6)} s  ${entry.name}`,
      );
  }
  process.exit(exitCode);
}

// ---------------------------------------------------------------------------
// 2b. --peers: the floor, the cold build and the rebuilds, interleaved, each --runs times

async function comparePeers(): Promise<{
  build: TimedRun;
  files: FileFigures;
  browserFigures: BenchResult['browser'];
  lighthouse: BenchResult['lighthouse'];
  peers: PeersResult;
}> {
  const workDir = path.join(BENCH_DIR, `peers-${docs}`);
  const changedDataset = path.join(workDir, 'dataset');
  const peersLogDir = path.join(logDir, `peers-${docs}`);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(changedDataset, { recursive: true });
  await rm(peersLogDir, { recursive: true, force: true });
  const original = await readDatasetDocuments(datasetDir);
  // The floor project in a temporary folder of its own, on the same disk as the build's output.
  const floorDir = await mkdtemp(path.join(os.tmpdir(), `naravard-floor-${docs}-`));
  await writeFloorProject(floorDir, floorPages(original), ROOT);
  log(
    `Floor project: ${floorDir}; runs per figure: ${options.runs}; rebuilds after: ${options.changes.join(', ') || 'none'}; logs in ${path.relative(ROOT, peersLogDir)}/`,
  );
  const loadAtStart = loadAverage();
  const runs = new Map<PeerStep, PeerRun[]>(PEER_STEPS.map((step) => [step, []]));
  const colds: TimedRun[] = [];
  let files: FileFigures | undefined;
  let browserFigures: BenchResult['browser'];
  let lighthouse: BenchResult['lighthouse'];
  let changes: AppliedChange[] = [];
  const record = (step: PeerStep, timed: TimedRun, extra: Partial<PeerRun> = {}) => {
    runs.get(step)?.push({
      exitCode: timed.exitCode,
      wallSeconds: Math.round(timed.wallSeconds * 100) / 100,
      cpuSeconds: timed.cpuSeconds,
      peakMemoryBytes: timed.memory.peakBytes,
      conditions: timed.conditions,
      ...extra,
    });
  };
  try {
    for (let round = 1; round <= options.runs; round += 1) {
      const logFile = (step: string) => path.join(peersLogDir, `${step}-${round}.log`);
      const floor = await timedRun(
        process.execPath,
        [path.join(ROOT, 'scripts', 'bench', 'floor-build.ts'), floorDir],
        { cwd: ROOT, env: process.env, logFile: logFile('floor') },
      );
      const times = floorTimesFromLines(floor.lines);
      record('floor', floor, {
        astroSeconds: times?.astroSeconds,
        pagefindSeconds: times?.pagefindSeconds,
      });
      log(
        `[${round}/${options.runs}] floor ${describeRun(floor)}${times ? ` (astro ${times.astroSeconds} s + Pagefind ${times.pagefindSeconds} s, ${times.pages} pages)` : ''}`,
      );

      await writeDatasetDocuments(changedDataset, original);
      const cold = await coldBuild(changedDataset, logFile('cold'));
      record('cold', cold);
      colds.push(cold);
      log(`[${round}/${options.runs}] cold build ${describeRun(cold)}`);
      if (cold.exitCode !== 0) continue;
      if (round === options.runs) {
        // The output of a cold build of the unchanged dataset, before the rebuilds change it.
        files = await measureOutput(outDir);
        ({ browserFigures, lighthouse } = await measureInBrowser(files));
      }

      let documents = original;
      const applied: AppliedChange[] = [];
      for (const change of options.changes) {
        const next = applyChange(documents, change);
        documents = next.documents;
        applied.push(next.applied);
        await writeDatasetDocuments(changedDataset, documents);
        const rebuild = await buildProject(changedDataset, logFile(change));
        const problem =
          rebuild.exitCode === 0 ? await changeProblem(outDir, next.applied) : undefined;
        record(change, rebuild, rebuild.exitCode === 0 ? { changeShown: !problem } : {});
        log(
          `[${round}/${options.runs}] rebuild after ${change} (${next.applied.description}) ${describeRun(rebuild)}`,
        );
        if (problem) log(`warning: the rebuild does not show the change: ${problem}`);
        if (rebuild.exitCode !== 0 || problem) break;
      }
      changes = applied;
    }
  } finally {
    await rm(floorDir, { recursive: true, force: true });
  }

  const steps: PeerStep[] = ['floor', 'cold', ...options.changes];
  const figures = steps.map((step) => summarizeStep(step, runs.get(step) ?? []));
  const ratios = peerRatios(figures);
  const medianCold =
    [...colds].sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor((colds.length - 1) / 2)] ??
    (colds[0] as TimedRun);
  return {
    build: medianCold,
    files: files ?? (await measureOutput(outDir)),
    browserFigures,
    lighthouse,
    peers: {
      runsPerFigure: options.runs,
      date: new Date().toISOString(),
      changes,
      figures,
      ratios,
      targets: peerTargets(docs, figures, ratios),
      conditions: { loadAtStart, loadAtEnd: loadAverage(), commit: machine.commit },
      incrementalBuild: await incrementalBuildEnabled(),
    },
  };
}

/** Whether astro.config.mjs turns on Astro's incremental build. */
async function incrementalBuildEnabled(): Promise<boolean> {
  const config = await readFile(path.join(ROOT, 'astro.config.mjs'), 'utf8');
  return /incrementalBuild\s*:\s*true/.test(config);
}

// ---------------------------------------------------------------------------
// 3. What it wrote

interface FileFigures {
  files: Array<{ path: string; bytes: number }>;
  html: Array<{ path: string; bytes: number }>;
  pagefindFiles: Array<{ path: string; bytes: number }>;
  indexedPages: number | undefined;
  programme: { path: string; bytes: number } | undefined;
  largest: { path: string; bytes: number } | undefined;
  largestRegion: { path: string; bytes: number } | undefined;
}

async function filesUnder(dir: string): Promise<Array<{ path: string; bytes: number }>> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { path: path.relative(dir, file), bytes: (await stat(file)).size };
      }),
  );
}

async function measureOutput(dir: string): Promise<FileFigures> {
  const files = await filesUnder(dir);
  const html = files.filter(
    (file) => file.path.endsWith('.html') && !file.path.startsWith('pagefind/'),
  );
  const entry = existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))
    ? (JSON.parse(await readFile(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      })
    : undefined;
  /** Pages by section (`program/x/index.html` → `program`), with their sizes. */
  const section = (file: string) => file.split('/')[0] as string;
  const detailPages = html.filter((file) => file.path.split('/').length === 3);
  const medianOf = (list: Array<{ path: string; bytes: number }>) =>
    [...list].sort((a, b) => a.bytes - b.bytes)[Math.floor(list.length / 2)];
  return {
    files,
    html,
    pagefindFiles: files.filter((file) => file.path.startsWith('pagefind/')),
    indexedPages: entry
      ? Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0)
      : undefined,
    programme: medianOf(detailPages.filter((file) => section(file.path) === 'program')),
    // The largest content page: the search page is the search app (its HTML holds the filter
    // tree of every region), measured by the search figures instead.
    largest: html
      .filter((file) => section(file.path) !== 'sok')
      .sort((a, b) => b.bytes - a.bytes)[0],
    largestRegion: [...detailPages.filter((file) => section(file.path) === 'regioner')].sort(
      (a, b) => b.bytes - a.bytes,
    )[0],
  };
}

const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

// ---------------------------------------------------------------------------
// 4. In the browser, and Lighthouse

async function measureInBrowser(
  output: FileFigures,
): Promise<{ browserFigures: BenchResult['browser']; lighthouse: BenchResult['lighthouse'] }> {
  let browserFigures: BenchResult['browser'];
  let lighthouse: BenchResult['lighthouse'];
  if (!options.browser && !options.lighthouse) return { browserFigures, lighthouse };
  const { programme, largest, largestRegion } = output;
  const chromePath = findOrInstallChromium({ log });
  machine.chromium = chromiumVersion(chromePath);
  const server = await startStaticServer(outDir, { gzip: true });
  try {
    if (options.browser && programme && largest) {
      log(
        `Measuring in Chromium at ${server.url}: searches "${QUERIES[0]}", "${QUERIES[1]}"; ${urlOf(programme.path)}; ${urlOf(largest.path)}`,
      );
      const browser = await launch(chromePath);
      try {
        const search = await measureSearch(browser, server.url, QUERIES);
        const contentPage = await measurePage(browser, server.url, urlOf(programme.path));
        const largestPage = await measurePage(browser, server.url, urlOf(largest.path));
        browserFigures = { ...search, contentPage, largestPage };
      } finally {
        await browser.close();
      }
    }
    if (options.lighthouse && programme && largestRegion) {
      const targets = [
        { name: 'start', path: '/' },
        { name: 'region (largest)', path: urlOf(largestRegion.path) },
        { name: 'programme (median)', path: urlOf(programme.path) },
        { name: 'search', path: '/sok/' },
      ];
      log(`Lighthouse on ${targets.map((target) => target.path).join(', ')} …`);
      lighthouse = await runLighthouse(server.url, targets, chromePath);
    }
  } finally {
    await server.close();
  }
  return { browserFigures, lighthouse };
}

// ---------------------------------------------------------------------------
// 5. The runs, and the result

// The build whose figures (time, memory, phases, output, browser) go into the table; with
// --peers the cold run of median time, its output measured before the rebuilds change it.
let build: TimedRun;
let files: FileFigures;
let browserFigures: BenchResult['browser'];
let lighthouse: BenchResult['lighthouse'];
let peers: PeersResult | undefined;
let buildCommandDataset = datasetDir;

if (!options.peers) {
  const logFile = path.join(logDir, `build-${docs}.log`);
  if (options.profile) {
    await rm(profileDir, { recursive: true, force: true });
    await mkdir(profileDir, { recursive: true });
  }
  log(`Building into ${path.relative(ROOT, outDir)}/ (log: ${path.relative(ROOT, logFile)}) …`);
  build = await coldBuild(datasetDir, logFile);
  log(`Build ${describeRun(build)}`);
  if (options.profile) await reportProfile(build.exitCode);
  files = await measureOutput(outDir);
  if (build.exitCode === 0) ({ browserFigures, lighthouse } = await measureInBrowser(files));
} else {
  ({ build, files, browserFigures, lighthouse, peers } = await comparePeers());
  buildCommandDataset = path.join(BENCH_DIR, `peers-${docs}`, 'dataset');
}

const sum = (list: ReadonlyArray<{ bytes: number }>) =>
  list.reduce((total, file) => total + file.bytes, 0);
const pages = files.html.length;
const { exitCode, wallSeconds, memory: tree, lines } = build;
const partial: Omit<BenchResult, 'targets'> = {
  schema: 1,
  docs,
  seed,
  date: new Date().toISOString(),
  machine: finishMachine(machine),
  build: {
    command: `CONTENT_DIR=${path.relative(ROOT, buildCommandDataset)} ASTRO_OUT_DIR=${path.relative(ROOT, outDir)} node scripts/build.ts`,
    exitCode,
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    pages,
    msPerPage: pages > 0 ? Math.round((wallSeconds * 1000 * 100) / pages) / 100 : 0,
    peakMemoryBytes: tree.peakBytes,
    peakMemoryProcesses: tree.peakProcesses.slice(0, 8),
    memoryTimeline: tree.timeline.map(({ at, bytes }) => ({ at, bytes })),
    phases: phasesFromLog(lines, wallSeconds),
  },
  dist: {
    bytes: sum(files.files),
    files: files.files.length,
    html: htmlSizes(files.html.map((file) => ({ path: urlOf(file.path), bytes: file.bytes }))),
    socialImages: {
      files: files.files.filter((file) => file.path.startsWith('og/')).length,
      bytes: sum(files.files.filter((file) => file.path.startsWith('og/'))),
    },
  },
  pagefind: {
    bytes: sum(files.pagefindFiles),
    files: files.pagefindFiles.length,
    pages: files.indexedPages,
  },
  browser: browserFigures,
  lighthouse,
  peers,
};
const result: BenchResult = { ...partial, targets: checkTargets(partial) };

await mkdir(RESULTS_DIR, { recursive: true });
const jsonFile = path.join(RESULTS_DIR, `bench-${docs}.json`);
// Lighthouse scores and the comparison with the floor stay from an earlier run unless this one
// made them (each says when and on which commit it was made).
if (existsSync(jsonFile)) {
  const earlier = JSON.parse(await readFile(jsonFile, 'utf8')) as BenchResult;
  if (!result.lighthouse && earlier.lighthouse) result.lighthouse = earlier.lighthouse;
  if (!result.peers && earlier.peers) result.peers = earlier.peers;
}
await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);

const results = await readResultFiles<BenchResult>(RESULTS_DIR, 'bench');
let doc = await readFile(DOC, 'utf8');
doc = replaceBetweenMarkers(doc, 'bench', renderTable(results));
const withLighthouse = [...results]
  .sort((a, b) => b.docs - a.docs)
  .find((candidate) => candidate.lighthouse);
doc = replaceBetweenMarkers(
  doc,
  'lighthouse',
  renderLighthouse(withLighthouse?.lighthouse, withLighthouse?.docs ?? docs),
);
doc = replaceBetweenMarkers(
  doc,
  'peers',
  renderPeers(
    results.flatMap((candidate) =>
      candidate.peers
        ? [{ docs: candidate.docs, seed: candidate.seed, peers: candidate.peers }]
        : [],
    ),
  ),
);
await writeFormatted(DOC, doc);

log(`Wrote ${path.relative(ROOT, jsonFile)} and the tables in ${path.relative(ROOT, DOC)}`);
for (const target of result.targets) {
  log(
    `  ${target.met === undefined ? '?' : target.met ? 'met   ' : 'MISSED'} ${target.name}: ${formatValue(target.value, target.unit)} (limit ${formatValue(target.limit, target.unit)})`,
  );
}
if (peers) {
  log('Against the floor (medians):');
  for (const figure of peers.figures)
    log(
      `  ${figure.medianSeconds === undefined ? 'failed' : `${figure.medianSeconds.toFixed(1)} s`.padStart(8)}  ${figure.label}`,
    );
  for (const ratio of peers.ratios)
    log(
      `  ${ratio.name.padEnd(16)} ${ratio.value === undefined ? '–' : `${ratio.value.toFixed(2)}×`}${ratio.cpuValue === undefined ? '' : ` (CPU time ${ratio.cpuValue.toFixed(2)}×)`}`,
    );
  for (const target of peers.targets)
    log(
      `  ${verdict(target)}  ${target.name}: ${formatValue(target.value, target.unit)} (limit ${formatValue(target.limit, target.unit)})`,
    );
  if (!peers.incrementalBuild)
    log(
      '  The incremental build is not enabled in astro.config.mjs: the rebuilds are full builds.',
    );
}
const failed =
  exitCode !== 0 || (peers?.figures.some((figure) => figure.medianSeconds === undefined) ?? false);
process.exit(failed ? 1 : 0);
