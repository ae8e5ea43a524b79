// Field definitions that several document types share, so that a slug, a list of
// sources or a date means the same thing — and is checked the same way — everywhere.
import { defineArrayMember, defineField } from 'sanity';
import { slugify } from './slugify';
import {
  isUniqueSlugPerType,
  validateIsoDate,
  validateSlugFormat,
  WEB_SCHEMES,
} from './validation';

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
      maxLength: 96,
      slugify: (input: string) => slugify(input),
      isUnique: isUniqueSlugPerType,
    },
    validation: (rule) => rule.required().custom(validateSlugFormat),
  });
}

export function isoDateField(options: {
  name: string;
  title: string;
  description: string;
  required?: boolean;
}) {
  return defineField({
    name: options.name,
    title: options.title,
    description: `${options.description} Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, bara så exakt som källan anger.`,
    type: 'string',
    placeholder: 'ÅÅÅÅ-MM-DD',
    validation: (rule) =>
      options.required ? rule.required().custom(validateIsoDate) : rule.custom(validateIsoDate),
  });
}

export function webUrlField(options: { name: string; title: string; description: string }) {
  return defineField({
    name: options.name,
    title: options.title,
    description: options.description,
    type: 'url',
    validation: (rule) => rule.uri({ scheme: WEB_SCHEMES }),
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
    validation: (rule) => rule.required().min(1).unique(),
  });
}

export function regionsField(description: string) {
  return defineField({
    name: 'regions',
    title: 'Regioner',
    description,
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'region' }] })],
    validation: (rule) => rule.required().min(1).unique(),
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
    validation: (rule) => rule.unique(),
  });
}

export function contactsField() {
  return defineField({
    name: 'contacts',
    title: 'Kontaktpersoner',
    description: 'Personer som källan anger som kontakt för arbetet.',
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'kontaktperson' }] })],
    validation: (rule) => rule.unique(),
  });
}

export function documentsField(description: string) {
  return defineField({
    name: 'documents',
    title: 'Dokument',
    description,
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'dokument' }] })],
    validation: (rule) => rule.unique(),
  });
}

export const STATUS_OPTIONS = [
  { title: 'Planerat', value: 'planerat' },
  { title: 'Pågående', value: 'pagaende' },
  { title: 'Avslutat', value: 'avslutat' },
];

export function statusField() {
  return defineField({
    name: 'status',
    title: 'Status',
    description: 'Om arbetet är planerat, pågår eller är avslutat enligt källan.',
    type: 'string',
    options: { list: STATUS_OPTIONS, layout: 'radio', direction: 'horizontal' },
    initialValue: 'pagaende',
  });
}

/** Swedish list title for a stored option value, for previews. */
export function optionTitle(
  options: { title: string; value: string }[],
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
