import { svSELocale } from '@sanity/locale-sv-se';
import { visionTool } from '@sanity/vision';
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { documentActions } from './actions';
import { isAdministrator } from './roles';
import { API_VERSION, apiHost, dataset, projectId } from './env';
import { presentation } from './presentation';
import { presentationSwedish } from './presentation-sv';
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
    // keepPanesOnCreate (6.16): a document created from a list inside the region tree opens
    // beside that list instead of throwing the editor out of the tree.
    structureTool({ title: 'Innehåll', structure, keepPanesOnCreate: true }),
    // The preview build beside the forms, with click-to-edit (sanity/presentation.ts).
    presentation,
    visionTool({ title: 'GROQ', defaultApiVersion: API_VERSION, defaultDataset: dataset }),
    svSELocale(),
  ],
  // Vision (GROQ) is a developer's tool: administrators only.
  tools: (tools, { currentUser }) =>
    isAdministrator(currentUser) ? tools : tools.filter((tool) => tool.name !== 'vision'),
  i18n: { bundles: [presentationSwedish] },
  document: {
    actions: documentActions,
    // Only administrators create Redaktör mappings ("Min region", sanity/structure.ts).
    newDocumentOptions: (previous, { currentUser }) =>
      isAdministrator(currentUser)
        ? previous
        : previous.filter((item) => item.templateId !== 'redaktor'),
  },
  schema: {
    types: schemaTypes,
    templates: (previous) => [...previous, ...regionTemplates],
  },
});
