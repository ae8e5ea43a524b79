// `npm run bench -- --docs N [--seed S] [--lighthouse] [--no-browser] [--profile]`
//
// Generates a synthetic dataset of N documents (kept in .cache/bench/datasets/ and reused),
// builds and indexes the site from it with the project's own build (`node scripts/build.ts`,
// CONTENT_DIR pointing at the dataset, output in .cache/bench/dist-N/, Astro's cache in its own
// folder), and measures:
// - wall time of the whole build, ms per page, and the build's phases (from its log lines'
//   arrival times);
// - peak memory of the whole process tree (resident memory summed over every descendant, read
//   from /proc every 50 ms);
// - dist/ size, HTML page sizes, the Pagefind index's size and file count;
// - in Chromium: bytes transferred for a first and a later search and the time to the first
//   result, and the weight of a content page without images (scripts/bench/browser.ts);
// - with --lighthouse, Lighthouse scores of the start, a region, a programme and the search page.
// It writes docs/performance/bench-N.json and regenerates the table in docs/performance.md,
// with the machine it ran on (cores, CPU, memory, Node, load average). --profile runs the same
// build with Astro's process under --cpu-prof (V8 CPU profile in .cache/bench/profiles/N/), to
// see where Astro's time goes; the profiler slows it, so its figures are not written.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findOrInstallChromium } from './chromium.ts';
import { launch, measurePage, measureSearch } from './bench/browser.ts';
import { runLighthouse } from './bench/lighthouse.ts';
import { chromiumVersion, describeMachine, finishMachine } from './bench/machine.ts';
import { phasesFromLog, type TimedLine } from './bench/phases.ts';
import { summarizeProfile, type CpuProfile } from './bench/profile-summary.ts';
import { sampleTreeMemory } from './bench/process-tree.ts';
import {
  checkTargets,
  formatBytes,
  htmlSizes,
  renderLighthouse,
  renderTable,
  replaceBetweenMarkers,
  writeFormatted,
  type BenchResult,
} from './bench/report.ts';
import { startStaticServer } from './static-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.cache', 'bench');
const RESULTS_DIR = path.join(ROOT, 'docs', 'performance');
const DOC = path.join(ROOT, 'docs', 'performance.md');
export const QUERIES: [string, string] = ['egenvård', 'kompetensutveckling'];

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    lighthouse: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || !values.docs) {
  console.log(
    'Usage: npm run bench -- --docs N [--seed S] [--lighthouse] [--no-browser] [--profile]',
  );
  process.exit(values.help ? 0 : 2);
}
const docs = Number(values.docs);
const seed = Number(values.seed);
if (!Number.isInteger(docs) || docs <= 0 || !Number.isInteger(seed)) {
  console.error('--docs must be a positive integer and --seed an integer');
  process.exit(2);
}

const log = (message: string) => console.log(`[bench] ${message}`);
const machine = describeMachine(ROOT);
log(
  `${docs.toLocaleString('en-US')} documents, seed ${seed}; ${machine.cores} cores (${machine.cpuModel}), ${formatBytes(machine.totalMemoryBytes)}, Node ${machine.node}, load ${machine.loadAtStart.join(' ')}`,
);
if (machine.conditions === 'shared')
  log('The machine is busy (load ≥ 0.5): figures will be slower than on a quiet machine.');

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
const logFile = path.join(BENCH_DIR, 'logs', `build-${docs}.log`);
await mkdir(path.dirname(logFile), { recursive: true });
await rm(outDir, { recursive: true, force: true });
// A cold build: no content data store or optimised images from an earlier run.
await rm(cacheDir, { recursive: true, force: true });
if (values.profile) {
  await rm(profileDir, { recursive: true, force: true });
  await mkdir(profileDir, { recursive: true });
}

// The site's one build path, `npm run build`'s command; Node refuses --cpu-prof in NODE_OPTIONS,
// so a profiled run asks the build to start Astro's process under it.
log(`Building into ${path.relative(ROOT, outDir)}/ (log: ${path.relative(ROOT, logFile)}) …`);
const started = performance.now();
const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    CONTENT_DIR: datasetDir,
    ASTRO_OUT_DIR: outDir,
    ASTRO_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(values.profile ? { NARAVARD_ASTRO_PROFILE_DIR: profileDir } : {}),
  },
});
const memory = sampleTreeMemory(child.pid as number, 50);
const lines: TimedLine[] = [];
const output: string[] = [];
// The log is written as it comes, so a long build can be watched (tail -f).
const logStream = createWriteStream(logFile);
for (const stream of [child.stdout, child.stderr]) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const at = (performance.now() - started) / 1000;
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      lines.push({ at, text: line });
      output.push(line);
      logStream.write(`${line}\n`);
    }
  });
}
const exitCode = await new Promise<number>((resolve) =>
  child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
);
const wallSeconds = (performance.now() - started) / 1000;
const tree = await memory.stop();
await new Promise((resolve) => logStream.end(resolve));
log(
  `Build ${exitCode === 0 ? 'done' : `FAILED (exit ${exitCode})`} in ${wallSeconds.toFixed(1)} s; peak memory ${formatBytes(tree.peakBytes)}`,
);

if (values.profile) {
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
// 3. What it wrote

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

const files = await filesUnder(outDir);
const sum = (list: ReadonlyArray<{ bytes: number }>) =>
  list.reduce((total, file) => total + file.bytes, 0);
const html = files.filter(
  (file) => file.path.endsWith('.html') && !file.path.startsWith('pagefind/'),
);
const pagefindFiles = files.filter((file) => file.path.startsWith('pagefind/'));
const entry = existsSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'))
  ? (JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    })
  : undefined;
const pages = html.length;

/** Pages by section (`program/x/index.html` → `program`), with their sizes. */
const section = (file: string) => file.split('/')[0] as string;
const detailPages = html.filter((file) => file.path.split('/').length === 3);
const medianOf = (list: Array<{ path: string; bytes: number }>) =>
  [...list].sort((a, b) => a.bytes - b.bytes)[Math.floor(list.length / 2)];
const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
const programme = medianOf(detailPages.filter((file) => section(file.path) === 'program'));
// The largest content page: the search page is the search app (its HTML holds the filter tree
// of every region), measured by the search figures instead.
const largest = html
  .filter((file) => section(file.path) !== 'sok')
  .sort((a, b) => b.bytes - a.bytes)[0];
const largestRegion = [...detailPages.filter((file) => section(file.path) === 'regioner')].sort(
  (a, b) => b.bytes - a.bytes,
)[0];

// ---------------------------------------------------------------------------
// 4. In the browser, and Lighthouse

let browserFigures: BenchResult['browser'];
let lighthouse: BenchResult['lighthouse'];
if (exitCode === 0 && (!values['no-browser'] || values.lighthouse)) {
  const chromePath = findOrInstallChromium(log);
  machine.chromium = chromiumVersion(chromePath);
  const server = await startStaticServer(outDir, { gzip: true });
  try {
    if (!values['no-browser'] && programme && largest) {
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
    if (values.lighthouse && programme && largestRegion) {
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
}

// ---------------------------------------------------------------------------
// 5. The result

const partial: Omit<BenchResult, 'targets'> = {
  schema: 1,
  docs,
  seed,
  date: new Date().toISOString(),
  machine: finishMachine(machine),
  build: {
    command: `CONTENT_DIR=${path.relative(ROOT, datasetDir)} ASTRO_OUT_DIR=${path.relative(ROOT, outDir)} node scripts/build.ts`,
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
    bytes: sum(files),
    files: files.length,
    html: htmlSizes(html.map((file) => ({ path: urlOf(file.path), bytes: file.bytes }))),
    socialImages: {
      files: files.filter((file) => file.path.startsWith('og/')).length,
      bytes: sum(files.filter((file) => file.path.startsWith('og/'))),
    },
  },
  pagefind: {
    bytes: sum(pagefindFiles),
    files: pagefindFiles.length,
    pages: entry
      ? Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0)
      : undefined,
  },
  browser: browserFigures,
  lighthouse,
};
const result: BenchResult = { ...partial, targets: checkTargets(partial) };

await mkdir(RESULTS_DIR, { recursive: true });
const jsonFile = path.join(RESULTS_DIR, `bench-${docs}.json`);
// Lighthouse scores stay from an earlier run unless this one ran Lighthouse.
if (!result.lighthouse && existsSync(jsonFile)) {
  const earlier = JSON.parse(await readFile(jsonFile, 'utf8')) as BenchResult;
  if (earlier.lighthouse) result.lighthouse = earlier.lighthouse;
}
await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);

const results: BenchResult[] = [];
for (const name of (await readdir(RESULTS_DIR)).filter((file) => /^bench-\d+\.json$/.test(file))) {
  results.push(JSON.parse(await readFile(path.join(RESULTS_DIR, name), 'utf8')) as BenchResult);
}
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
await writeFormatted(DOC, doc);

log(`Wrote ${path.relative(ROOT, jsonFile)} and the table in ${path.relative(ROOT, DOC)}`);
for (const target of result.targets) {
  log(
    `  ${target.met === undefined ? '?' : target.met ? 'met   ' : 'MISSED'} ${target.name}: ${target.unit === 'bytes' ? formatBytes(target.value) : target.value} (limit ${target.unit === 'bytes' ? formatBytes(target.limit) : target.limit})`,
  );
}
process.exit(exitCode === 0 ? 0 : 1);
