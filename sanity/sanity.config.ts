import { svSELocale } from '@sanity/locale-sv-se';
import { visionTool } from '@sanity/vision';
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { API_VERSION, apiHost, dataset, projectId } from './env';
import { schemaTypes } from './schemaTypes';
import { structure } from './structure';
import { regionTemplates } from './templates';

export default defineConfig({
  name: 'default',
  title: 'Nära vård',
  projectId,
  dataset,
  ...(apiHost ? { apiHost } : {}),
  plugins: [
    structureTool({ title: 'Innehåll', structure }),
    visionTool({ title: 'GROQ', defaultApiVersion: API_VERSION, defaultDataset: dataset }),
    svSELocale(),
  ],
  schema: {
    types: schemaTypes,
    templates: (previous) => [...previous, ...regionTemplates],
  },
});
