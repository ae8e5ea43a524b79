// `node scripts/bench/floor-build.ts <floor project>`: a cold build of the floor project that
// scripts/bench/floor.ts wrote (its earlier output and Astro's cache removed first), `astro build`
// with this repository's Astro, then Pagefind over its output through the Node API, as the
// site's build runs it. Run as a process of its own, so the benchmark times and samples it as it
// does the site's build. Its last line is `[floor] {"astroSeconds":…,"pagefindSeconds":…,…}`.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { indexSite } from '../site-build/search-index.ts';
import { floorBuildOutputs } from './floor.ts';

export const FLOOR_RESULT_PREFIX = '[floor] {';

export interface FloorTimes {
  astroSeconds: number;
  pagefindSeconds: number;
  /** Pages in the Pagefind index. */
  pages: number;
}

/** The floor build's own timings, from its output lines. */
export function floorTimesFromLines(
  lines: ReadonlyArray<{ text: string }>,
): FloorTimes | undefined {
  const line = lines.findLast((candidate) => candidate.text.startsWith(FLOOR_RESULT_PREFIX));
  return line ? (JSON.parse(line.text.slice('[floor] '.length)) as FloorTimes) : undefined;
}

async function main(projectDir: string): Promise<void> {
  for (const output of floorBuildOutputs(projectDir))
    await rm(output, { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const astroBin = path.join(
    path.dirname(require.resolve('astro/package.json')),
    'bin',
    'astro.mjs',
  );
  const astroStarted = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: projectDir,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', () => resolve(127));
    child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
  });
  const astroSeconds = (performance.now() - astroStarted) / 1000;
  if (code !== 0) {
    console.error(`[floor] astro build failed (exit ${code})`);
    process.exit(code);
  }
  const summary = await indexSite(path.join(projectDir, 'dist'));
  const times: FloorTimes = {
    astroSeconds: Math.round(astroSeconds * 100) / 100,
    pagefindSeconds: Math.round(summary.milliseconds / 10) / 100,
    pages: summary.pages,
  };
  console.log(`[floor] ${JSON.stringify(times)}`);
}

if (import.meta.main) {
  const projectDir = process.argv[2];
  if (!projectDir) {
    console.error('Usage: node scripts/bench/floor-build.ts <floor project folder>');
    process.exit(2);
  }
  await main(path.resolve(projectDir));
}
