// The benchmark's result: its JSON shape, the issue's targets checked against it, and the
// Markdown table written into docs/performance.md between markers. Pure functions, tested.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import type { BrowserFigures, ContentPageFigures } from './browser.ts';
import type { LighthousePage } from './lighthouse.ts';
import { describeDisk, type Machine } from './machine.ts';
import type { PeersResult } from './peers.ts';

export interface Phase {
  name: string;
  seconds: number;
}

export interface HtmlSizes {
  pages: number;
  medianBytes: number;
  p95Bytes: number;
  maxBytes: number;
  maxPath: string;
}

export interface BenchResult {
  schema: 1;
  docs: number;
  seed: number;
  date: string;
  machine: Machine;
  build: {
    command: string;
    exitCode: number;
    wallSeconds: number;
    /** HTML pages written. */
    pages: number;
    msPerPage: number;
    peakMemoryBytes: number;
    /** The processes at the peak, largest first. */
    peakMemoryProcesses: Array<{ name: string; bytes: number }>;
    memoryTimeline: Array<{ at: number; bytes: number }>;
    phases: Phase[];
  };
  dist: {
    bytes: number;
    files: number;
    html: HtmlSizes;
    socialImages: { files: number; bytes: number };
  };
  pagefind: { bytes: number; files: number; pages: number | undefined };
  browser?: (BrowserFigures & { largestPage: ContentPageFigures }) | undefined;
  lighthouse?: LighthousePage[] | undefined;
  /** `--peers`: against the bare-Astro floor, and the rebuilds (scripts/bench/peers.ts). */
  peers?: PeersResult | undefined;
  targets: Target[];
}

export interface Target {
  name: string;
  limit: number;
  value: number | undefined;
  unit: 'seconds' | 'ms' | 'bytes' | 'ratio';
  met: boolean | undefined;
}

const KB = 1000;
const GB = 1000 ** 3;

/** The issue's targets that apply to a run of `docs` documents. */
export function checkTargets(result: Omit<BenchResult, 'targets'>): Target[] {
  const targets: Target[] = [];
  const add = (name: string, limit: number, value: number | undefined, unit: Target['unit']) =>
    targets.push({
      name,
      limit,
      value,
      unit,
      met: value === undefined ? undefined : value <= limit,
    });
  const built = result.build.exitCode === 0;
  if (result.docs === 10_000) {
    add(
      'build and index 10,000 documents',
      30,
      built ? result.build.wallSeconds : undefined,
      'seconds',
    );
    add('build time per page', 3, built ? result.build.msPerPage : undefined, 'ms');
    add('peak memory of the build', 1.5 * GB, result.build.peakMemoryBytes, 'bytes');
  }
  if (result.docs === 100_000) {
    add(
      'build 100,000 documents within 8 GB',
      8 * GB,
      built ? result.build.peakMemoryBytes : undefined,
      'bytes',
    );
  }
  if (result.browser) {
    add('first search transferred', 100 * KB, result.browser.firstSearch.bytes, 'bytes');
    add('later search transferred', 10 * KB, result.browser.laterSearch.bytes, 'bytes');
    add(
      'content page without images (typical programme)',
      30 * KB,
      result.browser.contentPage.bytes,
      'bytes',
    );
    add(
      'content page without images (largest page)',
      30 * KB,
      result.browser.largestPage.bytes,
      'bytes',
    );
  }
  return targets;
}

/** Median, 95th percentile and largest of the HTML pages (sizes by path). */
export function htmlSizes(sizes: ReadonlyArray<{ path: string; bytes: number }>): HtmlSizes {
  const sorted = [...sizes].sort((a, b) => a.bytes - b.bytes);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]?.bytes ?? 0;
  const largest = sorted[sorted.length - 1];
  return {
    pages: sorted.length,
    medianBytes: at(0.5),
    p95Bytes: at(0.95),
    maxBytes: largest?.bytes ?? 0,
    maxPath: largest?.path ?? '',
  };
}

/** `12.3 kB`, `1.46 GB`: decimal units, as the targets are stated. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 ** 2) return `${(bytes / 1000).toFixed(1)} kB`;
  if (bytes < 1000 ** 3) return `${(bytes / 1000 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1000 ** 3).toFixed(2)} GB`;
}

/** A target's limit or value in its unit. */
export function formatValue(value: number | undefined, unit: Target['unit']): string {
  if (value === undefined) return '–';
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  return `${value.toFixed(1)} s`;
}

const mark = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**missed**';
const number = (value: number) => value.toLocaleString('en-US');

/** The figures of every run side by side (runs sorted by document count). */
export function renderTable(results: readonly BenchResult[]): string {
  const runs = [...results].sort((a, b) => a.docs - b.docs);
  if (runs.length === 0) return '_No benchmark has been run yet: `npm run bench -- --docs 1000`._';
  const row = (label: string, values: string[]) => `| ${label} | ${values.join(' | ')} |`;
  const cell = (render: (run: BenchResult) => string) =>
    runs.map((run) => {
      try {
        return render(run);
      } catch {
        return '–';
      }
    });
  const lines = [
    row(
      'documents',
      runs.map((run) => number(run.docs)),
    ),
    `| --- | ${runs.map(() => '---:').join(' | ')} |`,
    row(
      'pages built',
      cell((run) => number(run.build.pages)),
    ),
    row(
      'build + index, wall',
      cell((run) =>
        run.build.exitCode === 0
          ? `${run.build.wallSeconds.toFixed(1)} s`
          : `failed (exit ${run.build.exitCode})`,
      ),
    ),
    row(
      'per page',
      cell((run) => `${run.build.msPerPage.toFixed(2)} ms`),
    ),
    row(
      'peak memory (process tree)',
      cell((run) => formatBytes(run.build.peakMemoryBytes)),
    ),
    ...phaseRows(runs, row),
    row(
      '`dist/` size, files',
      cell((run) => `${formatBytes(run.dist.bytes)}, ${number(run.dist.files)}`),
    ),
    row(
      'HTML page median / p95 / largest',
      cell(
        (run) =>
          `${formatBytes(run.dist.html.medianBytes)} / ${formatBytes(run.dist.html.p95Bytes)} / ${formatBytes(run.dist.html.maxBytes)}`,
      ),
    ),
    row(
      'Pagefind index size, files',
      cell((run) => `${formatBytes(run.pagefind.bytes)}, ${number(run.pagefind.files)}`),
    ),
    row(
      'first search transferred',
      cell((run) =>
        run.browser
          ? `${formatBytes(run.browser.firstSearch.bytes)} (${run.browser.firstSearch.requests} requests)`
          : '–',
      ),
    ),
    row(
      'later search transferred',
      cell((run) =>
        run.browser
          ? `${formatBytes(run.browser.laterSearch.bytes)} (${run.browser.laterSearch.requests} requests)`
          : '–',
      ),
    ),
    row(
      'time to first result, first / later',
      cell((run) =>
        run.browser
          ? `${run.browser.firstSearch.timeToFirstResultMs} / ${run.browser.laterSearch.timeToFirstResultMs} ms`
          : '–',
      ),
    ),
    row(
      'content page, no images (programme)',
      cell((run) => (run.browser ? formatBytes(run.browser.contentPage.bytes) : '–')),
    ),
    row(
      'largest page, no images',
      cell((run) =>
        run.browser
          ? `${formatBytes(run.browser.largestPage.bytes)} (\`${run.browser.largestPage.path}\`)`
          : '–',
      ),
    ),
    row(
      'machine',
      cell(
        (run) =>
          `${run.machine.cores} cores, ${formatBytes(run.machine.totalMemoryBytes)}, Node ${run.machine.node}${run.machine.disk ? `, ${describeDisk(run.machine.disk)}` : ''}`,
      ),
    ),
    row(
      'load at start (1/5/15 min)',
      cell((run) => `${run.machine.loadAtStart.join(' / ')} (${run.machine.conditions})`),
    ),
    row(
      'run',
      cell(
        (run) =>
          `${run.date.slice(0, 16).replace('T', ' ')}, seed ${run.seed}, ${run.machine.commit ?? '?'}`,
      ),
    ),
  ];
  const cpu = [...new Set(runs.map((run) => run.machine.cpuModel))].join('; ');
  const targets = runs.flatMap((run) =>
    run.targets.map(
      (target) =>
        `| ${number(run.docs)} | ${target.name} | ${formatValue(target.limit, target.unit)} | ${formatValue(target.value, target.unit)} | ${mark(target.met)} |`,
    ),
  );
  return [
    lines.join('\n'),
    '',
    `CPU: ${cpu}.`,
    '',
    '| documents | target | limit | measured | |',
    '| ---: | --- | ---: | ---: | --- |',
    ...targets,
  ].join('\n');
}

function phaseRows(
  runs: readonly BenchResult[],
  row: (label: string, values: string[]) => string,
): string[] {
  const names: string[] = [];
  for (const run of runs)
    for (const phase of run.build.phases) if (!names.includes(phase.name)) names.push(phase.name);
  return names.map((name) =>
    row(
      `&nbsp;&nbsp;${name}`,
      runs.map((run) => {
        const phase = run.build.phases.find((candidate) => candidate.name === name);
        return phase ? `${phase.seconds.toFixed(1)} s` : '–';
      }),
    ),
  );
}

/** Lighthouse scores per page, one row each, with what cost points. */
export function renderLighthouse(
  pages: readonly LighthousePage[] | undefined,
  docs: number,
): string {
  if (!pages || pages.length === 0) return '_Not run yet: `npm run lighthouse`._';
  const rows = pages.map(
    (page) =>
      `| ${page.name} | \`${page.path}\` | ${page.scores.performance} | ${page.scores.accessibility} | ${page.scores['best-practices']} | ${page.scores.seo} | ${(page.metrics.largestContentfulPaintMs / 1000).toFixed(1)} s | ${page.metrics.totalBlockingTimeMs} ms | ${page.metrics.cumulativeLayoutShift} |`,
  );
  const failing = pages.flatMap((page) =>
    page.failing.map(
      (audit) =>
        `- ${page.name}, ${audit.category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
    ),
  );
  return [
    `On the ${number(docs)}-document build:`,
    '',
    '| page | path | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    failing.length === 0
      ? 'Every audit that counts towards a score passed.'
      : `Audits that cost points:\n\n${failing.join('\n')}`,
  ].join('\n');
}

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from)
    throw new Error(`docs/performance.md has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content.trim()}\n\n${text.slice(to)}`;
}

/**
 * Every result file `<kind>-<documents>.json` in `dir` (one per document count): what the
 * benchmark's sections of docs/performance.md are rendered from.
 */
export async function readResultFiles<T>(dir: string, kind: string): Promise<T[]> {
  const pattern = new RegExp(`^${kind}-\\d+\\.json$`);
  const names = (await readdir(dir)).filter((name) => pattern.test(name));
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as T),
  );
}

/** Writes a document the benchmark maintains, formatted as `npm run lint` expects. */
export async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(file, await prettier.format(text, { ...options, filepath: file }));
}
