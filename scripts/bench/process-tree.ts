// Peak memory of a whole process tree (the build runs node, astro, the Pagefind binary, sharp's
// threads…): the root's descendants are found through their parent ids in a scan of all of
// /proc, once a second; between scans only the processes already known are read, a few times a
// second, and their resident memory added up. Each process's own high-water mark (VmHWM) is read
// at every scan too, so a process's peak between two samples is not missed. Reading every /proc
// entry 20 times a second took ~40 % of a core, on the machine whose time it measured. Linux
// only; the pure parts are exported for tests.
import { readFile, readdir } from 'node:fs/promises';

export interface ProcessStat {
  pid: number;
  ppid: number;
  /** The command name (`comm`), at most 15 characters. */
  name: string;
  /** Resident set size in pages. */
  rssPages: number;
}

/**
 * Parses `/proc/<pid>/stat`. The command name is in parentheses and may itself contain spaces
 * and parentheses, so the fields after it are counted from the last `)`.
 */
export function parseStat(text: string): ProcessStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  // After ")": state(3) ppid(4) … rss is field 24 (1-based), i.e. index 21 after the state.
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(rest[1]);
  const rssPages = Number(rest[21]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isFinite(rssPages))
    return undefined;
  return { pid, ppid, name: text.slice(open + 1, close), rssPages };
}

/** `root` and every process below it. */
export function descendants(root: number, processes: readonly ProcessStat[]): ProcessStat[] {
  const children = new Map<number, ProcessStat[]>();
  for (const process of processes) {
    const list = children.get(process.ppid);
    if (list) list.push(process);
    else children.set(process.ppid, [process]);
  }
  const found: ProcessStat[] = [];
  const self = processes.find((process) => process.pid === root);
  if (self) found.push(self);
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      if (child.pid === root) continue;
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Every process /proc lists now (those that end while being read are skipped). */
export async function readProcesses(proc = '/proc'): Promise<ProcessStat[]> {
  const entries = await readdir(proc);
  const stats = await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map((entry) => readFile(`${proc}/${entry}/stat`, 'utf8').then(parseStat, () => undefined)),
  );
  return stats.filter((stat): stat is ProcessStat => stat !== undefined);
}

export interface MemorySample {
  /** Milliseconds since sampling started. */
  at: number;
  /** Resident bytes summed over the tree. */
  bytes: number;
  processes: number;
}

export interface TreeMemory {
  /**
   * The largest sum seen, or the largest single process's high-water mark (VmHWM) if that is
   * larger (a peak between two samples).
   */
  peakBytes: number;
  /** The sample with the largest sum, and what the tree held then (largest first). */
  peakAt: number;
  peakProcesses: Array<{ name: string; bytes: number }>;
  samples: number;
  intervalMs: number;
  /** Milliseconds between scans of all of /proc for new processes of the tree. */
  scanIntervalMs: number;
  /** One sample a second, for a memory-over-time curve. */
  timeline: MemorySample[];
}

const PAGE_SIZE = 4096;

/** A process's high-water mark of resident memory in bytes, from `/proc/<pid>/status`. */
export function parseHighWaterMark(status: string): number | undefined {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/**
 * Sums resident memory of `root`'s tree every `intervalMs` until `stop()` is called; looks for
 * new processes of the tree every `scanIntervalMs`.
 */
export function sampleTreeMemory(
  root: number,
  intervalMs = 250,
  proc = '/proc',
  scanIntervalMs = 1000,
) {
  const started = performance.now();
  const result: TreeMemory = {
    peakBytes: 0,
    peakAt: 0,
    peakProcesses: [],
    samples: 0,
    intervalMs,
    scanIntervalMs,
    timeline: [],
  };
  let stopped = false;
  let nextTimelineAt = 0;
  let nextScanAt = 0;
  let known: number[] = [];
  let largestHighWaterMark = 0;
  const readKnown = async () =>
    (
      await Promise.all(
        known.map((pid) =>
          readFile(`${proc}/${pid}/stat`, 'utf8').then(parseStat, () => undefined),
        ),
      )
    ).filter((stat): stat is ProcessStat => stat !== undefined);
  const sample = async () => {
    const at = Math.round(performance.now() - started);
    let tree: ProcessStat[];
    if (at >= nextScanAt) {
      tree = descendants(root, await readProcesses(proc));
      known = tree.map((process) => process.pid);
      nextScanAt = at + scanIntervalMs;
      for (const pid of known) {
        const status = await readFile(`${proc}/${pid}/status`, 'utf8').catch(() => '');
        largestHighWaterMark = Math.max(largestHighWaterMark, parseHighWaterMark(status) ?? 0);
      }
    } else tree = await readKnown();
    const bytes = tree.reduce((sum, process) => sum + process.rssPages * PAGE_SIZE, 0);
    result.samples += 1;
    if (bytes > result.peakBytes) {
      result.peakBytes = bytes;
      result.peakAt = at;
      result.peakProcesses = tree
        .map((process) => ({ name: process.name, bytes: process.rssPages * PAGE_SIZE }))
        .sort((a, b) => b.bytes - a.bytes);
    }
    if (at >= nextTimelineAt && tree.length > 0) {
      result.timeline.push({ at, bytes, processes: tree.length });
      nextTimelineAt = at + 1000;
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const begun = performance.now();
      await sample();
      const wait = intervalMs - (performance.now() - begun);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    /** Samples taken so far. */
    samples: () => result.samples,
    async stop(): Promise<TreeMemory> {
      stopped = true;
      await loop;
      result.peakBytes = Math.max(result.peakBytes, largestHighWaterMark);
      return result;
    },
  };
}
