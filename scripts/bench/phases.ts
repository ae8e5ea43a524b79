// Where a build's time goes, from the lines it prints and when each arrived: the time between
// one landmark line and the next is the phase that the later line ends. Astro's lines are held
// back until the content check has passed (scripts/build.ts), so the phases of its start that
// ran beside the check show as (nearly) nothing. A site rendered by two Astro processes prints
// Astro's landmarks once for each: its bundling and rendering end with the later process.

export interface TimedLine {
  /** Seconds since the build started. */
  at: number;
  text: string;
}

/** Landmarks in the order a build prints them, each ending the named phase. */
const LANDMARKS: Array<{ name: string; pattern: RegExp; last?: true }> = [
  { name: 'content check (scripts/build.ts)', pattern: /^Content checked:/ },
  { name: 'Astro and Vite start', pattern: /\[content\] Syncing content/ },
  { name: 'content layer (query, validate, store)', pattern: /\[content\] Synced content/ },
  { name: 'types and build setup', pattern: /\[build\] Building static entrypoints/ },
  { name: 'bundling (Vite)', pattern: /\[build\] Rearranging server assets/, last: true },
  { name: 'rendering pages', pattern: /\[build\] ✓ Completed in/, last: true },
  { name: 'sitemap', pattern: /\[@astrojs\/sitemap\]/ },
  // One phase: scripts/build.ts runs Pagefind beside the social images and _headers.
  {
    name: 'Pagefind index, beside it social images and _headers',
    pattern: /The site is built in/,
  },
];

/** Seconds per phase; the rest of the wall time up to `totalSeconds` is "exit". */
export function phasesFromLog(
  lines: readonly TimedLine[],
  totalSeconds: number,
): Array<{ name: string; seconds: number }> {
  const phases: Array<{ name: string; seconds: number }> = [];
  let previous = 0;
  let searchFrom = 0;
  for (const { name, pattern, last } of LANDMARKS) {
    const matches = (line: TimedLine, at: number) => at >= searchFrom && pattern.test(line.text);
    const index = last ? lines.findLastIndex(matches) : lines.findIndex(matches);
    if (index === -1) continue;
    const at = (lines[index] as TimedLine).at;
    phases.push({ name, seconds: round(at - previous) });
    previous = at;
    searchFrom = index + 1;
  }
  if (totalSeconds > previous)
    phases.push({
      name: phases.length === 0 ? 'build' : 'process exit',
      seconds: round(totalSeconds - previous),
    });
  return phases;
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;
