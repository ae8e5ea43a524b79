// Editors think in places first ("what does Fyrbodal have?"), so the Studio opens on a
// region tree: county → sub-region → municipality, each with its own material. The plain
// per-type lists sit beside it for work across regions.
import { CalendarIcon } from '@sanity/icons/Calendar';
import { ComponentIcon } from '@sanity/icons/Component';
import { DocumentPdfIcon } from '@sanity/icons/DocumentPdf';
import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe';
import { EditIcon } from '@sanity/icons/Edit';
import { FolderIcon } from '@sanity/icons/Folder';
import { PinIcon } from '@sanity/icons/Pin';
import { ProjectsIcon } from '@sanity/icons/Projects';
import { TagIcon } from '@sanity/icons/Tag';
import { TargetIcon } from '@sanity/icons/Target';
import { UserIcon } from '@sanity/icons/User';
import { UsersIcon } from '@sanity/icons/Users';
import type { ComponentType } from 'react';
import type { ListBuilder, StructureBuilder, StructureResolver } from 'sanity/structure';
import { API_VERSION } from './env';

/** Plural list titles; the schema's own titles are singular. */
export const TYPE_LISTS: { type: string; title: string; icon: ComponentType }[] = [
  { type: 'region', title: 'Regioner', icon: PinIcon },
  { type: 'programme', title: 'Program', icon: ProjectsIcon },
  { type: 'malbild', title: 'Målbilder', icon: TargetIcon },
  { type: 'delprojekt', title: 'Delprojekt', icon: ComponentIcon },
  { type: 'kontaktperson', title: 'Kontaktpersoner', icon: UserIcon },
  { type: 'dokument', title: 'Dokument', icon: DocumentPdfIcon },
  { type: 'handelse', title: 'Händelser', icon: CalendarIcon },
  { type: 'tema', title: 'Teman', icon: TagIcon },
  { type: 'kalla', title: 'Källsidor', icon: EarthGlobeIcon },
];

/** GROQ filters for "this region's material"; `$regionId` is the region's published id. */
export const REGION_FILTERS = {
  children: '_type == "region" && parent._ref == $regionId',
  programme: '_type == "programme" && $regionId in regions[]._ref',
  malbild: '_type == "malbild" && $regionId in regions[]._ref',
  // A delprojekt belongs to a region through its programme.
  delprojekt: '_type == "delprojekt" && $regionId in programme->regions[]._ref',
  kontaktperson: '_type == "kontaktperson" && $regionId in regions[]._ref',
  dokument:
    '_type == "dokument" && (publisherRegion._ref == $regionId || $regionId in programme->regions[]._ref || $regionId in delprojekt->programme->regions[]._ref)',
  handelse: '_type == "handelse" && $regionId in regions[]._ref',
} as const;

function materialList(
  S: StructureBuilder,
  regionId: string,
  options: {
    id: string;
    type: string;
    title: string;
    icon: ComponentType;
    filter: string;
    template?: string;
  },
) {
  let list = S.documentList()
    .id(options.id)
    .title(options.title)
    .schemaType(options.type)
    .apiVersion(API_VERSION)
    .filter(options.filter)
    .params({ regionId });
  if (options.template) {
    list = list.initialValueTemplates([S.initialValueTemplateItem(options.template, { regionId })]);
  }
  return S.listItem().id(options.id).title(options.title).icon(options.icon).child(list);
}

export const structure: StructureResolver = (S, context) => {
  async function regionName(regionId: string): Promise<string> {
    try {
      const name = await context
        .getClient({ apiVersion: API_VERSION })
        .fetch<string | null>('*[_id in [$id, "drafts." + $id]][0].name', { id: regionId });
      return name ?? 'Region';
    } catch {
      return 'Region';
    }
  }

  async function regionPane(regionId: string): Promise<ListBuilder> {
    const title = await regionName(regionId);
    return S.list()
      .id(regionId)
      .title(title)
      .items([
        S.listItem()
          .id('uppgifter')
          .title(`Om ${title}`)
          .icon(EditIcon)
          .child(S.document().schemaType('region').documentId(regionId)),
        S.listItem()
          .id('regioner')
          .title('Regioner under')
          .icon(PinIcon)
          .child(
            S.documentList()
              .id('regioner')
              .title(`Regioner under ${title}`)
              .schemaType('region')
              .apiVersion(API_VERSION)
              .filter(REGION_FILTERS.children)
              .params({ regionId })
              .initialValueTemplates([
                S.initialValueTemplateItem('region-under-region', { regionId }),
              ])
              .child((childId) => regionPane(childId)),
          ),
        S.divider(),
        materialList(S, regionId, {
          id: 'program',
          type: 'programme',
          title: 'Program',
          icon: ProjectsIcon,
          filter: REGION_FILTERS.programme,
          template: 'programme-in-region',
        }),
        materialList(S, regionId, {
          id: 'malbilder',
          type: 'malbild',
          title: 'Målbilder',
          icon: TargetIcon,
          filter: REGION_FILTERS.malbild,
          template: 'malbild-in-region',
        }),
        materialList(S, regionId, {
          id: 'delprojekt',
          type: 'delprojekt',
          title: 'Delprojekt',
          icon: ComponentIcon,
          filter: REGION_FILTERS.delprojekt,
        }),
        materialList(S, regionId, {
          id: 'kontaktpersoner',
          type: 'kontaktperson',
          title: 'Kontaktpersoner',
          icon: UsersIcon,
          filter: REGION_FILTERS.kontaktperson,
          template: 'kontaktperson-in-region',
        }),
        materialList(S, regionId, {
          id: 'dokument',
          type: 'dokument',
          title: 'Dokument',
          icon: DocumentPdfIcon,
          filter: REGION_FILTERS.dokument,
          template: 'dokument-in-region',
        }),
        materialList(S, regionId, {
          id: 'handelser',
          type: 'handelse',
          title: 'Händelser',
          icon: CalendarIcon,
          filter: REGION_FILTERS.handelse,
          template: 'handelse-in-region',
        }),
      ]);
  }

  return S.list()
    .title('Innehåll')
    .items([
      S.listItem()
        .id('per-region')
        .title('Per region')
        .icon(PinIcon)
        .child(
          S.documentList()
            .id('per-region')
            .title('Län')
            .schemaType('region')
            .apiVersion(API_VERSION)
            .filter('_type == "region" && kind == "lan"')
            .defaultOrdering([{ field: 'name', direction: 'asc' }])
            .child((regionId) => regionPane(regionId)),
        ),
      S.listItem()
        .id('per-typ')
        .title('Per typ')
        .icon(FolderIcon)
        .child(
          S.list()
            .id('per-typ')
            .title('Per typ')
            .items(
              TYPE_LISTS.map(({ type, title, icon }) =>
                S.documentTypeListItem(type).id(type).title(title).icon(icon),
              ),
            ),
        ),
    ]);
};
