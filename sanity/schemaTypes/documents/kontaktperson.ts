import { UserIcon } from '@sanity/icons/User';
import { defineField, defineType } from 'sanity';
import {
  regionLabel,
  regionsField,
  slugField,
  sourcesField,
  subtitle,
  webUrlField,
} from '../fields';
import { validateEmail, validatePhone } from '../validation';

// The same words as the shared rule module's (branch `rules`, src/lib/rules/contact.ts), so
// that the two meet at merge. A warning there too: a publisher may list a contact without
// either, and details are never invented.
export const CONTACT_DETAILS_MESSAGE =
  'Kontaktpersonen har varken e-postadress eller telefonnummer, så besökare kan inte nå personen. ' +
  'Skriv in dem om källan anger dem. Nämner källan bara personen utan att ange den som kontakt, ' +
  'skriv om personen i programmets text i stället och ta bort kontaktpersonen.';

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

export default defineType({
  name: 'kontaktperson',
  title: 'Kontaktperson',
  description:
    'En person som källan anger som kontakt i arbetet. Skriv bara de arbetsuppgifter som utgivaren själv har publicerat, exakt som de står.',
  type: 'document',
  icon: UserIcon,
  validation: (rule) =>
    rule
      .custom((contact) =>
        hasText(contact?.['email']) || hasText(contact?.['phone']) ? true : CONTACT_DETAILS_MESSAGE,
      )
      .warning(),
  fields: [
    defineField({
      name: 'name',
      title: 'Namn',
      description: 'För- och efternamn som i källan.',
      type: 'string',
      validation: (rule) => rule.required().error('Skriv personens namn.'),
    }),
    slugField('name'),
    defineField({
      name: 'role',
      title: 'Roll',
      description: 'Titel eller roll som i källan, till exempel "Utvecklingsledare Nära vård".',
      type: 'string',
    }),
    defineField({
      name: 'organisation',
      title: 'Organisation',
      description: 'Arbetsgivaren som i källan, till exempel "Fyrbodals kommunalförbund".',
      type: 'string',
      validation: (rule) => rule.required().error('Ange vilken organisation personen arbetar för.'),
    }),
    defineField({
      name: 'email',
      title: 'E-post',
      description:
        'Arbetsadressen som utgivaren publicerat, till exempel jeanette.andersson@vastkom.se.',
      type: 'string',
      validation: (rule) => rule.custom(validateEmail),
    }),
    defineField({
      name: 'phone',
      title: 'Telefon',
      description:
        'Numret exakt som det står i källan, till exempel "031-335 51 76" eller "073 - 8037311". Webbplatsen gör det klickbart.',
      type: 'string',
      validation: (rule) => rule.custom(validatePhone),
    }),
    webUrlField({
      name: 'portraitUrl',
      title: 'Porträtt (webbadress)',
      description:
        'Adressen till porträttbilden hos utgivaren, om källan har en. Börjar med https://.',
    }),
    defineField({
      name: 'period',
      title: 'Period',
      description: 'När personen har rollen, om källan säger det, till exempel "under 2021–2022".',
      type: 'period',
    }),
    regionsField('Regionerna som personen är kontakt för.'),
    sourcesField(),
  ],
  preview: {
    select: {
      title: 'name',
      role: 'role',
      organisation: 'organisation',
      region0: 'regions.0.name',
      region1: 'regions.1.name',
    },
    prepare({ title, role, organisation, region0, region1 }) {
      return { title, subtitle: subtitle(role || organisation, regionLabel(region0, region1)) };
    },
  },
  orderings: [{ title: 'Namn', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
});
