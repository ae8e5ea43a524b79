// The benchmark's own parts (scripts/bench/): reading /proc and summing a process tree's
// memory, phases from a build log, page size statistics, the targets and the Markdown table;
// for --peers the command line, medians, ratios and targets, the CPU pressure, the dataset
// changes between rebuilds, the cache clearing and the bare-Astro floor project (built once,
// over the minimal fixture). No timing is asserted: speed is what the benchmark measures, not
// what a test checks.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench/args.ts';
import { clearBuildCaches, findCacheWritesOutside } from '../../scripts/bench/caches.ts';
import {
  ADDED_ID,
  applyChange,
  changeProblem,
  readDatasetDocuments,
  writeDatasetDocuments,
} from '../../scripts/bench/dataset-changes.ts';
import { floorPages, writeFloorProject } from '../../scripts/bench/floor.ts';
import { floorTimesFromLines } from '../../scripts/bench/floor-build.ts';
import { describeDisk, diskOf, parseCpuPressure } from '../../scripts/bench/machine.ts';
import {
  median,
  peerRatios,
  peerTargets,
  renderPeers,
  summarizeStep,
  verdict,
  type PeerRun,
  type PeersResult,
} from '../../scripts/bench/peers.ts';
import { pressureShare, timedRun } from '../../scripts/bench/timed-run.ts';
import { generateDocuments } from '../../scripts/dataset/generate.ts';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { phasesFromLog } from '../../scripts/bench/phases.ts';
import {
  descendants,
  parseHighWaterMark,
  parseStat,
  readProcesses,
  sampleTreeMemory,
} from '../../scripts/bench/process-tree.ts';
import {
  checkTargets,
  formatBytes,
  htmlSizes,
  renderTable,
  readResultFiles,
  replaceBetweenMarkers,
  type BenchResult,
} from '../../scripts/bench/report.ts';

// A /proc/<pid>/stat line: pid (comm) state ppid … with rss the 24th field.
const stat = (pid: number, comm: string, ppid: number, rssPages: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 5 1 0 0 20 0 1 0 100 12345678 ${rssPages} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n`;

describe('process tree memory', () => {
  it('parses a stat line whose command name holds spaces and parentheses', () => {
    expect(parseStat(stat(42, 'node (worker) 1', 7, 2500))).toEqual({
      pid: 42,
      ppid: 7,
      name: 'node (worker) 1',
      rssPages: 2500,
    });
    expect(parseStat('garbage')).toBeUndefined();
  });

  it('finds every descendant of a process, and nothing else', () => {
    const processes = [
      { pid: 1, ppid: 0, name: 'init', rssPages: 1 },
      { pid: 10, ppid: 1, name: 'build', rssPages: 1 },
      { pid: 11, ppid: 10, name: 'astro', rssPages: 1 },
      { pid: 12, ppid: 11, name: 'pagefind', rssPages: 1 },
      { pid: 13, ppid: 10, name: 'sharp', rssPages: 1 },
      { pid: 20, ppid: 1, name: 'other', rssPages: 1 },
    ];
    expect(
      descendants(10, processes)
        .map((process) => process.pid)
        .sort(),
    ).toEqual([10, 11, 12, 13]);
    expect(descendants(99, processes)).toEqual([]);
  });

  describe('over a /proc of our own', () => {
    let proc: string;
    beforeAll(async () => {
      proc = await mkdtemp(path.join(tmpdir(), 'bench-proc-'));
      for (const [pid, comm, ppid, rss] of [
        [100, 'node', 1, 1000],
        [101, 'node', 100, 3000],
        [102, 'pagefind_extended', 101, 500],
        [200, 'unrelated', 1, 99999],
      ] as const) {
        await mkdir(path.join(proc, String(pid)));
        await writeFile(path.join(proc, String(pid), 'stat'), stat(pid, comm, ppid, rss));
      }
      await mkdir(path.join(proc, 'self'));
    });
    afterAll(() => rm(proc, { recursive: true, force: true }));

    it('sums the resident memory of the tree only, and names the largest process', async () => {
      expect((await readProcesses(proc)).length).toBe(4);
      const sampler = sampleTreeMemory(100, 5, proc);
      // A few samples, however long a loaded machine takes for one (a fixed 40 ms was once too short).
      await expect
        .poll(() => sampler.samples(), { timeout: 30_000, interval: 5 })
        .toBeGreaterThan(1);
      const memory = await sampler.stop();
      expect(memory.peakBytes).toBe((1000 + 3000 + 500) * 4096);
      expect(memory.peakProcesses[0]).toEqual({ name: 'node', bytes: 3000 * 4096 });
      expect(memory.samples).toBeGreaterThan(1);
    });

    it('takes the high-water mark of a process when it is above every sampled sum', async () => {
      await writeFile(
        path.join(proc, '101', 'status'),
        'Name:\tnode\nVmHWM:\t  40000 kB\nVmRSS:\t  12000 kB\n',
      );
      try {
        const sampler = sampleTreeMemory(100, 5, proc, 10);
        await new Promise((resolve) => setTimeout(resolve, 40));
        expect((await sampler.stop()).peakBytes).toBe(40000 * 1024);
      } finally {
        await rm(path.join(proc, '101', 'status'));
      }
    });
  });

  it('reads the high-water mark from a status file', () => {
    expect(parseHighWaterMark('Name:\tnode\nVmPeak:\t 900 kB\nVmHWM:\t    2048 kB\n')).toBe(
      2048 * 1024,
    );
    expect(parseHighWaterMark('Name:\tkthreadd\n')).toBeUndefined();
  });

  it('sees the memory a real child process takes', async () => {
    // A shell whose child holds 150 MB for a moment (a bare Node holds ~50 MB): the tree's
    // peak, taken at the shell, must include the grandchild's memory.
    const script = `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(150e6, 1); setTimeout(() => b.length, 1500)"`;
    const child = spawn('/bin/sh', ['-c', `${script}; true`], { stdio: 'ignore' });
    const sampler = sampleTreeMemory(child.pid as number, 20, '/proc', 100);
    await new Promise((resolve) => child.on('close', resolve));
    const memory = await sampler.stop();
    expect(memory.peakBytes).toBeGreaterThan(150e6);
    expect(memory.timeline.length).toBeGreaterThan(0);
  });
});

describe('build phases', () => {
  it('measures each phase from one landmark line to the next', () => {
    const lines = [
      { at: 1.5, text: 'Content checked: 1000 published documents.' },
      { at: 4, text: '12:00:00 [content] Syncing content' },
      { at: 6, text: '12:00:02 [content] Synced content' },
      { at: 6.1, text: '12:00:02 [build] Building static entrypoints...' },
      { at: 8, text: '12:00:04 [build] Rearranging server assets...' },
      { at: 20, text: '12:00:16 [build] ✓ Completed in 12s.' },
      { at: 21, text: '[naravard:social-images] Drew 24 social images (1200×630) in 0.9 s.' },
      {
        at: 25,
        text: '[naravard:pagefind] Indexed 1003 pages (of 1014 HTML files) into pagefind/ in 5 s.',
      },
      { at: 25.1, text: 'The site is built in dist/' },
    ];
    const phases = phasesFromLog(lines, 26);
    expect(phases.map((phase) => phase.name)).toEqual([
      'content check (scripts/build.ts)',
      'Astro and Vite start',
      'content layer (query, validate, store)',
      'types and build setup',
      'bundling (Vite)',
      'rendering pages',
      'Pagefind index, beside it social images and _headers',
      'process exit',
    ]);
    expect(phases.reduce((sum, phase) => sum + phase.seconds, 0)).toBeCloseTo(26, 5);
    expect(phases.find((phase) => phase.name === 'rendering pages')?.seconds).toBe(12);
  });

  it('ends bundling and rendering with the later of two Astro processes', () => {
    const lines = [
      { at: 5, text: 'Content checked: 10000 published documents.' },
      { at: 5, text: '12:00:00 [build] ✓ Completed in 1.85s.' },
      { at: 5.5, text: '12:00:01 [build] Rearranging server assets...' },
      { at: 6.5, text: '12:00:02 [build] Rearranging server assets...' },
      { at: 14, text: '12:00:09 [build] ✓ Completed in 8.29s.' },
      { at: 14.2, text: '12:00:09 [build] 5102 page(s) built in 12.36s' },
      { at: 15, text: '12:00:10 [build] ✓ Completed in 8.5s.' },
      { at: 15.1, text: '12:00:10 [build] 5124 page(s) built in 11.99s' },
      { at: 22, text: 'The site is built in dist/' },
    ];
    const seconds = Object.fromEntries(
      phasesFromLog(lines, 22).map(({ name, seconds }) => [name, seconds]),
    );
    expect(seconds['bundling (Vite)']).toBe(1.5);
    expect(seconds['rendering pages']).toBe(8.5);
    expect(seconds['Pagefind index, beside it social images and _headers']).toBe(7);
  });

  it('calls a log without landmarks one phase', () => {
    expect(phasesFromLog([{ at: 1, text: 'error' }], 3)).toEqual([{ name: 'build', seconds: 3 }]);
  });
});

function result(
  docs: number,
  overrides: Partial<BenchResult['build']> = {},
): Omit<BenchResult, 'targets'> {
  return {
    schema: 1,
    docs,
    seed: 1,
    date: '2026-11-23T12:00:00.000Z',
    machine: {
      cores: 2,
      cpuModel: 'Test CPU',
      totalMemoryBytes: 24e9,
      os: 'Linux',
      node: 'v24.0.0',
      loadAtStart: [0.1, 0.2, 0.3],
      conditions: 'quiet',
    },
    build: {
      command: 'node scripts/build.ts',
      exitCode: 0,
      wallSeconds: 28,
      pages: 10_014,
      msPerPage: 2.8,
      peakMemoryBytes: 1.6e9,
      peakMemoryProcesses: [],
      memoryTimeline: [],
      phases: [{ name: 'rendering pages', seconds: 12 }],
      ...overrides,
    },
    dist: {
      bytes: 250e6,
      files: 20_000,
      html: htmlSizes([{ path: '/a/', bytes: 10 }]),
      socialImages: { files: 1, bytes: 1 },
    },
    pagefind: { bytes: 9e6, files: 10_100, pages: 10_003 },
    browser: {
      searchPage: { bytes: 20_000, headerBytes: 900, requests: 3 },
      firstSearch: {
        query: 'egenvård',
        bytes: 99_000,
        headerBytes: 0,
        requests: 20,
        timeToFirstResultMs: 800,
        results: 20,
        files: [],
      },
      laterSearch: {
        query: 'kompetensutveckling',
        bytes: 12_000,
        headerBytes: 0,
        requests: 6,
        timeToFirstResultMs: 200,
        results: 20,
        files: [],
      },
      contentPage: {
        path: '/program/x/',
        bytes: 9_000,
        headerBytes: 0,
        byType: {},
        requests: 2,
        imageBytes: 0,
      },
      largestPage: {
        path: '/tidslinje/',
        bytes: 31_000,
        headerBytes: 0,
        byType: {},
        requests: 2,
        imageBytes: 0,
      },
    },
  };
}

describe('targets and the table', () => {
  it('checks the 10,000-document targets, and only the browser ones at other sizes', () => {
    const targets = checkTargets(result(10_000));
    const met = Object.fromEntries(targets.map((target) => [target.name, target.met]));
    expect(met).toEqual({
      'build and index 10,000 documents': true,
      'build time per page': true,
      'peak memory of the build': false,
      'first search transferred': true,
      'later search transferred': false,
      'content page without images (typical programme)': true,
      'content page without images (largest page)': false,
    });
    expect(checkTargets(result(1000)).map((target) => target.name)).not.toContain(
      'build and index 10,000 documents',
    );
    const failed = checkTargets(result(100_000, { exitCode: 1 }));
    expect(failed.find((target) => target.name.includes('100,000'))?.met).toBeUndefined();
  });

  it('gives page size statistics', () => {
    const sizes = Array.from({ length: 100 }, (_, index) => ({
      path: `/p${index}/`,
      bytes: (index + 1) * 100,
    }));
    expect(htmlSizes(sizes)).toEqual({
      pages: 100,
      medianBytes: 5100,
      p95Bytes: 9600,
      maxBytes: 10_000,
      maxPath: '/p99/',
    });
  });

  it('renders one column per size, the phases and the targets, and replaces only what lies between the markers', () => {
    const runs = [10_000, 1000].map((docs) => {
      const run = result(docs);
      return { ...run, targets: checkTargets(run) };
    });
    const table = renderTable(runs);
    expect(table.split('\n')[0]).toBe('| documents | 1,000 | 10,000 |');
    expect(table).toContain('| &nbsp;&nbsp;rendering pages | 12.0 s | 12.0 s |');
    expect(table).toContain(
      '| 10,000 | peak memory of the build | 1.50 GB | 1.60 GB | **missed** |',
    );
    const doc = 'before\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter';
    expect(replaceBetweenMarkers(doc, 'bench', 'new')).toBe(
      'before\n<!-- bench:start -->\n\nnew\n\n<!-- bench:end -->\nafter',
    );
    expect(() => replaceBetweenMarkers('no markers', 'bench', 'x')).toThrow(/markers/);
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_460_000_000)).toBe('1.46 GB');
  });

  it('reads the result files of one kind, one per document count', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'naravard-bench-results-'));
    try {
      for (const name of ['bench-1000.json', 'bench-10000.json', 'visitors-1000.json'])
        await writeFile(path.join(dir, name), JSON.stringify({ name }));
      await writeFile(path.join(dir, 'bench-1000-before.json'), '{}');
      const names = (await readResultFiles<{ name: string }>(dir, 'bench')).map((r) => r.name);
      expect(names.sort()).toEqual(['bench-1000.json', 'bench-10000.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('--peers: the command line', () => {
  const options = (argv: string[]) => {
    const parsed = parseBenchArgs(argv);
    if (parsed.kind !== 'options') throw new Error(JSON.stringify(parsed));
    return parsed.options;
  };

  it('defaults to three runs per figure and every change, in order', () => {
    expect(options(['--docs', '10000', '--peers'])).toEqual({
      docs: 10_000,
      seed: 1,
      lighthouse: false,
      browser: true,
      profile: false,
      peers: true,
      runs: 3,
      changes: ['edit', 'add', 'delete'],
    });
    expect(options(['--docs', '1000'])).toMatchObject({ peers: false, runs: 3 });
  });

  it('takes --runs, --changes, --seed and --no-browser', () => {
    expect(
      options([
        '--docs',
        '100000',
        '--peers',
        '--runs',
        '1',
        '--changes',
        'edit',
        '--seed',
        '7',
        '--no-browser',
      ]),
    ).toMatchObject({ docs: 100_000, seed: 7, runs: 1, changes: ['edit'], browser: false });
  });

  it('refuses what it cannot run, saying why', () => {
    const message = (argv: string[]) => {
      const parsed = parseBenchArgs(argv);
      return parsed.kind === 'error' ? parsed.message : parsed.kind;
    };
    expect(message([])).toMatch(/--docs N is required/);
    expect(message(['--docs', '1e4'])).toMatch(/positive integer/);
    expect(message(['--docs', '0'])).toMatch(/positive integer/);
    expect(message(['--docs', '100', '--runs', '2'])).toMatch(/go with --peers/);
    expect(message(['--docs', '100', '--peers', '--runs', '0'])).toMatch(/--runs/);
    expect(message(['--docs', '100', '--peers', '--changes', 'edit,rename'])).toMatch(/not rename/);
    expect(message(['--docs', '100', '--peers', '--changes', 'edit,edit'])).toMatch(/twice/);
    expect(message(['--docs', '100', '--peers', '--profile'])).toMatch(/cannot go together/);
    expect(message(['--docs', '100', '--nonsense'])).toMatch(/nonsense/);
    expect(message(['--help'])).toBe('help');
  });
});

describe('--peers: medians, ratios and targets', () => {
  const run = (wallSeconds: number, overrides: Partial<PeerRun> = {}): PeerRun => ({
    exitCode: 0,
    wallSeconds,
    peakMemoryBytes: 1e9,
    conditions: { loadAtStart: [1, 1, 1], loadAtEnd: [2, 1, 1] },
    ...overrides,
  });

  it('takes the median, of an odd or an even count', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeUndefined();
  });

  it('names the filesystem the builds write to, and whether ext4 keeps a journal', () => {
    const mounts = [
      '/dev/vda / ext4 rw,relatime,discard 0 0',
      'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
      'tmpfs /work/scratch\\040space tmpfs rw 0 0',
      '/dev/vdb /work/data ext4 rw 0 0',
      '',
    ].join('\n');
    const root = diskOf('/work/main', mounts, []);
    expect(root).toEqual({ type: 'ext4', device: '/dev/vda', mountPoint: '/', journal: false });
    expect(describeDisk(root!)).toBe('ext4 on /dev/vda, no journal');
    expect(diskOf('/work/main', mounts, ['vda-8'])?.journal).toBe(true);
    // A mapped device's journal is listed under the kernel's name for it (dm-0).
    const mapped = '/dev/mapper/vg-root / ext4 rw 0 0\n';
    expect(diskOf('/work/main', mapped, ['dm-0-8'])?.journal).toBeUndefined();
    expect(diskOf('/work/main', mapped, [])?.journal).toBe(false);
    // The longest mount point holding the folder, and not a mere prefix of its name.
    expect(diskOf('/work/data/naravard', mounts, ['vda-8'])).toMatchObject({
      device: '/dev/vdb',
      journal: false,
    });
    expect(diskOf('/work/database', mounts, [])?.device).toBe('/dev/vda');
    const scratch = diskOf('/work/scratch space/naravard', mounts, []);
    expect(scratch).toEqual({ type: 'tmpfs', device: 'tmpfs', mountPoint: '/work/scratch space' });
    expect(describeDisk(scratch!)).toBe('tmpfs on tmpfs');
    expect(diskOf('/work/main', '', [])).toBeUndefined();
  });

  it('reads the CPU pressure, and the share of a run in which tasks waited', () => {
    const text =
      'some avg10=93.10 avg60=89.95 avg300=65.82 total=8999813986\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
    const pressure = parseCpuPressure(text);
    expect(pressure).toEqual({
      avg10: 93.1,
      avg60: 89.95,
      avg300: 65.82,
      totalMicroseconds: 8_999_813_986,
    });
    expect(parseCpuPressure('full avg10=0.00 avg60=0.00 avg300=0.00 total=0')).toBeUndefined();
    const later = { ...pressure!, totalMicroseconds: pressure!.totalMicroseconds + 7_500_000 };
    expect(pressureShare(pressure, later, 10)).toBe(75);
    expect(pressureShare(undefined, later, 10)).toBeUndefined();
  });

  it('gives each figure its median, the ratios to the floor and the cold build, and PASS or MISS', () => {
    const figures = [
      summarizeStep('floor', [run(14), run(12), run(20)]),
      summarizeStep('cold', [run(30), run(36), run(33)]),
      summarizeStep('edit', [run(10), run(9), run(11)]),
      summarizeStep('add', [run(12), run(12), run(13)]),
      summarizeStep('delete', [run(11), run(40), run(12)]),
    ];
    expect(figures.map((figure) => figure.medianSeconds)).toEqual([14, 33, 10, 12, 12]);
    const ratios = peerRatios(figures);
    expect(Object.fromEntries(ratios.map((ratio) => [ratio.name, ratio.value]))).toEqual({
      'cold / floor': 2.36,
      'edit / floor': 0.71,
      'add / floor': 0.86,
      'delete / floor': 0.86,
      'edit / cold': 0.3,
      'add / cold': 0.36,
      'delete / cold': 0.36,
    });
    const targets = peerTargets(10_000, figures, ratios);
    expect(targets.map((target) => [target.name, verdict(target)])).toEqual([
      ['cold build ≤ 1.5 × the floor', 'MISS'],
      ["edit rebuild ≤ the floor's cold build", 'PASS'],
    ]);
    expect(ratios[0]?.cpuValue).toBeUndefined();
  });

  it('gives each ratio within each round too, steadier when the machine drifts', () => {
    // Every build slower from round to round, the floor included (as on 1 December).
    const figures = [
      summarizeStep('floor', [run(12.7), run(16.3), run(17.4)]),
      summarizeStep('cold', [run(22.7), run(24.7), run(26.7)]),
      summarizeStep('edit', [run(13.2), run(15.4), run(16.8)]),
      summarizeStep('add', [run(13.8), run(15.4, { exitCode: 1 }), run(16.8)]),
    ];
    const ratios = Object.fromEntries(peerRatios(figures).map((ratio) => [ratio.name, ratio]));
    expect(ratios['cold / floor']).toMatchObject({
      value: 1.52,
      rounds: [1.79, 1.52, 1.53],
      roundsMedian: 1.53,
    });
    expect(ratios['edit / floor']).toMatchObject({
      rounds: [1.04, 0.94, 0.97],
      roundsMedian: 0.97,
    });
    // A failed run leaves its round out, and the median of the rounds unknown.
    expect(ratios['add / floor']).toMatchObject({
      value: undefined,
      rounds: [1.09, undefined, 0.97],
      roundsMedian: undefined,
    });
    const all = peerRatios(figures);
    const markdown = renderPeers([
      {
        docs: 10_000,
        seed: 1,
        peers: {
          runsPerFigure: 3,
          date: '2026-12-01T14:13:00.000Z',
          changes: [],
          figures,
          ratios: all,
          targets: peerTargets(10_000, figures, all),
          conditions: { loadAtStart: [2, 2, 2], loadAtEnd: [3, 3, 3], commit: 'f943f93' },
          incrementalBuild: true,
        },
      },
    ]);
    expect(markdown).toContain('| cold / floor | 1.52× | – | 1.53× (1.79×, 1.52×, 1.53×) |');
    expect(markdown).toContain('| add / floor | – | – | – (1.09×, –, 0.97×) |');
    // One round has no ratio within rounds beside the ratio of its figures.
    const single = peerRatios([
      summarizeStep('floor', [run(10)]),
      summarizeStep('cold', [run(15)]),
    ]);
    expect(single[0]).toEqual({
      name: 'cold / floor',
      numerator: 'cold',
      denominator: 'floor',
      value: 1.5,
    });
  });

  it('gives the ratios of the median CPU times beside those of the wall times', () => {
    const figures = [
      summarizeStep('floor', [run(14, { cpuSeconds: 10 }), run(20, { cpuSeconds: 12 })]),
      summarizeStep('cold', [run(30, { cpuSeconds: 21 }), run(36, { cpuSeconds: 23 })]),
    ];
    expect(figures.map((figure) => figure.medianCpuSeconds)).toEqual([11, 22]);
    const [coldFloor] = peerRatios(figures);
    expect(coldFloor).toMatchObject({ name: 'cold / floor', value: 1.94, cpuValue: 2 });
  });

  it('checks 8 GB at 100,000 documents on the largest peak of any build, not the floor', () => {
    const figures = [
      summarizeStep('floor', [run(100, { peakMemoryBytes: 9e9 })]),
      summarizeStep('cold', [run(600, { peakMemoryBytes: 6.3e9 })]),
      summarizeStep('edit', [run(90, { peakMemoryBytes: 7.9e9 })]),
    ];
    const memory = peerTargets(100_000, figures, peerRatios(figures)).find((target) =>
      target.name.includes('8 GB'),
    );
    expect(memory).toMatchObject({ value: 7.9e9, met: true });
    const over = [figures[0]!, summarizeStep('cold', [run(600, { peakMemoryBytes: 8.1e9 })])];
    expect(verdict(peerTargets(100_000, over, peerRatios(over)).at(-1)!)).toBe('MISS');
  });

  it('reports a failed run, or a rebuild that missed its change, as unmeasured rather than a figure', () => {
    const figures = [
      summarizeStep('floor', [run(14)]),
      summarizeStep('cold', [run(30), run(31, { exitCode: 1 })]),
    ];
    expect(figures[1]?.medianSeconds).toBeUndefined();
    expect(
      summarizeStep('edit', [run(3, { changeShown: true }), run(2, { changeShown: false })])
        .medianSeconds,
    ).toBeUndefined();
    const targets = peerTargets(10_000, figures, peerRatios(figures));
    expect(targets.map(verdict)).toEqual(['?']);
  });

  it('renders each figure with its runs, the ratios and the targets', () => {
    const figures = [
      summarizeStep('floor', [run(14, { astroSeconds: 9.5, pagefindSeconds: 4.5 })]),
      summarizeStep('cold', [
        run(21, {
          conditions: {
            loadAtStart: [3.5, 2, 1],
            loadAtEnd: [4, 2, 1],
            pressureAtEnd: { avg10: 60.5, avg60: 55.1, avg300: 40, totalMicroseconds: 1 },
            pressureDuringRun: 48.2,
          },
        }),
      ]),
    ];
    const ratios = peerRatios(figures);
    const peers: PeersResult = {
      runsPerFigure: 1,
      date: '2026-11-30T15:00:00.000Z',
      changes: [],
      figures,
      ratios,
      targets: peerTargets(10_000, figures, ratios),
      conditions: { loadAtStart: [3, 2, 1], loadAtEnd: [4, 3, 2], commit: 'abc1234' },
      incrementalBuild: false,
    };
    const markdown = renderPeers([{ docs: 10_000, seed: 7, peers }]);
    expect(markdown).toContain(
      '### 10,000 documents (seed 7), 2026-11-30 15:00 UTC, commit abc1234',
    );
    expect(markdown).toContain('14.0 s (9.5 + 4.5)');
    expect(markdown).toContain('load 3.5→4, PSI 60.5/55.1, 48.2% stalled');
    expect(markdown).toContain('| cold / floor | 1.50× |');
    expect(markdown).toContain('| cold build ≤ 1.5 × the floor | 1.50× | 1.50× | PASS |');
    expect(markdown).toContain('**not enabled**');
  });
});

describe('--peers: timing a command', () => {
  it('records the exit code, the lines with their times, and the load and pressure around it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-timed-'));
    try {
      const timed = await timedRun(
        process.execPath,
        ['-e', 'console.log("first"); console.error("second"); process.exit(3)'],
        { cwd: dir, env: process.env, logFile: path.join(dir, 'logs', 'run.log') },
      );
      expect(timed.exitCode).toBe(3);
      expect(timed.lines.map((line) => line.text).sort()).toEqual(['first', 'second']);
      expect((await readFile(path.join(dir, 'logs', 'run.log'), 'utf8')).split('\n')).toContain(
        'first',
      );
      expect(timed.memory.peakBytes).toBeGreaterThan(0);
      expect(timed.conditions.loadAtStart).toHaveLength(3);
      // A Node process's own start takes CPU time, which the kernel hands to its parent.
      if (existsSync('/proc/self/stat')) expect(timed.cpuSeconds).toBeGreaterThan(0);
      if (existsSync('/proc/pressure/cpu'))
        expect(timed.conditions.pressureDuringRun).toBeGreaterThanOrEqual(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('--peers: the dataset changes between rebuilds', () => {
  let documents: RawDocument[];
  beforeAll(() => {
    documents = [...generateDocuments({ docs: 400, seed: 3 })] as unknown as RawDocument[];
  });

  it('edits the most listed programme, adds one programme and deletes an unreferenced document, each keeping the dataset valid', () => {
    const edited = applyChange(documents, 'edit');
    const target = edited.documents.find((document) => document._id === edited.applied.id);
    const before = documents.find((document) => document._id === edited.applied.id);
    expect(target?._type).toBe('programme');
    expect(target?.['title']).toBe(`${String(before?.['title'])} (reviderad)`);
    expect(String(target?.['summary'])).toMatch(/^Sammanfattningen är reviderad\. /);
    expect(Date.parse(String(target?.['_updatedAt']))).toBeGreaterThan(
      Math.max(...documents.map((document) => Date.parse(String(document['_updatedAt'])))),
    );
    // Listed on several pages: it names more than one region or theme.
    const count = (field: string) => (before?.[field] as unknown[] | undefined)?.length ?? 0;
    expect(count('regions') + count('themes')).toBeGreaterThan(1);
    expect(before?.['title']).not.toContain('reviderad');

    const added = applyChange(edited.documents, 'add');
    expect(added.documents).toHaveLength(documents.length + 1);
    expect(added.documents.find((document) => document._id === ADDED_ID)?._type).toBe('programme');
    const ids = added.documents.map((document) => document._id);
    expect(ids).toEqual([...ids].sort());

    const deleted = applyChange(added.documents, 'delete');
    expect(deleted.documents).toHaveLength(documents.length);
    expect(deleted.documents.some((document) => document._id === deleted.applied.id)).toBe(false);
    expect(deleted.applied.id).toMatch(/^syn-dokument-/);
    expect(
      deleted.documents.some((document) => JSON.stringify(document).includes(deleted.applied.id)),
    ).toBe(false);

    for (const step of [edited, added, deleted])
      expect(checkIntegrity(step.documents).errors, step.applied.change).toEqual([]);
    expect(() => applyChange(added.documents, 'add')).toThrow(/already/);
  });

  it("tells whether a built site shows each change on the document's own page", async () => {
    const edited = applyChange(documents, 'edit');
    const added = applyChange(edited.documents, 'add');
    const deleted = applyChange(added.documents, 'delete');
    expect(edited.applied.page).toMatch(/^program\/[a-z0-9-]+\/index\.html$/);
    expect(added.applied.page).toBe('program/tillagt-program-for-nara-vard/index.html');
    expect(deleted.applied.page).toMatch(/^dokument\/[a-z0-9-]+\/index\.html$/);
    const site = await mkdtemp(path.join(tmpdir(), 'bench-site-'));
    const page = async (file: string, html: string) => {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), html);
    };
    try {
      await page(edited.applied.page, '<h1>Det gamla namnet</h1>');
      await page(deleted.applied.page, '<h1>Kvar</h1>');
      expect(await changeProblem(site, edited.applied)).toMatch(/does not show "\(reviderad\)"/);
      expect(await changeProblem(site, added.applied)).toMatch(/is missing/);
      expect(await changeProblem(site, deleted.applied)).toMatch(/is still there/);
      const title = String(edited.documents.find((d) => d._id === edited.applied.id)?.['title']);
      await page(edited.applied.page, `<h1>${title}</h1>`);
      await page(added.applied.page, '<h1>Tillagt program</h1>');
      await rm(path.join(site, deleted.applied.page));
      for (const step of [edited, added, deleted])
        expect(await changeProblem(site, step.applied)).toBeUndefined();
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('writes and reads the dataset file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-changes-'));
    try {
      await writeDatasetDocuments(dir, documents.slice(0, 5));
      expect(await readDatasetDocuments(dir)).toEqual(documents.slice(0, 5));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('--peers: clearing the caches', () => {
  it('removes the build cache, and finds what a build wrote elsewhere', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'bench-caches-'));
    try {
      const benchDir = path.join(root, '.cache', 'bench');
      const astroCache = path.join(benchDir, 'astro-cache-10');
      await mkdir(path.join(astroCache, 'dist'), { recursive: true });
      await writeFile(path.join(astroCache, 'incremental-build.json'), '{}');
      const old = path.join(root, '.cache', 'old-cache');
      await mkdir(old);
      await utimes(old, new Date(2020, 0, 1), new Date(2020, 0, 1));
      const since = Date.now() - 1000;
      await mkdir(path.join(root, '.cache', 'site-images'));
      await mkdir(path.join(root, 'node_modules', '.astro'), { recursive: true });
      await writeFile(path.join(root, 'node_modules', '.astro', 'data-store.json'), '{}');

      await clearBuildCaches(astroCache);
      expect(existsSync(astroCache)).toBe(false);
      expect((await findCacheWritesOutside(root, since, [benchDir])).sort()).toEqual([
        path.join('.cache', 'site-images'),
        path.join('node_modules', '.astro', 'data-store.json'),
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('--peers: the bare-Astro floor', () => {
  const fixture = path.resolve(import.meta.dirname, '..', 'fixtures', 'minimal');
  const root = path.resolve(import.meta.dirname, '..', '..');
  let projectDir: string;
  let documents: RawDocument[];
  beforeAll(async () => {
    documents = await readDatasetDocuments(fixture);
    projectDir = await mkdtemp(path.join(tmpdir(), 'bench-floor-'));
  });
  afterAll(() => rm(projectDir, { recursive: true, force: true }));

  it('gives each published document one page with its title, summary and body text', () => {
    const pages = floorPages(documents);
    const published = documents.filter(
      (document) => !document._id.startsWith('drafts.') && !document._type.includes('.'),
    );
    expect(pages.map((page) => page.slug)).toHaveLength(published.length);
    expect(new Set(pages.map((page) => page.slug)).size).toBe(pages.length);
    const programme = pages.find((page) => page.slug === 'programme/gr-vardens-medarbetare');
    expect(programme).toEqual({
      slug: 'programme/gr-vardens-medarbetare',
      title: 'Vårdens medarbetare',
      summary: 'Ett program.',
      paragraphs: ['Läs mer hos GR eller skriv'],
    });
    expect(pages.find((page) => page.slug === 'malbild/gr')?.paragraphs).toEqual([
      'Nära',
      'Vården är nära.',
    ]);
    expect(pages.find((page) => page.slug === 'tema/samverkan')?.summary).toBe(
      'Samverkan över organisationsgränser.',
    );
  });

  it('writes a project that builds with the installed Astro and is indexed by Pagefind', async () => {
    const pages = floorPages(documents);
    await writeFloorProject(projectDir, pages, root);
    const lines: Array<{ text: string }> = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'scripts', 'bench', 'floor-build.ts'), projectDir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) =>
        lines.push(...chunk.split('\n').map((text) => ({ text }))),
      );
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const times = floorTimesFromLines(lines);
    expect(times?.pages).toBe(pages.length);
    expect(times?.astroSeconds).toBeGreaterThan(0);
    const html = await readFile(
      path.join(projectDir, 'dist', 'programme', 'gr-vardens-medarbetare', 'index.html'),
      'utf8',
    );
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h1>Vårdens medarbetare</h1>');
    expect(html).toContain('<p>Läs mer hos GR eller skriv</p>');
    // Its own cache, not the repository's node_modules/.astro.
    expect(await readFile(path.join(projectDir, 'astro.config.mjs'), 'utf8')).toContain(
      "cacheDir: './.astro-cache'",
    );
  });
});
