// Field definitions that several document types share, so that a slug, a list of
// sources or a date means the same thing — and is checked the same way — everywhere.
import { defineArrayMember, defineField, type Rule } from 'sanity';
import { delprojektOfChosenProgramme, ofTheDocumentsRegions } from './reference-filters';
import { validateDelprojektOfProgramme } from './validation';
import {
  DUPLICATE_ITEM_MESSAGE,
  REGIONS_REQUIRED_MESSAGE,
  SLUG_MAX_LENGTH,
  SLUG_REQUIRED_MESSAGE,
  slugify,
  SOURCES_REQUIRED_MESSAGE,
  STATUS_OPTIONS,
  WEB_SCHEMES,
  optionMessage,
} from '../../src/lib/rules/index.ts';
import {
  isUniqueSlugPerType,
  validateIsoDate,
  validateSlugCurrent,
  validateStatusPeriod,
  validateStatusRequired,
  validateUrl,
} from './validation';

export { STATUS_OPTIONS };

export function slugField(source = 'title') {
  return defineField({
    name: 'slug',
    title: 'Slug (del av webbadressen)',
    description:
      'Bestämmer sidans webbadress, till exempel "vardens-medarbetare". Klicka på Generera så skapas den från rubriken. ' +
      'Ändra den inte efter publicering: då slutar gamla länkar att fungera.',
    type: 'slug',
    options: {
      source,
      maxLength: SLUG_MAX_LENGTH,
      slugify: (input: string) => slugify(input),
      isUnique: isUniqueSlugPerType,
    },
    // The format rule sits on `current` (a string): on the slug object itself the CLI
    // would report it as a warning (see validation.ts).
    validation: (rule) => [
      rule.required().error(SLUG_REQUIRED_MESSAGE),
      // SlugRule's type leaves out fields(), which every rule has.
      (rule as unknown as Rule).fields({
        current: (current: Rule) => current.custom(validateSlugCurrent),
      }),
    ],
  });
}

export function isoDateField(options: {
  name: string;
  title: string;
  description: string;
  /** The message when the date is missing; the date is optional without one. */
  requiredMessage?: string;
}) {
  return defineField({
    name: options.name,
    title: options.title,
    description: `${options.description} Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, bara så exakt som källan anger.`,
    type: 'string',
    placeholder: 'ÅÅÅÅ-MM-DD',
    validation: (rule) =>
      options.requiredMessage
        ? [rule.required().error(options.requiredMessage), rule.custom(validateIsoDate)]
        : rule.custom(validateIsoDate),
  });
}

export function webUrlField(options: { name: string; title: string; description: string }) {
  return defineField({
    name: options.name,
    title: options.title,
    description: options.description,
    // A string, not Sanity's url type: its built-in address check would report a second,
    // different message beside the shared rule's.
    type: 'string',
    validation: (rule) => rule.custom(validateUrl(WEB_SCHEMES)),
  });
}

export function sourcesField() {
  return defineField({
    name: 'sources',
    title: 'Källor',
    description:
      'Källsidorna som uppgifterna kommer från. Minst en, så att läsaren kan se var det står.',
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'kalla' }] })],
    validation: (rule) => [
      rule.required().min(1).error(SOURCES_REQUIRED_MESSAGE),
      rule.unique().error(DUPLICATE_ITEM_MESSAGE),
    ],
  });
}

export function regionsField(description: string) {
  return defineField({
    name: 'regions',
    title: 'Regioner',
    description,
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'region' }] })],
    validation: (rule) => [
      rule.required().min(1).error(REGIONS_REQUIRED_MESSAGE),
      rule.unique().error(DUPLICATE_ITEM_MESSAGE),
    ],
  });
}

export function themesField() {
  return defineField({
    name: 'themes',
    title: 'Teman',
    description:
      'Teman som materialet handlar om, till exempel egenvård eller kompetensutveckling. Används för att hitta material från flera regioner.',
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'tema' }] })],
    validation: (rule) => rule.unique().error(DUPLICATE_ITEM_MESSAGE),
  });
}

export function contactsField() {
  return defineField({
    name: 'contacts',
    title: 'Kontaktpersoner',
    description: 'Personer som källan anger som kontakt för arbetet.',
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'kontaktperson' }] })],
    validation: (rule) => rule.unique().error(DUPLICATE_ITEM_MESSAGE),
  });
}

export function documentsField(description: string) {
  return defineField({
    name: 'documents',
    title: 'Dokument',
    description,
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'dokument' }] })],
    validation: (rule) => rule.unique().error(DUPLICATE_ITEM_MESSAGE),
  });
}

/**
 * The programme a Dokument or Händelse belongs to, offered from the document's regions and the
 * regions above and below them, and a delprojekt of that programme. `owner` is the document in
 * the descriptions' Swedish ("dokumentet", "händelsen"); `regions` says which regions.
 */
export function programmeAndDelprojektFields(owner: string, regions: string) {
  return [
    defineField({
      name: 'programme',
      title: 'Program',
      description: `Programmet som ${owner} hör till, om något. Listan visar program i ${regions} och regionerna över och under ${regions.endsWith('region') ? 'den' : 'dem'}.`,
      type: 'reference',
      to: [{ type: 'programme' }],
      options: { filter: ofTheDocumentsRegions },
    }),
    defineField({
      name: 'delprojekt',
      title: 'Delprojekt',
      description: `Delprojektet som ${owner} hör till, om något.`,
      type: 'reference',
      to: [{ type: 'delprojekt' }],
      options: { filter: delprojektOfChosenProgramme },
      validation: (rule) => rule.custom(validateDelprojektOfProgramme),
    }),
  ];
}

export function statusField() {
  return defineField({
    name: 'status',
    title: 'Status',
    description:
      'Om arbetet är planerat, pågår eller är avslutat enligt källan. Säger källan inget om det, välj Anges inte i källan.',
    type: 'string',
    options: { list: [...STATUS_OPTIONS], layout: 'radio', direction: 'horizontal' },
    initialValue: 'pagaende',
    validation: (rule) => [
      rule.error(optionMessage(STATUS_OPTIONS)),
      rule.custom(validateStatusRequired).error(),
      rule.custom(validateStatusPeriod).warning(),
    ],
  });
}

/** Swedish list title for a stored option value, for previews. */
export function optionTitle(
  options: readonly { title: string; value: string }[],
  value: unknown,
): string | undefined {
  return options.find((option) => option.value === value)?.title;
}

/** "Göteborgsregionen" or "Göteborgsregionen m.fl." for a list preview. */
export function regionLabel(first: unknown, second: unknown): string | undefined {
  if (typeof first !== 'string' || first === '') return undefined;
  return second ? `${first} m.fl.` : first;
}

/** Joins the parts of a preview subtitle that are present with " · ". */
export function subtitle(...parts: unknown[]): string {
  return parts.filter((part) => typeof part === 'string' && part !== '').join(' · ');
}

/**
 * Tabs over a long form. No group is the default, so the form opens on all fields, as before;
 * a tab shows the part an editor works on (the text, the time and status, the links).
 */
export const FIELD_GROUPS = [
  { name: 'text', title: 'Text' },
  { name: 'tid', title: 'Tid och status' },
  { name: 'ansvar', title: 'Ansvar och finansiering' },
  { name: 'kopplingar', title: 'Kopplingar' },
  { name: 'kallor', title: 'Källor' },
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number]['name'];

/**
 * The groups of a type whose fields are put in groups by name; a field not named stays in
 * "Alla fält" only. Returns the type's `groups` and `fields`.
 */
export function grouped<F extends { name: string }>(
  fields: F[],
  groupOf: Readonly<Record<string, FieldGroup>>,
): { groups: { name: string; title: string }[]; fields: (F & { group?: string })[] } {
  const used = new Set(Object.values(groupOf));
  return {
    groups: FIELD_GROUPS.filter((group) => used.has(group.name)).map((group) => ({ ...group })),
    fields: fields.map((field) =>
      groupOf[field.name] ? { ...field, group: groupOf[field.name] } : field,
    ),
  };
}
