// What Pagefind needs from Astro itself: the middleware `src/lib/search/word-breaks.ts`, which
// keeps words in each rendered page apart where Pagefind would join them. Pagefind indexes the
// built site once Astro has exited (scripts/site-build/search-index.ts, run by `npm run build`).
import type { AstroIntegration } from 'astro';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'naravard:pagefind',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({
          entrypoint: new URL('../lib/search/word-breaks.ts', import.meta.url),
          order: 'post',
        });
      },
    },
  };
}
