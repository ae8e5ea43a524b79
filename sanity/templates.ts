// "New document" buttons inside the region tree start the document already linked to where
// the editor stands: a län from the county list, a delregion or kommun under its region, a
// region's material, a programme's delprojekt, documents and events. An editor working
// through one region never has to pick it, or its programme, again.
import type { InitialValueResolverContext as Context, Template } from 'sanity';
import { API_VERSION } from './env';

function key(): string {
  return Math.random().toString(36).slice(2, 10);
}

function reference(id: string) {
  return { _type: 'reference', _ref: id };
}

function references(ids: readonly string[]) {
  return ids.map((id) => ({ ...reference(id), _key: key() }));
}

const regionParameter = [{ name: 'regionId', title: 'Region', type: 'string' }];
const programmeParameter = [{ name: 'programmeId', title: 'Program', type: 'string' }];

/** The programme's regions (draft first, as the editor sees it), for material that names both. */
async function programmeRegions(programmeId: string, context: Context): Promise<string[]> {
  try {
    const regions = await context
      .getClient({ apiVersion: API_VERSION })
      .fetch<string[] | null>(
        'coalesce(*[_id == "drafts." + $id][0], *[_id == $id][0]).regions[]._ref',
        { id: programmeId },
      );
    return regions ?? [];
  } catch {
    return [];
  }
}

function inRegions(schemaType: string, title: string): Template {
  return {
    id: `${schemaType}-in-region`,
    title,
    schemaType,
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({ regions: references([regionId]) }),
  };
}

export const REGION_KIND_TEMPLATES = {
  lan: 'region-lan',
  delregion: 'delregion-under-region',
  kommun: 'kommun-under-region',
} as const;

export const regionTemplates: Template[] = [
  {
    id: REGION_KIND_TEMPLATES.lan,
    title: 'Län/region',
    schemaType: 'region',
    value: { kind: 'lan' },
  },
  {
    id: REGION_KIND_TEMPLATES.delregion,
    title: 'Kommunalförbund/delregion i regionen',
    schemaType: 'region',
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({
      kind: 'delregion',
      parent: reference(regionId),
    }),
  },
  {
    id: REGION_KIND_TEMPLATES.kommun,
    title: 'Kommun i regionen',
    schemaType: 'region',
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({
      kind: 'kommun',
      parent: reference(regionId),
    }),
  },
  inRegions('programme', 'Program i regionen'),
  inRegions('malbild', 'Målbild i regionen'),
  inRegions('kontaktperson', 'Kontaktperson i regionen'),
  inRegions('handelse', 'Händelse i regionen'),
  {
    id: 'dokument-in-region',
    title: 'Dokument från regionen',
    schemaType: 'dokument',
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({ publisherRegion: reference(regionId) }),
  },
  {
    id: 'delprojekt-in-programme',
    title: 'Delprojekt i programmet',
    schemaType: 'delprojekt',
    parameters: programmeParameter,
    value: ({ programmeId }: { programmeId: string }) => ({ programme: reference(programmeId) }),
  },
  {
    id: 'dokument-in-programme',
    title: 'Dokument från programmet',
    schemaType: 'dokument',
    parameters: programmeParameter,
    value: ({ programmeId }: { programmeId: string }) => ({ programme: reference(programmeId) }),
  },
  {
    id: 'handelse-in-programme',
    title: 'Händelse i programmet',
    schemaType: 'handelse',
    parameters: programmeParameter,
    value: async ({ programmeId }: { programmeId: string }, context: Context) => ({
      programme: reference(programmeId),
      regions: references(await programmeRegions(programmeId, context)),
    }),
  },
  {
    id: 'kontaktperson-in-programme',
    title: 'Kontaktperson i programmets regioner',
    schemaType: 'kontaktperson',
    parameters: programmeParameter,
    value: async ({ programmeId }: { programmeId: string }, context: Context) => ({
      regions: references(await programmeRegions(programmeId, context)),
    }),
  },
];
