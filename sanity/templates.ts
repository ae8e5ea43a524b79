// "New document" buttons inside a region's lists start the document already linked to
// that region, so an editor working through one region never has to pick it again.
import type { Template } from 'sanity';

function key(): string {
  return Math.random().toString(36).slice(2, 10);
}

function regionRef(regionId: string) {
  return { _type: 'reference', _ref: regionId };
}

const regionParameter = [{ name: 'regionId', title: 'Region', type: 'string' }];

function inRegions(schemaType: string, title: string): Template {
  return {
    id: `${schemaType}-in-region`,
    title,
    schemaType,
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({
      regions: [{ ...regionRef(regionId), _key: key() }],
    }),
  };
}

export const regionTemplates: Template[] = [
  inRegions('programme', 'Program i regionen'),
  inRegions('malbild', 'Målbild i regionen'),
  inRegions('kontaktperson', 'Kontaktperson i regionen'),
  inRegions('handelse', 'Händelse i regionen'),
  {
    id: 'dokument-in-region',
    title: 'Dokument från regionen',
    schemaType: 'dokument',
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({ publisherRegion: regionRef(regionId) }),
  },
  {
    id: 'region-under-region',
    title: 'Region under regionen',
    schemaType: 'region',
    parameters: regionParameter,
    value: ({ regionId }: { regionId: string }) => ({ parent: regionRef(regionId) }),
  },
];
