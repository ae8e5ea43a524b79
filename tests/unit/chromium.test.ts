import { describe, expect, it } from 'vitest';
import { findOrInstallChromium } from '../../scripts/chromium.ts';

describe('finding Chromium for the browser tests', () => {
  it('rejects a CHROME_PATH that points at nothing, naming the path', () => {
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = '/nonexistent/chromium';
    try {
      expect(() => findOrInstallChromium(() => {})).toThrow('/nonexistent/chromium');
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });
});
