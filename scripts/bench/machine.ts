// What the benchmark ran on: the figures mean little without it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
  /** The filesystem the builds write to (the repository's). */
  disk?: Disk | undefined;
}

/**
 * A filesystem, from `/proc/mounts`. For ext4, whether it keeps a journal: without one, each new
 * file's inode is found by skipping the inodes freed in the last minute, so a build right after
 * tens of thousands of files were deleted pays seconds for it (docs/performance.md).
 */
export interface Disk {
  type: string;
  device: string;
  mountPoint: string;
  journal?: boolean | undefined;
}

/**
 * The filesystem holding `folder`: the mount in `mounts` (the text of `/proc/mounts`) with the
 * longest mount point that contains it. `journals` lists `/proc/fs/jbd2/` (`vda-8` for a journal
 * on /dev/vda); the journal of a device not named as the kernel names it (`/dev/mapper/…`) is
 * unknown when other journals are listed.
 */
export function diskOf(
  folder: string,
  mounts: string,
  journals: readonly string[],
): Disk | undefined {
  let found: Disk | undefined;
  for (const line of mounts.split('\n')) {
    const [device, escapedMountPoint, type] = line.split(' ');
    if (!device || !escapedMountPoint || !type) continue;
    // /proc/mounts writes a space in a path as \040.
    const mountPoint = escapedMountPoint.replace(/\\([0-7]{3})/g, (_, octal: string) =>
      String.fromCharCode(parseInt(octal, 8)),
    );
    const inside =
      folder === mountPoint ||
      folder.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!found || mountPoint.length >= found.mountPoint.length))
      found = { type, device, mountPoint };
  }
  if (found?.type === 'ext4') {
    // A journal is listed by its kernel device name: `/dev/vda`'s, not `/dev/mapper/…`'s.
    const name = path.basename(found.device);
    const kernelName = /^\/dev\/[^/]+$/.test(found.device) && name !== 'root';
    found.journal = journals.some((entry) => entry.startsWith(`${name}-`))
      ? true
      : kernelName || journals.length === 0
        ? false
        : undefined;
  }
  return found;
}

/** `ext4 on /dev/vda, no journal`. */
export function describeDisk(disk: Disk): string {
  const journal = disk.journal === undefined ? '' : disk.journal ? ', journal' : ', no journal';
  return `${disk.type} on ${disk.device}${journal}`;
}

function diskOfFolder(folder: string): Disk | undefined {
  try {
    const journals = existsSync('/proc/fs/jbd2') ? readdirSync('/proc/fs/jbd2') : [];
    return diskOf(realpathSync(folder), readFileSync('/proc/mounts', 'utf8'), journals);
  } catch {
    return undefined;
  }
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
    disk: diskOfFolder(root),
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

/** One line of `/proc/pressure/cpu` ("some"): stall averages in %, and the total in µs. */
export interface CpuPressure {
  avg10: number;
  avg60: number;
  avg300: number;
  /** Microseconds in which some runnable task waited for a CPU, since boot. */
  totalMicroseconds: number;
}

/** The `some` line of `/proc/pressure/cpu`'s text, or undefined when it has none. */
export function parseCpuPressure(text: string): CpuPressure | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith('some '));
  if (!line) return undefined;
  const field = (name: string) => Number(new RegExp(`\\b${name}=([0-9.]+)`).exec(line)?.[1]);
  const pressure = {
    avg10: field('avg10'),
    avg60: field('avg60'),
    avg300: field('avg300'),
    totalMicroseconds: field('total'),
  };
  return Object.values(pressure).every(Number.isFinite) ? pressure : undefined;
}

/** The CPU pressure now (Linux ≥ 4.20 with PSI), or undefined where the kernel has none. */
export function readCpuPressure(file = '/proc/pressure/cpu'): CpuPressure | undefined {
  try {
    return parseCpuPressure(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The 1, 5 and 15 minute load averages now, rounded to hundredths. */
export const loadAverage = load;
