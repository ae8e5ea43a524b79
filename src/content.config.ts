// Content collections. Sanity content comes through one source (src/lib/content/source.ts:
// the embedded dataset by default, a Sanity project when SANITY_PROJECT_ID and SANITY_DATASET
// are set); entry id = slug, data = the collection's query result (src/lib/content/queries.ts)
// checked by its zod schema (src/lib/content/schemas.ts). Editorial pages are MDX files.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentLoader } from './lib/content/loader.ts';
import {
  delprojektSchema,
  dokumentSchema,
  handelseSchema,
  kallaSchema,
  kontaktpersonSchema,
  malbildSchema,
  programmeSchema,
  regionEntrySchema,
  temaSchema,
} from './lib/content/schemas.ts';

export const collections = {
  regions: defineCollection({ loader: contentLoader('regions'), schema: regionEntrySchema }),
  programmes: defineCollection({ loader: contentLoader('programmes'), schema: programmeSchema }),
  malbilder: defineCollection({ loader: contentLoader('malbilder'), schema: malbildSchema }),
  delprojekt: defineCollection({ loader: contentLoader('delprojekt'), schema: delprojektSchema }),
  kontaktpersoner: defineCollection({
    loader: contentLoader('kontaktpersoner'),
    schema: kontaktpersonSchema,
  }),
  dokument: defineCollection({ loader: contentLoader('dokument'), schema: dokumentSchema }),
  teman: defineCollection({ loader: contentLoader('teman'), schema: temaSchema }),
  handelser: defineCollection({ loader: contentLoader('handelser'), schema: handelseSchema }),
  kallor: defineCollection({ loader: contentLoader('kallor'), schema: kallaSchema }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/pages' }),
    schema: z.object({
      title: z.string(),
      description: z.string(),
      /** When the page's text last changed (YYYY-MM-DD). */
      updated: z.coerce.date(),
      /** A page about the website itself (not the material): its text ranks below the material's in search. */
      aboutTheSite: z.boolean().default(false),
    }),
  }),
};
