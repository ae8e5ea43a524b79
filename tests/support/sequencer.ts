// The order of test files when Vitest has no durations from an earlier run (a fresh clone, CI):
// files that start child processes (a site build, the Sanity CLI, Chromium, the content
// scripts) first, larger files first within each kind, so that no slow file starts last while
// the other worker has nothing left to do. With durations from an earlier run, Vitest's own
// order (failed first, then longest first) stands.
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

export class ProcessesFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const cache = this.ctx.cache;
    if (files.every((spec) => cache.getTestSpecificationResult(spec))) return sorted;
    const heavy = new Map(sorted.map((spec) => [spec, startsProcesses(spec.moduleId)]));
    // Array sort is stable: within a project and a kind, the base order (by size) stays.
    return sorted.toSorted(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        Number(heavy.get(b)) - Number(heavy.get(a)),
    );
  }
}
