// The visitors' benchmark (issue 16, deliverable 9), its pure parts: medians of runs, the
// ratios of our search against Pagefind's own default UI, the verdicts (PASS / MISS) and the
// section of docs/performance.md. The measuring is in scripts/bench/first-visit.ts and
// scripts/bench/lighthouse.ts; the command is scripts/bench-visitors.ts.
import { median as medianOf } from './peers.ts';
import type { RunConditions } from './timed-run.ts';
import type { Category, LighthousePage } from './lighthouse.ts';

export type { RunConditions };

// Lighthouse's categories, as scripts/bench/lighthouse.ts asks for them (a type-only import
// keeps Lighthouse itself out of what the unit test loads).
const CATEGORIES: readonly Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The median of the finite values (NaN marks a metric Lighthouse did not report). */
export function median(values: readonly number[]): number | undefined {
  return medianOf(values.filter(Number.isFinite));
}

/** `ours / theirs`, rounded to hundredths; undefined when either is missing or theirs is 0. */
export function ratio(ours: number | undefined, theirs: number | undefined): number | undefined {
  if (ours === undefined || theirs === undefined || !(theirs > 0)) return undefined;
  return Math.round((ours / theirs) * 100) / 100;
}

export type Verdict = 'PASS' | 'MISS' | 'NOT MEASURED';

/** PASS when `value` is at most `limit` (or, with `atLeast`, at least it). */
export function verdictOf(value: number | undefined, limit: number, atLeast = false): Verdict {
  if (value === undefined || !Number.isFinite(value)) return 'NOT MEASURED';
  return (atLeast ? value >= limit : value <= limit) ? 'PASS' : 'MISS';
}

// ---------------------------------------------------------------------------
// Search: ours against Pagefind's default UI

/** One first visit: a fresh profile opens the search page, enters the query, sees a result. */
export interface FirstVisitRun {
  /** Response bodies (as transferred) from navigation until the first result was on screen. */
  bytesToFirstResult: number;
  requestsToFirstResult: number;
  /** Everything the visit fetched until the network was quiet after the first results. */
  bytesUntilQuiet: number;
  /** Milliseconds from entering the query to its first result on screen. */
  timeToFirstResultMs: number;
  /** Results listed for the query once it settled. */
  resultsShown: number;
  /** Bytes fetched from /pagefind/ by a second, different query, until quiet. */
  laterSearchBytes: number;
  laterSearchRequests: number;
  laterResultsShown: number;
  /** Until the first result, by kind: document, stylesheet, script, font, fetch … */
  byType: Record<string, number>;
  /** Until the first result, file by file (path and bytes), in the order they finished. */
  files: Array<{ path: string; bytes: number }>;
  conditions: RunConditions;
}

export interface SearchSide {
  /** What was measured: our /sok/, or the page using Pagefind's default UI. */
  label: string;
  path: string;
  runs: FirstVisitRun[];
  median: {
    bytesToFirstResult?: number | undefined;
    timeToFirstResultMs?: number | undefined;
    laterSearchBytes?: number | undefined;
  };
}

export interface SearchComparison {
  queries: [string, string];
  ours: SearchSide;
  theirs: SearchSide;
  /** How the default UI was set up (its options), so the comparison can be repeated. */
  theirSetup: string;
  ratios: {
    firstVisitTransfer?: number | undefined;
    timeToFirstResult?: number | undefined;
    laterSearchTransfer?: number | undefined;
  };
  targets: Array<{ name: string; value?: number | undefined; limit: number; verdict: Verdict }>;
}

export function summarizeSide(label: string, path: string, runs: FirstVisitRun[]): SearchSide {
  const of = (pick: (run: FirstVisitRun) => number) => median(runs.map(pick));
  return {
    label,
    path,
    runs,
    median: {
      bytesToFirstResult: of((run) => run.bytesToFirstResult),
      timeToFirstResultMs: of((run) => run.timeToFirstResultMs),
      laterSearchBytes: of((run) => run.laterSearchBytes),
    },
  };
}

/** The targets of issue 16: a first visit ≤ 0.6× their transfer and ≤ 0.5× their time. */
export const SEARCH_TARGETS = { firstVisitTransfer: 0.6, timeToFirstResult: 0.5 } as const;

export function compareSearch(
  queries: [string, string],
  ours: SearchSide,
  theirs: SearchSide,
  theirSetup: string,
): SearchComparison {
  const ratios = {
    firstVisitTransfer: ratio(ours.median.bytesToFirstResult, theirs.median.bytesToFirstResult),
    timeToFirstResult: ratio(ours.median.timeToFirstResultMs, theirs.median.timeToFirstResultMs),
    laterSearchTransfer: ratio(ours.median.laterSearchBytes, theirs.median.laterSearchBytes),
  };
  return {
    queries,
    ours,
    theirs,
    theirSetup,
    ratios,
    targets: [
      {
        name: 'first visit transfer, ours / theirs',
        value: ratios.firstVisitTransfer,
        limit: SEARCH_TARGETS.firstVisitTransfer,
        verdict: verdictOf(ratios.firstVisitTransfer, SEARCH_TARGETS.firstVisitTransfer),
      },
      {
        name: 'time to first result, ours / theirs',
        value: ratios.timeToFirstResult,
        limit: SEARCH_TARGETS.timeToFirstResult,
        verdict: verdictOf(ratios.timeToFirstResult, SEARCH_TARGETS.timeToFirstResult),
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// Lighthouse: the median of runs per page

export interface LighthouseRun {
  page: LighthousePage;
  conditions: RunConditions;
}

export interface LighthouseSummary {
  name: string;
  path: string;
  /** The median score of the runs, per category. */
  scores: Record<Category, number | undefined>;
  /** Each run's scores, in the order they ran, with Lighthouse's benchmark index of the machine. */
  runs: Array<{
    scores: Record<Category, number>;
    benchmarkIndex?: number | undefined;
    conditions: RunConditions;
  }>;
  /** Median metrics of the runs. */
  metrics: Record<keyof LighthousePage['metrics'], number | undefined>;
  /** Audits that cost points in any run, with how many runs they failed in. */
  failing: Array<LighthousePage['failing'][number] & { runs: number }>;
  verdict: Verdict;
}

/** Every category's median score must be 100. */
export const LIGHTHOUSE_TARGET = 100;

export function summarizeLighthouse(
  name: string,
  path: string,
  runs: readonly LighthouseRun[],
): LighthouseSummary {
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, median(runs.map((run) => run.page.scores[category]))]),
  ) as Record<Category, number | undefined>;
  const metricNames = Object.keys(runs[0]?.page.metrics ?? {}) as Array<
    keyof LighthousePage['metrics']
  >;
  const metrics = Object.fromEntries(
    metricNames.map((metric) => [metric, median(runs.map((run) => run.page.metrics[metric]))]),
  ) as LighthouseSummary['metrics'];
  const failing = new Map<string, LighthouseSummary['failing'][number]>();
  for (const run of runs)
    for (const audit of run.page.failing) {
      const key = `${audit.category}:${audit.id}`;
      const seen = failing.get(key);
      if (seen) seen.runs += 1;
      else failing.set(key, { ...audit, runs: 1 });
    }
  const values = CATEGORIES.map((category) => scores[category]);
  const verdict: Verdict = values.some((value) => value === undefined)
    ? 'NOT MEASURED'
    : values.every((value) => (value as number) >= LIGHTHOUSE_TARGET)
      ? 'PASS'
      : 'MISS';
  return {
    name,
    path,
    scores,
    runs: runs.map((run) => ({
      scores: run.page.scores,
      benchmarkIndex: run.page.benchmarkIndex,
      conditions: run.conditions,
    })),
    metrics,
    failing: [...failing.values()],
    verdict,
  };
}

// ---------------------------------------------------------------------------
// The result and its section in docs/performance.md

export interface VisitorsResult {
  schema: 1;
  docs: number;
  seed: number;
  date: string;
  /** The build measured: its folder and when its index.html was written. */
  build: { dist: string; builtAt: string; pages?: number | undefined };
  machine: {
    cores: number;
    cpuModel: string;
    node: string;
    chromium?: string | undefined;
    commit?: string | undefined;
    lighthouse: string;
  };
  runsPerFigure: number;
  search?: SearchComparison | undefined;
  lighthouse?: LighthouseSummary[] | undefined;
}

const kB = (bytes: number | undefined) =>
  bytes === undefined ? '–' : `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);
const times = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const score = (value: number | undefined) => (value === undefined ? '–' : String(value));

export function describeConditions(conditions: RunConditions): string {
  const pressure = conditions.pressureAtEnd;
  return [
    `load ${conditions.loadAtStart[0]}→${conditions.loadAtEnd[0]}`,
    pressure ? `PSI avg10 ${pressure.avg10}` : undefined,
    conditions.pressureDuringRun === undefined
      ? undefined
      : `${conditions.pressureDuringRun}% stalled`,
  ]
    .filter(Boolean)
    .join(', ');
}

function renderSearch(search: SearchComparison): string[] {
  const { ours, theirs, ratios } = search;
  const row = (
    what: string,
    pick: (side: SearchSide) => string,
    ratioValue: number | undefined,
    target: string,
    verdict: string,
  ) =>
    `| ${what} | ${pick(ours)} | ${pick(theirs)} | ${times(ratioValue)} | ${target} | ${verdict} |`;
  const verdictFor = (name: string) =>
    search.targets.find((target) => target.name === name)?.verdict ?? '';
  const runRows = (side: SearchSide) =>
    side.runs.map(
      (run, index) =>
        `| ${side.label} | ${index + 1} | ${kB(run.bytesToFirstResult)} (${run.requestsToFirstResult}) | ${ms(run.timeToFirstResultMs)} | ${run.resultsShown} | ${kB(run.laterSearchBytes)} (${run.laterSearchRequests}) | ${run.laterResultsShown} | ${describeConditions(run.conditions)} |`,
    );
  return [
    `Query "${search.queries[0]}", then "${search.queries[1]}". Ours: \`${ours.path}\`. Theirs: \`${theirs.path}\`, ${search.theirSetup}`,
    '',
    '| figure (median of the runs) | ours | Pagefind UI | ours / theirs | target | |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    row(
      'first visit: transfer until the first result',
      (side) => kB(side.median.bytesToFirstResult),
      ratios.firstVisitTransfer,
      `≤ ${SEARCH_TARGETS.firstVisitTransfer}×`,
      `**${verdictFor('first visit transfer, ours / theirs')}**`,
    ),
    row(
      'first visit: time to first result',
      (side) => ms(side.median.timeToFirstResultMs),
      ratios.timeToFirstResult,
      `≤ ${SEARCH_TARGETS.timeToFirstResult}×`,
      `**${verdictFor('time to first result, ours / theirs')}**`,
    ),
    row(
      'later search: transfer',
      (side) => kB(side.median.laterSearchBytes),
      ratios.laterSearchTransfer,
      '–',
      '',
    ),
    '',
    '| side | run | transfer to first result (requests) | time to first result | results | later search (requests) | results | conditions |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...runRows(ours),
    ...runRows(theirs),
  ];
}

function renderLighthouseSummary(pages: readonly LighthouseSummary[]): string[] {
  const failing = pages.flatMap((page) =>
    page.failing.map(
      (audit) =>
        `- ${page.name}, ${audit.category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, in ${audit.runs} of ${page.runs.length} runs`,
    ),
  );
  return [
    '| page | path | performance | accessibility | best practices | SEO | LCP | TBT | CLS | runs (performance) | |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...pages.map(
      (page) =>
        `| ${page.name} | \`${page.path}\` | ${score(page.scores.performance)} | ${score(page.scores.accessibility)} | ${score(page.scores['best-practices'])} | ${score(page.scores.seo)} | ${page.metrics.largestContentfulPaintMs === undefined ? '–' : `${(page.metrics.largestContentfulPaintMs / 1000).toFixed(1)} s`} | ${ms(page.metrics.totalBlockingTimeMs)} | ${page.metrics.cumulativeLayoutShift ?? '–'} | ${page.runs.map((run) => run.scores.performance).join(', ')} | **${page.verdict}** |`,
    ),
    '',
    'Conditions per run (load average 1 min at start → end, CPU pressure, and Lighthouse’s benchmark index of the machine, higher is faster):',
    '',
    ...pages.map(
      (page) =>
        `- ${page.name}: ${page.runs.map((run, index) => `run ${index + 1}: ${describeConditions(run.conditions)}${run.benchmarkIndex === undefined ? '' : `, benchmark index ${Math.round(run.benchmarkIndex)}`}`).join('; ')}`,
    ),
    '',
    failing.length === 0
      ? 'Every audit that counts towards a score passed in every run.'
      : `Audits that cost points:\n\n${failing.join('\n')}`,
  ];
}

export function renderVisitors(result: VisitorsResult): string {
  const when = `${result.date.slice(0, 16).replace('T', ' ')} UTC`;
  return [
    `### ${result.docs.toLocaleString('en-US')} documents (seed ${result.seed}), ${when}, commit ${result.machine.commit ?? 'unknown'}`,
    '',
    `Build measured: \`${result.build.dist}\` (built ${result.build.builtAt.slice(0, 16).replace('T', ' ')} UTC${result.build.pages ? `, ${result.build.pages.toLocaleString('en-US')} HTML pages` : ''}). ${result.machine.cores} cores (${result.machine.cpuModel}), Node ${result.machine.node}, ${result.machine.chromium ?? 'Chromium'}, Lighthouse ${result.machine.lighthouse}. Each figure the median of ${result.runsPerFigure} runs.`,
    '',
    '#### Search against Pagefind’s default UI',
    '',
    ...(result.search ? renderSearch(result.search) : ['Not measured in this run.']),
    '',
    '#### Lighthouse',
    '',
    ...(result.lighthouse
      ? renderLighthouseSummary(result.lighthouse)
      : ['Not measured in this run.']),
  ].join('\n');
}

/**
 * The Visitors section of docs/performance.md: one subsection per document count measured
 * (`docs/performance/visitors-N.json`, one file per count), the largest count first, so a run
 * at a small count adds its own figures and leaves the 10,000-document ones in place.
 */
export function renderVisitorsSections(results: readonly VisitorsResult[]): string {
  return [...results]
    .sort((a, b) => b.docs - a.docs)
    .map(renderVisitors)
    .join('\n\n');
}
