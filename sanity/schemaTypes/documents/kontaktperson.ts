import { UserIcon } from '@sanity/icons/User';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import {
  regionLabel,
  regionsField,
  slugField,
  sourcesField,
  subtitle,
  webUrlField,
} from '../fields';
import { validateContactDetails, validateEmail, validatePhone } from '../validation';

export default defineType({
  name: 'kontaktperson',
  title: 'Kontaktperson',
  description:
    'En person som källan anger som kontakt i arbetet. Skriv bara de arbetsuppgifter som utgivaren själv har publicerat, exakt som de står.',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Namn',
      description: 'För- och efternamn som i källan.',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('kontaktperson', 'name')),
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
      validation: (rule) => rule.required().error(requiredMessage('kontaktperson', 'organisation')),
    }),
    defineField({
      name: 'email',
      title: 'E-post',
      description:
        'Arbetsadressen som utgivaren publicerat, till exempel jeanette.andersson@vastkom.se.',
      type: 'string',
      // An error when there is neither an e-mail address nor a phone number (unless the
      // source publishes none); on a string, not the document, so that the CLI reports the
      // same level (validation.ts).
      validation: (rule) => [
        rule.custom(validateEmail),
        rule.custom(validateContactDetails).error(),
      ],
    }),
    defineField({
      name: 'phone',
      title: 'Telefon',
      description:
        'Numret exakt som det står i källan, till exempel "031-335 51 76" eller "073 - 8037311". Webbplatsen gör det klickbart.',
      type: 'string',
      validation: (rule) => rule.custom(validatePhone),
    }),
    defineField({
      name: 'noContactDetailsInSource',
      title: 'Källan anger inga kontaktuppgifter',
      description:
        'Kryssa i bara när källan nämner personen som kontakt men varken har e-postadress eller telefonnummer. Webbplatsen skriver då att källan inte anger några och hänvisar till organisationen.',
      type: 'boolean',
      initialValue: false,
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
