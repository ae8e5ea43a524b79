// The first of several `astro build` processes rendering one site (src/lib/render-shards.ts)
// says when it has synced the content and written the project's `.astro/` files (content
// modules, types), which every process writes through temporary files of fixed names: the others
// wait for it before they write theirs. Astro calls `astro:build:start` right after.
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { currentRenderShard, RENDER_SHARDS_SYNCED } from '../lib/render-shards.ts';

export default function renderShard(): AstroIntegration {
  return {
    name: 'naravard:render-shard',
    hooks: {
      'astro:build:start': async () => {
        const file = process.env[RENDER_SHARDS_SYNCED]?.trim();
        if (file && currentRenderShard().index === 0) await writeFile(file, String(process.pid));
      },
    },
  };
}
