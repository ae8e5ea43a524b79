// Flat config: typescript-eslint's recommended rules over our TypeScript; .astro files are checked by `astro check`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
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
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
