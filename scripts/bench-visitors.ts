// `npm run bench:visitors -- --docs N [--seed S] [--runs R] [--rebuild] [--no-search] [--no-lighthouse]`
//
// What a visitor gets from the N-document benchmark build (issue 16, deliverable 9), each figure
// the median of R runs (default 3), with the load average and CPU pressure of every run:
// - Lighthouse (its default mobile configuration) on the start page, the largest region page,
//   the programme, document and contact pages of median size, and /sok/;
// - a first visit's search on our /sok/ against a page that uses Pagefind's own default UI
//   (PagefindUI, from the pagefind-ui.js Pagefind writes beside the index), on the same build,
//   served by the same server, in the same run: the bytes transferred until the first result is
//   shown, the time from entering the query to that result, and a later search's bytes
//   (scripts/bench/first-visit.ts). Ours and theirs alternate run by run.
// The build is the benchmark's (the project's build over the generated dataset, in
// .cache/bench/dist-N/, as `npm run bench -- --docs N` makes it): made first when it is
// missing, or with --rebuild. The figures go to
// docs/performance/visitors-N.json and to the "Visitors" section of docs/performance.md, with
// PASS or MISS against the targets (scripts/bench/visitors.ts). No test asserts a time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findOrInstallChromium } from './chromium.ts';
import { launch } from './bench/browser.ts';
import {
  measureFirstVisit,
  PAGEFIND_UI_PATH,
  PAGEFIND_UI_SETUP,
  writePagefindUiPage,
  type SearchUiKind,
} from './bench/first-visit.ts';
import { detailPagesBySize, runLighthouse } from './bench/lighthouse.ts';
import { chromiumVersion, describeMachine } from './bench/machine.ts';
import { readResultFiles, replaceBetweenMarkers, writeFormatted } from './bench/report.ts';
import { watchConditions } from './bench/timed-run.ts';
import {
  compareSearch,
  renderVisitorsSections,
  summarizeLighthouse,
  summarizeSide,
  type FirstVisitRun,
  type LighthouseRun,
  type VisitorsResult,
} from './bench/visitors.ts';
import { startStaticServer } from './static-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const QUERIES: [string, string] = ['egenvård', 'kompetensutveckling'];
const USAGE =
  'Usage: npm run bench:visitors -- --docs N [--seed S] [--runs R] [--rebuild] [--no-search] [--no-lighthouse]';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    rebuild: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const docs = Number(values.docs);
const seed = Number(values.seed);
const runs = Number(values.runs);
if (!Number.isInteger(docs) || docs <= 0 || !Number.isInteger(seed) || !(runs >= 1)) {
  console.error(`bench:visitors: --docs must be a positive integer, --runs at least 1\n${USAGE}`);
  process.exit(2);
}

const log = (message: string) => console.log(`[bench:visitors] ${message}`);
const dist = path.join(ROOT, '.cache', 'bench', `dist-${docs}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

// The benchmark's build (scripts/bench.ts does the same): the generated dataset, then the
// project's build command over it into .cache/bench/dist-N/, with Astro's cache of its own.
// Without writing the build's figures: that is `npm run bench`'s job.
if (values.rebuild || !existsSync(path.join(dist, 'index.html'))) {
  const dataset = path.join(ROOT, '.cache', 'bench', 'datasets', `${docs}-seed${seed}`);
  if (values.rebuild || !existsSync(path.join(dataset, 'data.ndjson'))) {
    log(`Generating ${docs} documents into ${path.relative(ROOT, dataset)}/ …`);
    await run(process.execPath, [
      path.join(ROOT, 'scripts', 'generate-dataset.ts'),
      ...['--docs', String(docs), '--seed', String(seed), '--out', dataset],
    ]);
  }
  log(`Building the site into ${path.relative(ROOT, dist)}/ …`);
  await run(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
    CONTENT_DIR: dataset,
    ASTRO_OUT_DIR: dist,
    ASTRO_CACHE_DIR: path.join(ROOT, '.cache', 'bench', `astro-cache-${docs}`),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
}

const medianPage = (pages: Array<{ path: string }>) => pages[Math.floor(pages.length / 2)]?.path;
const largestPage = (pages: Array<{ path: string }>) => pages[pages.length - 1]?.path;

const lighthouseTargets = [
  { name: 'start', path: '/' },
  { name: 'region (largest)', path: largestPage(await detailPagesBySize(dist, 'regioner')) },
  { name: 'programme (median)', path: medianPage(await detailPagesBySize(dist, 'program')) },
  { name: 'document (median)', path: medianPage(await detailPagesBySize(dist, 'dokument')) },
  { name: 'contact (median)', path: medianPage(await detailPagesBySize(dist, 'kontakter')) },
  { name: 'search', path: '/sok/' },
].filter((target): target is { name: string; path: string } => target.path !== undefined);

const machine = describeMachine(ROOT);
const chromePath = findOrInstallChromium({ log });
machine.chromium = chromiumVersion(chromePath);
const lighthouseVersion = (
  JSON.parse(
    await readFile(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
  ) as { version: string }
).version;
const htmlPages = (await readdir(dist, { recursive: true })).filter(
  (file) => file.endsWith('.html') && !file.startsWith('pagefind'),
).length;

// Written before the server starts: it lists the folder's files once, at its start.
const removePagefindUiPage = await writePagefindUiPage(dist);
const server = await startStaticServer(dist, { gzip: true });
let search: VisitorsResult['search'];
let lighthouse: VisitorsResult['lighthouse'];
try {
  if (!values['no-search']) {
    const sides: Record<SearchUiKind, { path: string; runs: FirstVisitRun[] }> = {
      ours: { path: '/sok/', runs: [] },
      'pagefind-ui': { path: PAGEFIND_UI_PATH, runs: [] },
    };
    const browser = await launch(chromePath);
    try {
      for (let round = 1; round <= runs; round += 1) {
        // Alternating who goes first, so that neither always meets the warmer server.
        const order: SearchUiKind[] =
          round % 2 === 1 ? ['ours', 'pagefind-ui'] : ['pagefind-ui', 'ours'];
        for (const kind of order) {
          const side = sides[kind];
          const figures = await measureFirstVisit(browser, server.url, kind, side.path, QUERIES);
          side.runs.push(figures);
          log(
            `[${round}/${runs}] ${kind.padEnd(11)} first visit ${(figures.bytesToFirstResult / 1000).toFixed(1)} kB, ${figures.timeToFirstResultMs} ms to the first result (${figures.resultsShown} listed); later search ${(figures.laterSearchBytes / 1000).toFixed(1)} kB; load ${figures.conditions.loadAtStart[0]}`,
          );
        }
      }
    } finally {
      await browser.close();
    }
    search = compareSearch(
      QUERIES,
      summarizeSide('ours', sides.ours.path, sides.ours.runs),
      summarizeSide('Pagefind UI', sides['pagefind-ui'].path, sides['pagefind-ui'].runs),
      PAGEFIND_UI_SETUP,
    );
  }

  if (!values['no-lighthouse']) {
    const byPage = new Map<string, LighthouseRun[]>(
      lighthouseTargets.map((target) => [target.path, []]),
    );
    for (let round = 1; round <= runs; round += 1) {
      for (const target of lighthouseTargets) {
        const conditionsOfRun = watchConditions();
        const [page] = await runLighthouse(server.url, [target], chromePath);
        const conditions = conditionsOfRun();
        if (!page) throw new Error(`Lighthouse gave nothing for ${target.path}`);
        byPage.get(target.path)?.push({ page, conditions });
        log(
          `[${round}/${runs}] Lighthouse ${target.path}: ${Object.values(page.scores).join(' / ')}; load ${conditions.loadAtStart[0]}`,
        );
      }
    }
    lighthouse = lighthouseTargets.map((target) =>
      summarizeLighthouse(target.name, target.path, byPage.get(target.path) ?? []),
    );
  }
} finally {
  await removePagefindUiPage();
  await server.close();
}

const result: VisitorsResult = {
  schema: 1,
  docs,
  seed,
  date: new Date().toISOString(),
  build: {
    dist: path.relative(ROOT, dist),
    builtAt: (await stat(path.join(dist, 'index.html'))).mtime.toISOString(),
    pages: htmlPages,
  },
  machine: {
    cores: machine.cores,
    cpuModel: machine.cpuModel,
    node: machine.node,
    chromium: machine.chromium,
    commit: machine.commit,
    lighthouse: lighthouseVersion,
  },
  runsPerFigure: runs,
  search,
  lighthouse,
};

const resultsDir = path.join(ROOT, 'docs', 'performance');
await mkdir(resultsDir, { recursive: true });
const jsonFile = path.join(resultsDir, `visitors-${docs}.json`);
await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
const measured = await readResultFiles<VisitorsResult>(resultsDir, 'visitors');
await writeFormatted(
  DOC,
  replaceBetweenMarkers(await readFile(DOC, 'utf8'), 'visitors', renderVisitorsSections(measured)),
);
log(`Wrote ${path.relative(ROOT, jsonFile)} and the Visitors section of docs/performance.md`);
for (const target of search?.targets ?? [])
  log(`  ${target.verdict.padEnd(4)} ${target.name}: ${target.value ?? '–'}× (≤ ${target.limit}×)`);
for (const page of lighthouse ?? [])
  log(
    `  ${page.verdict.padEnd(4)} Lighthouse ${page.name} ${page.path}: ${Object.values(page.scores).join(' / ')}`,
  );
