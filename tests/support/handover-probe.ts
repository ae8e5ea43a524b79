// Preloaded into the processes of a test build (NODE_OPTIONS=--import, with HANDOVER_PROBE
// naming a file): each Astro process writes its process id to that file as it starts, and the
// content check holds back its result until every one has (NARAVARD_RENDER_SHARDS of them). A
// test thus sees the hand-over in the state it is there for, whatever the machine's load: Astro
// running (started once the documents held together), and the check's result coming after that.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const probe = process.env['HANDOVER_PROBE'];
// How many Astro processes the build starts (render shards): the check waits for all of them.
const astroProcesses = Number(process.env['NARAVARD_RENDER_SHARDS'] ?? '1') || 1;
const astroStarted = (file: string) =>
  existsSync(file) && readFileSync(file, 'utf8').trim().split('\n').length >= astroProcesses;
const script = path.basename(process.argv[1] ?? '');

if (probe && script === 'astro.mjs') appendFileSync(probe, `${process.pid}\n`);

if (probe && script === 'handover.ts' && process.send) {
  const send = process.send.bind(process) as (...args: unknown[]) => boolean;
  process.send = ((message: unknown, ...rest: unknown[]) => {
    if ((message as { kind?: unknown } | null)?.kind !== 'checked') return send(message, ...rest);
    const giveUpAt = Date.now() + 60_000;
    const whenAstroRuns = () =>
      astroStarted(probe) || Date.now() > giveUpAt
        ? send(message, ...rest)
        : setTimeout(whenAstroRuns, 20);
    whenAstroRuns();
    return true;
  }) as typeof process.send;
}
