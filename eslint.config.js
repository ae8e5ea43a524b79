// Flat config: typescript-eslint's recommended rules over our TypeScript, eslint-plugin-astro's
// over .astro files (their frontmatter and scripts parsed as TypeScript); types in .astro files
// are checked by `astro check`.
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      '.astro/**',
      '.cache/**',
      'node_modules/**',
      'sanity/dist/**',
      'sanity/.sanity/**',
    ],
  },
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // In a build Astro's data store holds none of the Sanity collections' entries: they come from
    // the content check through src/lib/presentation/collections.ts.
    files: ['src/**/*.ts', 'src/**/*.astro'],
    ignores: ['src/lib/presentation/collections.ts', 'src/pages/[[]page].astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'astro:content',
              importNames: ['getCollection', 'getEntry', 'getEntries'],
              message:
                "Read the Sanity collections through src/lib/presentation/collections.ts: in a build Astro's store holds none of their entries.",
            },
          ],
        },
      ],
    },
  },
);
