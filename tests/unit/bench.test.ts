// The benchmark's own parts (scripts/bench/): reading /proc and summing a process tree's
// memory, phases from a build log, page size statistics, the targets and the Markdown table.
// No timing is asserted: speed is what the benchmark measures, not what a test checks.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phasesFromLog } from '../../scripts/bench/phases.ts';
import {
  descendants,
  parseStat,
  readProcesses,
  sampleTreeMemory,
} from '../../scripts/bench/process-tree.ts';
import {
  checkTargets,
  formatBytes,
  htmlSizes,
  renderTable,
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
      await new Promise((resolve) => setTimeout(resolve, 40));
      const memory = await sampler.stop();
      expect(memory.peakBytes).toBe((1000 + 3000 + 500) * 4096);
      expect(memory.peakProcesses[0]).toEqual({ name: 'node', bytes: 3000 * 4096 });
      expect(memory.samples).toBeGreaterThan(1);
    });
  });

  it('sees the memory a real child process takes', async () => {
    // A shell whose child holds 150 MB for a moment (a bare Node holds ~50 MB): the tree's
    // peak, taken at the shell, must include the grandchild's memory.
    const script = `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(150e6, 1); setTimeout(() => b.length, 1500)"`;
    const child = spawn('/bin/sh', ['-c', `${script}; true`], { stdio: 'ignore' });
    const sampler = sampleTreeMemory(child.pid as number, 20);
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
});
