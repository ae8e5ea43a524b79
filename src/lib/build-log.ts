// Astro's log destination for this site (astro.config.mjs `logger`): Astro's own node
// destination, less the line it writes for every generated page (`├─ /a/index.html (+2ms)`, in
// two writes). At 10,000 pages those 20,000 writes to the build's pipe blocked Astro whenever the
// reading process waited for a core (~4 s of a profile at load 30), each with a timestamp
// formatted through Intl. In their place a line every PAGES_A_LINE pages says how far the
// build has come. Warnings, errors and Astro's other lines pass unchanged.
// NARAVARD_LOG_PAGES=1 keeps the per-page lines (tests/trust/incremental.test.ts reads from them
// which pages Astro reused instead of rendering).
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination, { type NodeHandlerConfig } from 'astro/logger/node';
import { currentRenderShard } from './render-shards.ts';

const PAGES_A_LINE = 1000;
const ANSI_ESCAPES = /\u001b\[[0-9;]*m/g;

/** Astro's line for a page before it is rendered or reused (written without a line end). */
const isPageLine = (event: AstroLoggerMessage) =>
  event.label === null && !event.newLine && event.message.includes('├─');

/** What Astro writes after a page's line: its render time, or that it was reused. */
const PAGE_OUTCOME = /^ \((?:\+[\d.]+\s*m?s|cached|restored)\) ?$/;

export default function buildLog(config: NodeHandlerConfig = {}): AstroLoggerDestination {
  const destination = nodeDestination(config);
  if (process.env.NARAVARD_LOG_PAGES === '1') return destination;
  let pages = 0;
  let reused = 0;
  const shard = currentRenderShard();
  const part = shard.count > 1 ? `, part ${shard.index + 1} of ${shard.count}` : '';
  return {
    ...destination,
    write(event) {
      if (event.level === 'info' && isPageLine(event)) return;
      if (event.level === 'info' && event.label === 'SKIP_FORMAT') {
        const outcome = event.message.replace(ANSI_ESCAPES, '');
        if (PAGE_OUTCOME.test(outcome)) {
          pages++;
          if (!outcome.includes('+')) reused++;
          if (pages % PAGES_A_LINE === 0)
            destination.write({
              ...event,
              label: null,
              newLine: true,
              message: `  ${pages.toLocaleString('en')} pages (${reused.toLocaleString('en')} of them reused from the cache${part})`,
            });
          return;
        }
      }
      destination.write(event);
    },
  };
}
