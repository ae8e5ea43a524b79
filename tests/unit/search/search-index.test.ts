// The search index step (scripts/site-build/search-index.ts): Pagefind through its Node API over
// a built site, its summary, and its service process stopped when a step beside it fails.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite, summaryLine } from '../../../scripts/site-build/search-index.ts';
import { runSteps } from '../../../scripts/site-build/steps.ts';
import { processesWith } from '../../support/processes.ts';

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

const page = (title: string, body: string) =>
  `<!doctype html><html lang="sv"><head><title>${title}</title></head><body><nav>Meny</nav><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

describe('the search index step', () => {
  it('writes a Swedish index into pagefind/ inside the built site', async () => {
    const dir = await site({
      'index.html': page('Start', 'Egenvård i hemmet'),
      'a/index.html': page('A', 'Kompetens'),
    });
    const summary = await indexSite(dir);
    const entry = JSON.parse(
      await readFile(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    );
    expect(Object.keys(entry.languages)).toEqual(['sv']);
    expect(summary.pages).toBe(2);
    expect(summary.files).toBe(2);
  });

  it('counts only the pages with data-pagefind-body once any page has it', async () => {
    const dir = await site({
      'index.html': page('Start', 'Egenvård i hemmet'),
      'sok/index.html': '<!doctype html><html lang="sv"><body><main>Sök</main></body></html>',
    });
    const summary = await indexSite(dir);
    expect(summary).toMatchObject({ pages: 1, files: 2 });
    // Milliseconds under a second, else seconds: on a busy machine two pages can take longer.
    expect(summaryLine(summary, dir)).toMatch(
      /^Indexed 1 page \(of 2 HTML files\) into pagefind\/ in (?:\d+ ms|\d+\.\d\d s)\.$/,
    );
    expect(summaryLine({ ...summary, milliseconds: 420.4 }, dir)).toBe(
      'Indexed 1 page (of 2 HTML files) into pagefind/ in 420 ms.',
    );
    expect(summaryLine({ ...summary, milliseconds: 1362 }, dir)).toBe(
      'Indexed 1 page (of 2 HTML files) into pagefind/ in 1.36 s.',
    );
  });

  it('fails when the site folder holds no pages', async () => {
    const dir = await site({ 'robots.txt': 'User-agent: *' });
    await expect(indexSite(dir)).rejects.toThrow(`Pagefind found no HTML pages in ${dir}`);
    expect(existsSync(path.join(dir, 'pagefind'))).toBe(false);
  });

  it('words the summary for a build log', () => {
    expect(
      summaryLine(
        { pages: 77, files: 79, outputPath: '/site/pagefind', milliseconds: 1500 },
        '/site',
      ),
    ).toBe('Indexed 77 pages (of 79 HTML files) into pagefind/ in 1.50 s.');
  });
});

describe('Pagefind beside the other steps after Astro (scripts/build.ts)', () => {
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
    // Pagefind's service process inherits this variable: it finds that process and no other.
    const marker = `NARAVARD_PAGEFIND_TEST=${randomUUID()}`;
    const [name, value] = marker.split('=') as [string, string];
    const pagefindProcesses = async () =>
      (await processesWith('environ', marker)).filter((pid) => pid !== process.pid);
    process.env[name] = value;
    const failure = await runSteps([
      [
        {
          what: 'The search index could not be built',
          run: (signal) => {
            const running = indexSite(dir, { signal });
            indexing = running;
            running.then(
              () => (indexingSettled = true),
              () => (indexingSettled = true),
            );
            return running;
          },
        },
      ],
      [
        {
          what: 'The social images could not be drawn',
          run: async () => {
            // Fails once Pagefind's process is reading the site.
            while (!sawPagefind && !indexingSettled) {
              sawPagefind = (await pagefindProcesses()).length > 0;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            await new Promise((resolve) => setTimeout(resolve, 200));
            throw new Error('a drawing failed');
          },
        },
      ],
    ]).finally(() => delete process.env[name]);
    expect(sawPagefind, 'Pagefind finished before the other step could fail').toBe(true);
    expect(failure?.what).toBe('The social images could not be drawn');
    expect(failure?.error.message).toBe('a drawing failed');
    await expect(indexing).rejects.toThrow('Pagefind was stopped');
    // Stopped by a signal: gone within moments, not once it had indexed the site.
    for (let waited = 0; waited < 2000 && (await pagefindProcesses()).length > 0; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pagefindProcesses()).toEqual([]);
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(false);
  });
});
