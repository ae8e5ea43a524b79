// Running processes found by what /proc says about them (Linux), for tests that check a build
// stopped the processes it started.
import { readFile, readdir } from 'node:fs/promises';

/** Process ids whose command line (`cmdline`) or environment (`environ`) holds `text`. */
export async function processesWith(part: 'cmdline' | 'environ', text: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const content = await readFile(`/proc/${entry}/${part}`, 'utf8').catch(() => '');
    if (content.includes(text)) found.push(Number(entry));
  }
  return found;
}
