// Editors think in places first ("what does Fyrbodal have?"), so the Studio opens on a
// region tree: county → sub-region → municipality, each with its own material. The plain
// per-type lists sit beside it for work across regions.
import { CalendarIcon } from '@sanity/icons/Calendar';
import { ComponentIcon } from '@sanity/icons/Component';
import { DocumentPdfIcon } from '@sanity/icons/DocumentPdf';
import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe';
import { EditIcon } from '@sanity/icons/Edit';
import { FolderIcon } from '@sanity/icons/Folder';
import { HomeIcon } from '@sanity/icons/Home';
import { PinIcon } from '@sanity/icons/Pin';
import { ProjectsIcon } from '@sanity/icons/Projects';
import { TagIcon } from '@sanity/icons/Tag';
import { TargetIcon } from '@sanity/icons/Target';
import { UserIcon } from '@sanity/icons/User';
import { UsersIcon } from '@sanity/icons/Users';
import { WarningOutlineIcon } from '@sanity/icons/WarningOutline';
import type { ComponentType } from 'react';
import type { InitialValueTemplateItem } from 'sanity';
import type {
  InitialValueTemplateItemBuilder,
  ListBuilder,
  StructureBuilder,
  StructureResolver,
} from 'sanity/structure';
import { LIX_LIMITS, lixWarning } from '../src/lib/rules/index.ts';
import { noRegionNotice } from './components/NoRegionNotice';
import { API_VERSION } from './env';
import { isAdministrator } from './roles';
import { REGION_KIND_TEMPLATES, regionTemplates } from './templates';

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

type TemplateItem = InitialValueTemplateItemBuilder | InitialValueTemplateItem;

/** The list panes below a region and a programme, each with its "+" template. */
interface MaterialList {
  id: string;
  type: string;
  title: string;
  /** The list pane's own title, when it should say more than the item (default: `title`). */
  paneTitle?: string;
  icon: ComponentType;
  filter: string;
  params: Record<string, string>;
  templates: TemplateItem[];
  /** A child pane other than the document editor (a region's or programme's own tree). */
  child?: (id: string) => Promise<ListBuilder>;
}

function materialList(S: StructureBuilder, options: MaterialList) {
  // Templates go after .child(): the builder's clone() in child() drops them otherwise.
  let list = S.documentList()
    .id(options.id)
    .title(options.paneTitle ?? options.title)
    .schemaType(options.type)
    .apiVersion(API_VERSION)
    .filter(options.filter)
    .params(options.params);
  if (options.child) {
    // A list whose items open a list pane declines the create intent, so that a new document
    // opens in the editor beside it (keepPanesOnCreate) instead of as a region or programme
    // list with nothing in it (sanity-io/sanity#8861).
    list = list.child(options.child).canHandleIntent(() => false);
  }
  list = list.initialValueTemplates(options.templates);
  return S.listItem().id(options.id).title(options.title).icon(options.icon).child(list);
}

/** GROQ filters for "this programme's material"; `$programmeId` is the programme's published id. */
export const PROGRAMME_FILTERS = {
  delprojekt: '_type == "delprojekt" && programme._ref == $programmeId',
  dokument:
    '_type == "dokument" && (programme._ref == $programmeId || delprojekt->programme._ref == $programmeId)',
  handelse:
    '_type == "handelse" && (programme._ref == $programmeId || delprojekt->programme._ref == $programmeId)',
  kontaktperson:
    '_type == "kontaktperson" && _id in *[_id in [$programmeId, "drafts." + $programmeId]].contacts[]._ref',
} as const;

/**
 * "Min region": the regions a `redaktor` mapping gives the signed-in user (by Sanity user id,
 * or by e-mail in any case), from published mappings only.
 */
export const MY_REGIONS_QUERY = `{
  "mapped": *[_type == "redaktor" && !(_id in path("drafts.**")) && !(_id in path("versions.**"))
    && ((defined(userId) && userId == $userId) || (defined(email) && lower(email) == $email))].regions[]._ref,
  "regions": *[_type == "region" && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]{_id, name, "parent": parent._ref}
}`;

/** `ids` and every region below them, in the order of `regions`. */
export function withDescendants(
  ids: readonly string[],
  regions: readonly { _id: string; parent?: string | null }[],
): string[] {
  const found = new Set(ids);
  // A region tree is at most three deep, but a broken one may be deeper or loop: walk until
  // nothing more is found.
  for (let grew = true; grew;) {
    grew = false;
    for (const region of regions)
      if (region.parent && found.has(region.parent) && !found.has(region._id)) {
        found.add(region._id);
        grew = true;
      }
  }
  return regions.map((region) => region._id).filter((id) => found.has(id));
}

/** GROQ filters for "my regions' material"; `$regionIds` holds the regions and those below. */
export const MY_REGION_FILTERS = {
  region: '_type == "region" && _id in $regionIds',
  programme: '_type == "programme" && count(regions[_ref in $regionIds]) > 0',
  malbild: '_type == "malbild" && count(regions[_ref in $regionIds]) > 0',
  delprojekt: '_type == "delprojekt" && count(programme->regions[_ref in $regionIds]) > 0',
  kontaktperson: '_type == "kontaktperson" && count(regions[_ref in $regionIds]) > 0',
  dokument:
    '_type == "dokument" && (publisherRegion._ref in $regionIds || count(programme->regions[_ref in $regionIds]) > 0 || count(delprojekt->programme->regions[_ref in $regionIds]) > 0)',
  handelse: '_type == "handelse" && count(regions[_ref in $regionIds]) > 0',
} as const;

/** GROQ filters of the editors' lists for quality work ("Att åtgärda"). */
export const QUALITY_FILTERS = {
  // Material reaches a region through its own regions, or (a Dokument) its publisher's region,
  // programme or delprojekt.
  withoutRegion:
    '(_type in ["programme", "malbild", "kontaktperson", "handelse"] && count(coalesce(regions, [])) == 0) || (_type == "dokument" && !defined(publisherRegion) && !defined(programme) && !defined(delprojekt))',
  // Those whose source publishes no details are marked so and need no work.
  contactsWithoutDetails:
    '_type == "kontaktperson" && (!defined(email) || email == "") && (!defined(phone) || phone == "") && noContactDetailsInSource != true',
  sourcesNothingCites: '_type == "kalla" && count(*[references(^._id)]) == 0',
  regionsWithoutParent: '_type == "region" && kind != "lan" && !defined(parent)',
} as const;

/** What the LIX list reads: every document's own summary and body. */
export const LIX_TEXTS_QUERY =
  '*[(defined(summary) || defined(body)) && !(_id in path("versions.**"))]{_id, summary, body}';

/**
 * The ids of documents whose summary or body reads above its LIX level, by the shared rule of
 * the warnings (GROQ cannot count words and sentences as the rule does).
 */
export function idsOverLixLimit(rows: readonly Record<string, unknown>[]): string[] {
  return rows
    .filter((row) =>
      Object.entries(LIX_LIMITS).some(([field, limit]) => lixWarning(row[field], limit)),
    )
    .map((row) => String(row['_id']));
}

export const structure: StructureResolver = (S, context) => {
  const client = () => context.getClient({ apiVersion: API_VERSION });

  /** A document's fields as the editor sees it: the draft when there is one. */
  async function current<T>(id: string, projection: string): Promise<T | null> {
    try {
      return await client().fetch<T | null>(
        `coalesce(*[_id == "drafts." + $id][0], *[_id == $id][0]) ${projection}`,
        { id },
      );
    } catch {
      return null;
    }
  }

  function template(id: string, parameters: Record<string, string>, title?: string): TemplateItem {
    if (!title) return S.initialValueTemplateItem(id, parameters);
    // Several items of one template (one per programme or region) need their own ids, and
    // Sanity 6.16's builder serializes an item's id as its template id ("template not found"
    // when the list opens): such items are written out as plain items instead.
    const schemaType = regionTemplates.find((candidate) => candidate.id === id)?.schemaType;
    if (!schemaType) throw new Error(`No initial value template "${id}" (sanity/templates.ts)`);
    return {
      type: 'initialValueTemplateItem',
      id: `${id}-${Object.values(parameters).join('-')}`,
      templateId: id,
      schemaType,
      title,
      parameters,
    };
  }

  async function programmePane(programmeId: string): Promise<ListBuilder> {
    const title = (await current<{ title?: string }>(programmeId, '{ title }'))?.title ?? 'Program';
    const params = { programmeId };
    return S.list()
      .id(programmeId)
      .title(title)
      .items([
        S.listItem()
          .id('om-programmet')
          .title('Om programmet')
          .icon(EditIcon)
          .child(S.document().schemaType('programme').documentId(programmeId)),
        S.divider(),
        materialList(S, {
          id: 'delprojekt',
          type: 'delprojekt',
          title: 'Delprojekt',
          icon: ComponentIcon,
          filter: PROGRAMME_FILTERS.delprojekt,
          params,
          templates: [template('delprojekt-in-programme', params)],
        }),
        materialList(S, {
          id: 'dokument',
          type: 'dokument',
          title: 'Dokument',
          icon: DocumentPdfIcon,
          filter: PROGRAMME_FILTERS.dokument,
          params,
          templates: [template('dokument-in-programme', params)],
        }),
        materialList(S, {
          id: 'handelser',
          type: 'handelse',
          title: 'Händelser',
          icon: CalendarIcon,
          filter: PROGRAMME_FILTERS.handelse,
          params,
          templates: [template('handelse-in-programme', params)],
        }),
        materialList(S, {
          id: 'kontaktpersoner',
          type: 'kontaktperson',
          title: 'Kontaktpersoner',
          icon: UsersIcon,
          filter: PROGRAMME_FILTERS.kontaktperson,
          params,
          templates: [template('kontaktperson-in-programme', params)],
        }),
      ]);
  }

  async function regionPane(regionId: string): Promise<ListBuilder> {
    const region = await current<{ name?: string; kind?: string }>(regionId, '{ name, kind }');
    const title = region?.name ?? 'Region';
    const params = { regionId };
    // Regions nest: delregioner and kommuner under a län, kommuner under a delregion.
    const childKinds =
      region?.kind === 'lan'
        ? [REGION_KIND_TEMPLATES.delregion, REGION_KIND_TEMPLATES.kommun]
        : region?.kind === 'delregion'
          ? [REGION_KIND_TEMPLATES.kommun]
          : [];
    let programmes: { _id: string; title?: string }[] = [];
    try {
      programmes = await client().fetch(
        '*[_type == "programme" && $regionId in regions[]._ref && !(_id in path("drafts.**"))] | order(title asc) { _id, title }',
        params,
      );
    } catch {
      programmes = [];
    }
    return S.list()
      .id(regionId)
      .title(title)
      .items([
        S.listItem()
          .id('uppgifter')
          .title(`Om ${title}`)
          .icon(EditIcon)
          .child(S.document().schemaType('region').documentId(regionId)),
        ...(childKinds.length > 0
          ? [
              materialList(S, {
                id: 'regioner',
                type: 'region',
                title: 'Regioner under',
                paneTitle: `Regioner under ${title}`,
                icon: PinIcon,
                filter: REGION_FILTERS.children,
                params,
                templates: childKinds.map((id) => template(id, params)),
                child: regionPane,
              }),
            ]
          : []),
        S.divider(),
        materialList(S, {
          id: 'program',
          type: 'programme',
          title: 'Program',
          icon: ProjectsIcon,
          filter: REGION_FILTERS.programme,
          params,
          templates: [template('programme-in-region', params)],
          child: programmePane,
        }),
        materialList(S, {
          id: 'malbilder',
          type: 'malbild',
          title: 'Målbilder',
          icon: TargetIcon,
          filter: REGION_FILTERS.malbild,
          params,
          templates: [template('malbild-in-region', params)],
        }),
        // A delprojekt belongs to a programme: one "+" per programme of the region.
        materialList(S, {
          id: 'delprojekt',
          type: 'delprojekt',
          title: 'Delprojekt',
          icon: ComponentIcon,
          filter: REGION_FILTERS.delprojekt,
          params,
          templates: programmes.map((programme) =>
            template(
              'delprojekt-in-programme',
              { programmeId: programme._id },
              `Delprojekt i ${programme.title ?? 'programmet'}`,
            ),
          ),
        }),
        materialList(S, {
          id: 'kontaktpersoner',
          type: 'kontaktperson',
          title: 'Kontaktpersoner',
          icon: UsersIcon,
          filter: REGION_FILTERS.kontaktperson,
          params,
          templates: [template('kontaktperson-in-region', params)],
        }),
        materialList(S, {
          id: 'dokument',
          type: 'dokument',
          title: 'Dokument',
          icon: DocumentPdfIcon,
          filter: REGION_FILTERS.dokument,
          params,
          templates: [template('dokument-in-region', params)],
        }),
        materialList(S, {
          id: 'handelser',
          type: 'handelse',
          title: 'Händelser',
          icon: CalendarIcon,
          filter: REGION_FILTERS.handelse,
          params,
          templates: [template('handelse-in-region', params)],
        }),
      ]);
  }

  /**
   * The signed-in editor's regions (from the `redaktor` mappings) and their material, the
   * regions below included. A convenience view, not access control (docs/editor-workflow.md).
   */
  async function myRegionPane() {
    const user = context.currentUser;
    let mapped: string[] = [];
    let regions: { _id: string; name?: string; parent?: string | null }[] = [];
    try {
      ({ mapped, regions } = await client().fetch(MY_REGIONS_QUERY, {
        userId: user?.id ?? '',
        email: user?.email?.trim().toLowerCase() ?? '',
      }));
    } catch {
      mapped = [];
    }
    const own = regions.filter((region) => (mapped ?? []).includes(region._id));
    if (own.length === 0)
      return S.component(noRegionNotice(user)).id('min-region').title('Min region');
    const params = {
      regionIds: withDescendants(
        own.map((region) => region._id),
        regions,
      ),
    };
    const inRegions = (templateId: string, what: string) =>
      own.map((region) =>
        template(templateId, { regionId: region._id }, `${what} i ${region.name ?? 'regionen'}`),
      );
    const list = (
      id: string,
      type: string,
      title: string,
      icon: ComponentType,
      templates: TemplateItem[],
    ) =>
      S.listItem()
        .id(id)
        .title(title)
        .icon(icon)
        .child(
          S.documentList()
            .id(id)
            .title(title)
            .schemaType(type)
            .apiVersion(API_VERSION)
            .filter(MY_REGION_FILTERS[type as keyof typeof MY_REGION_FILTERS])
            .params(params)
            .initialValueTemplates(templates),
        );
    return S.list()
      .id('min-region')
      .title('Min region')
      .items([
        // Each of the editor's own regions, as in Per region.
        ...own.map((region) =>
          S.listItem()
            .id(region._id)
            .title(region.name ?? region._id)
            .icon(PinIcon)
            .child(regionPane),
        ),
        S.divider(),
        list(
          'program',
          'programme',
          'Program',
          ProjectsIcon,
          inRegions('programme-in-region', 'Program'),
        ),
        list(
          'malbilder',
          'malbild',
          'Målbilder',
          TargetIcon,
          inRegions('malbild-in-region', 'Målbild'),
        ),
        list('delprojekt', 'delprojekt', 'Delprojekt', ComponentIcon, []),
        list(
          'kontaktpersoner',
          'kontaktperson',
          'Kontaktpersoner',
          UsersIcon,
          inRegions('kontaktperson-in-region', 'Kontaktperson'),
        ),
        list(
          'dokument',
          'dokument',
          'Dokument',
          DocumentPdfIcon,
          inRegions('dokument-in-region', 'Dokument'),
        ),
        list(
          'handelser',
          'handelse',
          'Händelser',
          CalendarIcon,
          inRegions('handelse-in-region', 'Händelse'),
        ),
      ]);
  }

  function qualityList(id: string, title: string, filter: string, params = {}) {
    return S.listItem()
      .id(id)
      .title(title)
      .child(
        S.documentList()
          .id(id)
          .title(title)
          .apiVersion(API_VERSION)
          .filter(filter)
          .params(params)
          .canHandleIntent(() => false),
      );
  }

  const qualityLists = S.list()
    .id('att-atgarda')
    .title('Att åtgärda')
    .items([
      qualityList('utan-region', 'Innehåll utan region', QUALITY_FILTERS.withoutRegion),
      qualityList(
        'kontakter-utan-uppgifter',
        'Kontakter utan kontaktuppgifter',
        QUALITY_FILTERS.contactsWithoutDetails,
      ),
      qualityList(
        'kallor-som-inget-citerar',
        'Källsidor som inget citerar',
        QUALITY_FILTERS.sourcesNothingCites,
      ),
      qualityList(
        'regioner-utan-overordnad',
        'Regioner utan överordnad region',
        QUALITY_FILTERS.regionsWithoutParent,
      ),
      // Computed when opened (the rule needs the texts): a new text shows after reopening.
      S.listItem()
        .id('over-lix-granen')
        .title('Texter över LIX-gränsen')
        .child(async () => {
          let ids: string[] = [];
          try {
            ids = idsOverLixLimit(await client().fetch(LIX_TEXTS_QUERY));
          } catch {
            ids = [];
          }
          return S.documentList()
            .id('over-lix-granen')
            .title('Texter över LIX-gränsen')
            .apiVersion(API_VERSION)
            .filter('_id in $ids')
            .params({ ids: [...ids, ...ids.map((id) => `drafts.${id.replace(/^drafts\./, '')}`)] })
            .canHandleIntent(() => false);
        }),
    ]);

  return S.list()
    .title('Innehåll')
    .items([
      S.listItem().id('min-region').title('Min region').icon(HomeIcon).child(myRegionPane),
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
            .child(regionPane)
            .canHandleIntent(() => false)
            .initialValueTemplates([template(REGION_KIND_TEMPLATES.lan, {})]),
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
      S.listItem()
        .id('att-atgarda')
        .title('Att åtgärda')
        .icon(WarningOutlineIcon)
        .child(qualityLists),
      // Who works for which region ("Min region"): administrators keep the mappings.
      ...(isAdministrator(context.currentUser)
        ? [S.documentTypeListItem('redaktor').id('redaktorer').title('Redaktörer')]
        : []),
    ]);
};
