import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import { isAdministrator } from '../../roles';
import { isoDateField, slugField, subtitle, webUrlField } from '../fields';

export default defineType({
  name: 'kalla',
  title: 'Källsida',
  description:
    'En publicerad webbsida som uppgifterna kommer från. Allt annat material hänvisar hit, så att läsaren kan se var det står.',
  type: 'document',
  icon: EarthGlobeIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Rubrik',
      description: 'Sidans rubrik som den står på källsidan.',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('kalla', 'title')),
    }),
    slugField('title'),
    defineField({
      name: 'publisher',
      title: 'Utgivare',
      description:
        'Den som ger ut sidan, skriven som på sidan, till exempel "Fyrbodals kommunalförbund".',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('kalla', 'publisher')),
    }),
    defineField({
      name: 'publisherRegion',
      title: 'Utgivarens region',
      description: 'Regionen, kommunalförbundet eller kommunen som ger ut sidan.',
      type: 'reference',
      to: [{ type: 'region' }],
    }),
    webUrlField({
      name: 'url',
      title: 'Webbadress',
      description: 'Sidans adress, om den är känd. Börjar med https://.',
    }),
    isoDateField({
      name: 'lastUpdated',
      title: 'Senast uppdaterad',
      description: 'Datumet som sidan själv anger som senast uppdaterad.',
    }),
    defineField({
      name: 'seedFile',
      title: 'Källfil',
      description:
        'Filen i shared/seeds/ som sidans text sparades i, för spårbarhet. Lämna tomt för nya sidor.',
      type: 'string',
      // A developer's trace of the seed data: administrators only.
      hidden: ({ currentUser }) => !isAdministrator(currentUser),
    }),
    defineField({
      name: 'note',
      title: 'Anteckning',
      description:
        'Något som redaktörer behöver veta om källan, till exempel vad som utelämnats. Visas inte för besökare.',
      type: 'text',
      rows: 3,
    }),
  ],
  preview: {
    select: {
      title: 'title',
      publisher: 'publisher',
      region: 'publisherRegion.name',
      lastUpdated: 'lastUpdated',
    },
    prepare({ title, publisher, region, lastUpdated }) {
      return { title, subtitle: subtitle('Källsida', region || publisher, lastUpdated) };
    },
  },
  orderings: [{ title: 'Rubrik', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] }],
});
