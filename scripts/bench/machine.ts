// What the benchmark ran on: the figures mean little without it.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  cores: number;
  cpuModel: string;
  totalMemoryBytes: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages when the benchmark started and ended. */
  loadAtStart: [number, number, number];
  loadAtEnd?: [number, number, number] | undefined;
  /** `quiet` when the 1-minute load at the start was below half a core, else `shared`. */
  conditions: 'quiet' | 'shared';
  chromium?: string | undefined;
  commit?: string | undefined;
}

const load = () =>
  os.loadavg().map((value) => Math.round(value * 100) / 100) as [number, number, number];

function commitOf(root: string): string | undefined {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${hash} (with uncommitted changes)` : hash;
  } catch {
    return undefined;
  }
}

export function describeMachine(root: string): Machine {
  const cpus = os.cpus();
  const loadAtStart = load();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAtStart,
    conditions: loadAtStart[0] < 0.5 ? 'quiet' : 'shared',
    commit: commitOf(root),
  };
}

export function finishMachine(machine: Machine): Machine {
  return { ...machine, loadAtEnd: load() };
}

export function chromiumVersion(executable: string): string | undefined {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
