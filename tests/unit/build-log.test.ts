// Astro's log destination for the site (src/lib/build-log.ts): Astro's line for every page is
// left out, a count every 1,000 pages takes its place, and every other line passes as Astro's
// node destination writes it. The events are the ones Astro 7's page generation writes
// (astro/dist/core/build/generate.js), colours included.
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import buildLog from '../../src/lib/build-log.ts';

const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;
const green = (text: string) => `\u001b[32m${text}\u001b[39m`;

/** The two events Astro writes for one page: its line, then its render time or that it was reused. */
function pageEvents(page: number, outcome: 'rendered' | 'cached'): AstroLoggerMessage[] {
  return [
    {
      level: 'info',
      label: null,
      newLine: false,
      message: `  ${green('├─')} ${dim(`/program/p-${page}/index.html`)}`,
    },
    {
      level: 'info',
      label: 'SKIP_FORMAT',
      newLine: true,
      message: outcome === 'cached' ? ` ${green('(cached)')}` : ` ${dim('(+2ms)')} `,
    },
  ];
}

let written: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  written = [];
});
function captureOutput() {
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
}

describe('the build log', () => {
  it('leaves out the line of every page and counts them every 1,000 pages instead', () => {
    vi.stubEnv('NARAVARD_LOG_PAGES', '');
    captureOutput();
    const log = buildLog();
    for (let page = 1; page <= 2500; page++)
      for (const event of pageEvents(page, page <= 300 ? 'cached' : 'rendered')) log.write(event);
    expect(written.map((line) => line.replace(/^\S+ /, ''))).toEqual([
      '  1,000 pages (300 of them reused from the cache)\n',
      '  2,000 pages (300 of them reused from the cache)\n',
    ]);
  });

  it('passes warnings, errors and Astro’s other lines', () => {
    vi.stubEnv('NARAVARD_LOG_PAGES', '');
    captureOutput();
    const log = buildLog();
    log.write({
      level: 'info',
      label: 'build',
      newLine: true,
      message: '92 page(s) built in 5.46s',
    });
    log.write({ level: 'warn', label: 'content', newLine: true, message: 'Duplicate id "x"' });
    log.write({ level: 'error', label: 'build', newLine: true, message: 'Failed to render' });
    // A page that rendered nothing keeps Astro's note.
    log.write({
      level: 'info',
      label: 'SKIP_FORMAT',
      newLine: true,
      message: ` ${dim('(+2ms)')} (file not created, response body was empty)`,
    });
    expect(written).toHaveLength(4);
    // Astro colours its labels when the terminal (or CI) asks for colour; the words are what count.
    const lines = written.map((line) => stripVTControlCharacters(line));
    expect(lines[0]).toMatch(/\[build\] 92 page\(s\) built in 5\.46s\n$/);
    expect(lines[1]).toMatch(/\[WARN\] \[content\] Duplicate id "x"\n$/);
    expect(lines[2]).toMatch(/\[ERROR\] \[build\] Failed to render\n$/);
    expect(lines[3]).toContain('file not created');
  });

  it('keeps every page’s line with NARAVARD_LOG_PAGES=1', () => {
    vi.stubEnv('NARAVARD_LOG_PAGES', '1');
    captureOutput();
    const log = buildLog();
    for (const event of pageEvents(1, 'cached')) log.write(event);
    expect(written.join('')).toMatch(/├─.*\/program\/p-1\/index\.html.*\(cached\)/);
  });
});
