// `--peers`: this project's build against the floor of its own stack, in one run on the same
// documents, each figure the median of several runs: the bare-Astro floor (scripts/bench/floor.ts)
// with Pagefind, the project's cold build, and its rebuilds after one edited, one added and one
// deleted document (scripts/bench/dataset-changes.ts). The machine is shared, so the targets are
// ratios between figures taken side by side. Pure functions: the summary, the ratios, the
// targets and the Markdown, tested in tests/unit/bench.test.ts.
import type { AppliedChange } from './dataset-changes.ts';
import type { Machine } from './machine.ts';
import { formatBytes, formatValue, type Target } from './report.ts';
import type { RunConditions } from './timed-run.ts';

export const PEER_STEPS = ['floor', 'cold', 'edit', 'add', 'delete'] as const;
export type PeerStep = (typeof PEER_STEPS)[number];

export const STEP_LABELS: Record<PeerStep, string> = {
  floor: 'floor: bare Astro, one route, + Pagefind',
  cold: 'this project, cold build (`npm run build`, caches cleared)',
  edit: 'rebuild after editing one document',
  add: 'rebuild after adding one document',
  delete: 'rebuild after deleting one document',
};

export interface PeerRun {
  exitCode: number;
  wallSeconds: number;
  /** CPU time of the run's process tree (timed-run.ts), less distorted by the machine's load. */
  cpuSeconds?: number | undefined;
  peakMemoryBytes: number;
  conditions: RunConditions;
  /** For a rebuild: whether the built site shows the change (dataset-changes.ts changeProblem). */
  changeShown?: boolean | undefined;
  /** The floor's own split: `astro build`, then Pagefind. */
  astroSeconds?: number | undefined;
  pagefindSeconds?: number | undefined;
}

export interface PeerFigure {
  step: PeerStep;
  label: string;
  runs: PeerRun[];
  /** The median wall time of the runs; undefined when any run failed or missed its change. */
  medianSeconds: number | undefined;
  /** The median CPU time of the runs, when every run has one. */
  medianCpuSeconds?: number | undefined;
  /** The largest peak memory of the build's process tree over the runs. */
  peakMemoryBytes: number;
}

export interface PeerRatio {
  name: string;
  numerator: PeerStep;
  denominator: PeerStep;
  value: number | undefined;
  /** The same ratio of the median CPU times. */
  cpuValue?: number | undefined;
  /**
   * The wall-time ratio within each round (the two builds of round n taken minutes apart), and
   * their median: steadier than the ratio of the medians when the machine's speed drifts
   * during the comparison (on 1 December every build slowed from round to round, floor included).
   */
  rounds?: Array<number | undefined>;
  roundsMedian?: number | undefined;
}

export interface PeersResult {
  runsPerFigure: number;
  date: string;
  /** What the rebuilds changed, in order (each rebuild after the previous). */
  changes: AppliedChange[];
  figures: PeerFigure[];
  ratios: PeerRatio[];
  targets: Target[];
  /** The machine's state over the whole comparison. */
  conditions: Pick<Machine, 'loadAtStart' | 'loadAtEnd' | 'commit'>;
  /** Whether the build had Astro's incremental build enabled when measured. */
  incrementalBuild: boolean;
}

/** The median; the mean of the middle two for an even count; undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarizeStep(step: PeerStep, runs: readonly PeerRun[]): PeerFigure {
  const failed =
    runs.length === 0 || runs.some((run) => run.exitCode !== 0 || run.changeShown === false);
  const seconds = median(runs.map((run) => run.wallSeconds));
  const cpu = runs.every((run) => run.cpuSeconds !== undefined)
    ? median(runs.map((run) => run.cpuSeconds as number))
    : undefined;
  return {
    step,
    label: STEP_LABELS[step],
    runs: [...runs],
    medianSeconds: failed || seconds === undefined ? undefined : round(seconds, 2),
    medianCpuSeconds: failed || cpu === undefined ? undefined : round(cpu, 2),
    peakMemoryBytes: Math.max(0, ...runs.map((run) => run.peakMemoryBytes)),
  };
}

const RATIOS: Array<[PeerStep, PeerStep]> = [
  ['cold', 'floor'],
  ['edit', 'floor'],
  ['add', 'floor'],
  ['delete', 'floor'],
  ['edit', 'cold'],
  ['add', 'cold'],
  ['delete', 'cold'],
];

/** Each figure against the floor, and each rebuild against the cold build. */
export function peerRatios(figures: readonly PeerFigure[]): PeerRatio[] {
  const seconds = (step: PeerStep) => figures.find((figure) => figure.step === step)?.medianSeconds;
  const cpu = (step: PeerStep) => figures.find((figure) => figure.step === step)?.medianCpuSeconds;
  const runs = (step: PeerStep) => figures.find((figure) => figure.step === step)?.runs ?? [];
  const usable = (run: PeerRun | undefined): run is PeerRun =>
    run !== undefined && run.exitCode === 0 && run.changeShown !== false;
  const ratios: PeerRatio[] = [];
  for (const [numerator, denominator] of RATIOS) {
    if (!figures.some((figure) => figure.step === numerator)) continue;
    const top = seconds(numerator);
    const bottom = seconds(denominator);
    const cpuTop = cpu(numerator);
    const cpuBottom = cpu(denominator);
    const baseRuns = runs(denominator);
    const rounds = runs(numerator).map((run, index) => {
      const base = baseRuns[index];
      return usable(run) && usable(base) && base.wallSeconds > 0
        ? round(run.wallSeconds / base.wallSeconds, 2)
        : undefined;
    });
    const roundsMedian = rounds.every((value) => value !== undefined)
      ? median(rounds as number[])
      : undefined;
    ratios.push({
      name: `${numerator} / ${denominator}`,
      numerator,
      denominator,
      value: top !== undefined && bottom ? round(top / bottom, 2) : undefined,
      ...(cpuTop !== undefined && cpuBottom ? { cpuValue: round(cpuTop / cpuBottom, 2) } : {}),
      ...(rounds.length > 1
        ? {
            rounds,
            roundsMedian: roundsMedian === undefined ? undefined : round(roundsMedian, 2),
          }
        : {}),
    });
  }
  return ratios;
}

const GB = 1000 ** 3;

/**
 * The issue's targets for the comparison (never a timed test): the cold build within 1.5× the
 * floor, an edit rebuild within the floor's own cold build, and at 100,000 documents the build's
 * process tree within 8 GB (the largest peak over the cold build and the rebuilds).
 */
export function peerTargets(
  docs: number,
  figures: readonly PeerFigure[],
  ratios: readonly PeerRatio[],
): Target[] {
  const ratio = (name: string) => ratios.find((candidate) => candidate.name === name)?.value;
  const target = (
    name: string,
    limit: number,
    value: number | undefined,
    unit: Target['unit'],
  ): Target => ({
    name,
    limit,
    value,
    unit,
    met: value === undefined ? undefined : value <= limit,
  });
  const targets = [target('cold build ≤ 1.5 × the floor', 1.5, ratio('cold / floor'), 'ratio')];
  if (figures.some((figure) => figure.step === 'edit'))
    targets.push(
      target("edit rebuild ≤ the floor's cold build", 1, ratio('edit / floor'), 'ratio'),
    );
  if (docs >= 100_000) {
    const builds = figures.filter((figure) => figure.step !== 'floor');
    const failed = builds.some((figure) => figure.medianSeconds === undefined);
    targets.push(
      target(
        'build of 100,000 documents within 8 GB',
        8 * GB,
        failed || builds.length === 0
          ? undefined
          : Math.max(...builds.map((figure) => figure.peakMemoryBytes)),
        'bytes',
      ),
    );
  }
  return targets;
}

/** `PASS`, `MISS`, or `?` when not measured: what the benchmark prints. */
export function verdict(target: Target): 'PASS' | 'MISS' | '?' {
  return target.met === undefined ? '?' : target.met ? 'PASS' : 'MISS';
}

const seconds = (value: number | undefined) =>
  value === undefined ? 'failed' : `${value.toFixed(1)} s`;

function conditionsText(run: PeerRun): string {
  const pressure = run.conditions.pressureAtEnd;
  const during =
    run.conditions.pressureDuringRun === undefined
      ? ''
      : `, ${run.conditions.pressureDuringRun}% stalled`;
  return `load ${run.conditions.loadAtStart[0]}→${run.conditions.loadAtEnd[0]}${
    pressure ? `, PSI ${pressure.avg10}/${pressure.avg60}` : ''
  }${during}`;
}

/** The comparison as Markdown, for docs/performance.md (between the `peers` markers). */
export function renderPeers(
  results: ReadonlyArray<{ docs: number; seed: number; peers: PeersResult }>,
): string {
  if (results.length === 0) return '_Not run yet: `npm run bench -- --docs 10000 --peers`._';
  const sections = [...results]
    .sort((a, b) => a.docs - b.docs)
    .map(({ docs, seed, peers }) => {
      const runHeads = Array.from(
        { length: peers.runsPerFigure },
        (_, index) => `run ${index + 1}`,
      );
      const figureRows = peers.figures.map((figure) => {
        const runs = figure.runs.map((run) => {
          const split =
            run.astroSeconds !== undefined && run.pagefindSeconds !== undefined
              ? ` (${run.astroSeconds.toFixed(1)} + ${run.pagefindSeconds.toFixed(1)})`
              : '';
          if (run.exitCode !== 0) return `failed (exit ${run.exitCode})`;
          if (run.changeShown === false)
            return `${run.wallSeconds.toFixed(1)} s, **the change not shown**`;
          const cpu = run.cpuSeconds === undefined ? '' : `, CPU ${run.cpuSeconds.toFixed(1)} s`;
          return `${run.wallSeconds.toFixed(1)} s${split}${cpu}; ${conditionsText(run)}`;
        });
        while (runs.length < peers.runsPerFigure) runs.push('–');
        return `| ${figure.label} | **${seconds(figure.medianSeconds)}** | ${formatBytes(figure.peakMemoryBytes)} | ${runs.join(' | ')} |`;
      });
      const times = (value: number | undefined) =>
        value === undefined ? '–' : `${value.toFixed(2)}×`;
      const perRound = (ratio: PeerRatio) =>
        ratio.rounds
          ? `${times(ratio.roundsMedian)} (${ratio.rounds.map((value) => times(value)).join(', ')})`
          : '–';
      const ratioRows = peers.ratios.map(
        (ratio) =>
          `| ${ratio.name} | ${times(ratio.value)} | ${times(ratio.cpuValue)} | ${perRound(ratio)} |`,
      );
      const targetRows = peers.targets.map(
        (target) =>
          `| ${target.name} | ${formatValue(target.limit, target.unit)} | ${formatValue(target.value, target.unit)} | ${verdict(target)} |`,
      );
      const changes = peers.changes.map((change) => `${change.change}: ${change.description}`);
      return [
        `### ${docs.toLocaleString('en-US')} documents (seed ${seed}), ${peers.date.slice(0, 16).replace('T', ' ')} UTC, commit ${peers.conditions.commit ?? '?'}`,
        '',
        `Each figure the median of ${peers.runsPerFigure} run${peers.runsPerFigure === 1 ? '' : 's'}; the runs interleaved (floor, cold, rebuilds, then again). Load average ${peers.conditions.loadAtStart.join(' / ')} at the start, ${(peers.conditions.loadAtEnd ?? []).join(' / ')} at the end. Incremental build ${peers.incrementalBuild ? 'enabled' : '**not enabled**: the rebuilds are full builds'}.${changes.length > 0 ? ` Changes: ${changes.join('; ')}.` : ''}`,
        '',
        `| build | median | peak memory | ${runHeads.join(' | ')} |`,
        `| --- | ---: | ---: | ${runHeads.map(() => '---').join(' | ')} |`,
        ...figureRows,
        '',
        '| ratio | wall time (the targets) | CPU time | within each round: median (rounds) |',
        '| --- | ---: | ---: | ---: |',
        ...ratioRows,
        '',
        '| target | limit | measured | |',
        '| --- | ---: | ---: | --- |',
        ...targetRows,
      ].join('\n');
    });
  return [
    'Per run: wall time (for the floor: `astro build` + Pagefind), the CPU time of its process tree (user + system; it moves far less with the load than wall time), then the load average (1 min) at its start → end, `/proc/pressure/cpu` "some" avg10/avg60 at its end, and the share of the run in which some task waited for a CPU.',
    '',
    ...sections,
  ].join('\n\n');
}
