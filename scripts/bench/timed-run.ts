// One timed run of a build command: wall time, the peak memory of its whole process tree, its
// log lines with their arrival times (for the phases), and how busy the machine was meanwhile
// (load average and CPU pressure before and after), so that a run on a loaded machine says so.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadAverage, readCpuPressure, type CpuPressure } from './machine.ts';
import type { TimedLine } from './phases.ts';
import { sampleTreeMemory, type TreeMemory } from './process-tree.ts';

/** How busy the machine was during one run. */
export interface RunConditions {
  loadAtStart: [number, number, number];
  loadAtEnd: [number, number, number];
  /** `/proc/pressure/cpu` "some" at the end of the run (avg10 ≈ the run's last 10 s). */
  pressureAtEnd?: CpuPressure | undefined;
  /**
   * The share of the run's wall time in which some runnable task waited for a CPU (from the
   * pressure's `total` before and after), in %: the run's own CPU pressure, whatever its length.
   */
  pressureDuringRun?: number | undefined;
}

export interface TimedRun {
  exitCode: number;
  wallSeconds: number;
  /**
   * CPU time (user + system) of the command's whole process tree, as the kernel accounts it to
   * its waiting parents: on a shared machine it moves far less with the load than wall time.
   * Undefined off Linux.
   */
  cpuSeconds?: number | undefined;
  memory: TreeMemory;
  lines: TimedLine[];
  conditions: RunConditions;
}

export interface TimedRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The command's output is written here as it comes (tail -f to watch a long build). */
  logFile: string;
  /** Milliseconds between memory samples. */
  sampleIntervalMs?: number;
}

/**
 * Starts watching the machine for one run: the returned function, called when the run ends,
 * gives the load and CPU pressure it ran under.
 */
export function watchConditions(): () => RunConditions {
  const loadAtStart = loadAverage();
  const pressureBefore = readCpuPressure();
  const started = Date.now();
  return () => {
    const pressureAtEnd = readCpuPressure();
    return {
      loadAtStart,
      loadAtEnd: loadAverage(),
      pressureAtEnd,
      pressureDuringRun: pressureShare(
        pressureBefore,
        pressureAtEnd,
        (Date.now() - started) / 1000,
      ),
    };
  };
}

/** The share (%) of `wallSeconds` in which tasks waited for a CPU, between two readings. */
export function pressureShare(
  before: CpuPressure | undefined,
  after: CpuPressure | undefined,
  wallSeconds: number,
): number | undefined {
  if (!before || !after || wallSeconds <= 0) return undefined;
  const stalled = (after.totalMicroseconds - before.totalMicroseconds) / 1e6;
  return Math.round(Math.min(100, Math.max(0, (stalled / wallSeconds) * 100)) * 10) / 10;
}

/** Clock ticks a second of /proc's CPU times (USER_HZ: 100 on Linux, whatever the kernel's HZ). */
const USER_HZ = 100;

/**
 * The CPU time of this process's children that have ended and been waited for (`cutime` and
 * `cstime` of /proc/self/stat, which include their own waited-for children), in seconds.
 */
export function childrenCpuSeconds(stat = '/proc/self/stat'): number | undefined {
  try {
    const text = readFileSync(stat, 'utf8');
    // After the command name's closing parenthesis: state is field 3; cutime 16, cstime 17.
    const fields = text
      .slice(text.lastIndexOf(')') + 1)
      .trim()
      .split(/\s+/);
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / USER_HZ : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `command args` to its end, timed and sampled. */
export async function timedRun(
  command: string,
  args: readonly string[],
  options: TimedRunOptions,
): Promise<TimedRun> {
  await mkdir(path.dirname(options.logFile), { recursive: true });
  // Each run starts once the disk has written back what the runs before it wrote (a build of
  // 10,000 documents writes ~1 GB, and ~0.4 GB of it was still unwritten seconds after it had
  // ended): no run pays for the write-back of the one before.
  flushWrites();
  const loadAtStart = loadAverage();
  const pressureBefore = readCpuPressure();
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env,
  });
  const memory = sampleTreeMemory(child.pid as number, options.sampleIntervalMs ?? 250);
  const lines: TimedLine[] = [];
  const logStream = createWriteStream(options.logFile);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = (performance.now() - started) / 1000;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push({ at, text: line });
        logStream.write(`${line}\n`);
      }
    });
  }
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const pressureAtEnd = readCpuPressure();
  const tree = await memory.stop();
  await new Promise((resolve) => logStream.end(resolve));
  return {
    exitCode,
    wallSeconds,
    cpuSeconds:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : Math.round((cpuAfter - cpuBefore) * 100) / 100,
    memory: tree,
    lines,
    conditions: {
      loadAtStart,
      loadAtEnd: loadAverage(),
      pressureAtEnd,
      pressureDuringRun: pressureShare(pressureBefore, pressureAtEnd, wallSeconds),
    },
  };
}

/** Waits until the kernel has written every modified file page to disk (`sync`). */
export function flushWrites(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
