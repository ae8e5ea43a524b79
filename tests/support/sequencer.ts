// The order of test files. When Vitest has no durations from an earlier run (a fresh clone, CI):
// files that start child processes (a site build, the Sanity CLI, Chromium, the content
// scripts) first, larger files first within each kind, so that no slow file starts last while
// the other workers have nothing left to do. With durations from an earlier run, Vitest's own
// order (failed first, then longest first) stands.
// Then, within a group of projects that run side by side ('site' and 'studio-browser'), the
// smaller project's files are spread evenly through the larger one's: the Studio files take
// turns with the lake's port (tests/support/studio.ts), so two of them in a row would leave a
// worker waiting.
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const STARTS_PROCESSES =
  /\b(?:runSanity|validateFile|runBuild|buildSite|buildSiteOrThrow|openSite|launchBrowser|runScript|spawn|spawnSync|execFile)\(/;

function startsProcesses(file: string): boolean {
  try {
    return STARTS_PROCESSES.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

const groupOf = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;

/** `files` (one group) with each smaller project's files spread evenly through the largest's. */
function spreadProjects(files: TestSpecification[]): TestSpecification[] {
  const byProject = new Map<string, TestSpecification[]>();
  for (const spec of files) {
    const name = spec.project.name;
    byProject.set(name, [...(byProject.get(name) ?? []), spec]);
  }
  if (byProject.size < 2) return files;
  const [largest, ...others] = [...byProject.values()].sort((a, b) => b.length - a.length);
  const placed = largest!.map((spec, index) => ({ spec, at: index / largest!.length }));
  for (const project of others) {
    project.forEach((spec, index) => placed.push({ spec, at: index / project.length - 1e-9 }));
  }
  return placed.sort((a, b) => a.at - b.at).map(({ spec }) => spec);
}

export class ProcessesFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    let sorted = await super.sort(files);
    const cache = this.ctx.cache;
    if (!files.every((spec) => cache.getTestSpecificationResult(spec))) {
      const heavy = new Map(sorted.map((spec) => [spec, startsProcesses(spec.moduleId)]));
      // Array sort is stable: within a project and a kind, the base order (by size) stays.
      sorted = sorted.toSorted(
        (a, b) => groupOf(a) - groupOf(b) || Number(heavy.get(b)) - Number(heavy.get(a)),
      );
    }
    const groups = [...new Set(sorted.map(groupOf))].sort((a, b) => a - b);
    return groups.flatMap((group) =>
      spreadProjects(sorted.filter((spec) => groupOf(spec) === group)),
    );
  }
}
