import { defineCliConfig } from 'sanity/cli';
import { dataset, projectId } from './env';

export default defineCliConfig({
  api: { projectId, dataset },
  typegen: {
    // Queries live in the site; typing them from here keeps one generated file.
    path: '../src/**/*.{ts,tsx,astro}',
    schema: '../src/lib/sanity.schema.json',
    generates: '../src/lib/sanity.types.ts',
    // Overloads augment @sanity/client's fetch; the site also queries offline with
    // groq-js, so plain named result types serve both paths.
    overloadClientMethods: false,
  },
});
