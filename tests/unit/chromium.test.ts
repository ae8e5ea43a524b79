import { describe, expect, it } from 'vitest';
import {
  DEBIAN_CHROMIUM,
  DEBIAN_HEADLESS_SHELL,
  chromiumCandidates,
  findOrInstallChromium,
} from '../../scripts/chromium.ts';

function withChromePath<T>(value: string | undefined, run: () => T): T {
  const saved = process.env.CHROME_PATH;
  if (value === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
  }
}

describe('finding Chromium for the browser tests', () => {
  it('rejects a CHROME_PATH that points at nothing, naming the path', () => {
    withChromePath('/nonexistent/chromium', () =>
      expect(() => findOrInstallChromium({ log: () => {} })).toThrow('/nonexistent/chromium'),
    );
  });

  it('looks for the headless shell first for the tests, and only for the full Chromium for a benchmark', () => {
    expect(chromiumCandidates(true)).toEqual([DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM]);
    expect(chromiumCandidates(false)).toEqual([DEBIAN_CHROMIUM]);
  });
});
