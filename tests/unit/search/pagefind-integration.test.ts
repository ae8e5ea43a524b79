import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import pagefindIntegration, {
  filesFromLog,
  indexSite,
  summaryLine,
  wordsFromLog,
} from '../../../src/integrations/pagefind.ts';
import { runSteps } from '../../../src/lib/built-pages.ts';
import { processesWith } from '../../support/processes.ts';
import { separateWords } from '../../../src/lib/search/word-breaks.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pagefind-site-'));
  dirs.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), html);
  }
  return dir;
}

function recordingLogger(lines: string[] = []): AstroIntegrationLogger {
  const logger = {
    options: {},
    label: 'test',
    fork: () => logger,
    info: (message: string) => lines.push(`info ${message}`),
    warn: (message: string) => lines.push(`warn ${message}`),
    error: (message: string) => lines.push(`error ${message}`),
    debug: () => {},
  };
  return logger as unknown as AstroIntegrationLogger;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="sv"><head><title>${title}</title></head><body><nav>Meny</nav><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

describe('the Pagefind integration', () => {
  it('writes a Swedish index into pagefind/ inside the built site', async () => {
    const dir = await site({
      'index.html': page('Start', 'Egenvård i hemmet'),
      'a/index.html': page('A', 'Kompetens'),
    });
    const summary = await indexSite(dir, recordingLogger());
    const entry = JSON.parse(
      await readFile(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    );
    expect(Object.keys(entry.languages)).toEqual(['sv']);
    expect(summary.pages).toBe(2);
  });

  it('reports the pages and words indexed in one summary line', async () => {
    const dir = await site({ 'index.html': page('Start', 'Egenvård i hemmet') });
    const lines: string[] = [];
    await pagefindIntegration().hooks['astro:build:done']!({
      dir: new URL(`file://${dir}/`),
      logger: recordingLogger(lines),
    } as never);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^info Indexed 1 page \(of 1 HTML file\) and \d+ words? into pagefind\/ in /,
      ),
    );
  });

  it('fails with the cause when the site folder holds no pages', async () => {
    const dir = await site({ 'robots.txt': 'User-agent: *' });
    const hook = pagefindIntegration().hooks['astro:build:done']!;
    const failure = await (
      hook({ dir: new URL(`file://${dir}/`), logger: recordingLogger() } as never) as Promise<void>
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('Could not build the search index');
    expect(((failure as Error).cause as Error).message).toContain('found no HTML pages');
  });

  it('reads the word count from the last total of Pagefind’s log', () => {
    const log =
      'Total: \n  Indexed 2 pages\n  Indexed 20 words\n…\nTotal: \n  Indexed 3 pages\n  Indexed 31 words\n';
    expect(wordsFromLog(log)).toBe(31);
    expect(wordsFromLog('nothing here')).toBeUndefined();
  });

  it('reads how many HTML files Pagefind found from its log', () => {
    expect(filesFromLog('[Info]: Found 91 files matching **/*.{html}\n')).toBe(91);
    expect(filesFromLog('[Info]: Found 1 file matching **/*.{html}\n')).toBe(1);
    expect(filesFromLog('nothing here')).toBeUndefined();
  });

  it('words the summary for a build log', () => {
    expect(
      summaryLine(
        { pages: 77, files: 79, words: 4321, outputPath: '/site/pagefind', milliseconds: 1500 },
        '/site',
      ),
    ).toBe('Indexed 77 pages (of 79 HTML files) and 4321 words into pagefind/ in 1.50 s.');
  });

  it('separates a fact list’s terms and descriptions for Pagefind, which would join them', () => {
    expect(separateWords('<dl><dt>Region</dt><dd>Fyrbodal</dd></dl>')).toBe(
      '<dl><dt>Region</dt> <dd>Fyrbodal</dd> </dl>',
    );
    // Inline elements keep their neighbours: a space there would show on the page.
    expect(separateWords('<p><time datetime="2021">2021</time>: <a href="/x/">X</a></p>')).toBe(
      '<p><time datetime="2021">2021</time>: <a href="/x/">X</a></p>',
    );
  });
});

describe('Pagefind beside the other build steps (scripts/build.ts)', () => {
  it('stops Pagefind’s own process when a step beside it fails, before it writes the index', async () => {
    // Pages long enough, in words enough, to keep Pagefind busy for a while (few files: writing
    // thousands is slow on some disks).
    const pages: Record<string, string> = {};
    for (let index = 0; index < 200; index++) {
      const words = Array.from(
        { length: 6000 },
        (_, word) => `ord${(index * 6000 + word).toString(36)}`,
      );
      pages[`sida-${index}/index.html`] = page(`Sida ${index}`, words.join(' '));
    }
    const dir = await site(pages);
    let indexing: Promise<unknown> | undefined;
    let indexingSettled = false;
    let sawPagefind = false;
    const failure = await runSteps([
      [
        {
          what: 'The search index could not be built',
          run: (signal) => {
            indexing = indexSite(dir, recordingLogger(), { signal });
            indexing.then(
              () => (indexingSettled = true),
              () => (indexingSettled = true),
            );
            return indexing;
          },
        },
      ],
      [
        {
          what: 'The social images could not be drawn',
          run: async () => {
            // Fails once Pagefind's binary is running over the site.
            while (!sawPagefind && !indexingSettled) {
              sawPagefind = (await processesWith('cmdline', dir)).length > 0;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            throw new Error('a drawing failed');
          },
        },
      ],
    ]);
    expect(sawPagefind, 'Pagefind finished before the other step could fail').toBe(true);
    expect(failure?.what).toBe('The social images could not be drawn');
    expect(failure?.error.message).toBe('a drawing failed');
    await expect(indexing).rejects.toThrow('Pagefind was stopped');
    expect(await processesWith('cmdline', dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(false);
  });
});
