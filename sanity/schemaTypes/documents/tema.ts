import { TagIcon } from '@sanity/icons/Tag';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import { slugField, sourcesField } from '../fields';

export default defineType({
  name: 'tema',
  title: 'Tema',
  description:
    'Ett ämne som går igen i flera regioners arbete, till exempel egenvård eller kompetensutveckling. Samlar material från hela landet på en sida.',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Namn',
      description: 'Temats namn med stor begynnelsebokstav, till exempel "Egenvård".',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('tema', 'name')),
    }),
    slugField('name'),
    defineField({
      name: 'description',
      title: 'Beskrivning',
      description: 'Vad temat handlar om, i ett par meningar. Visas överst på temats sida.',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().error(requiredMessage('tema', 'description')),
    }),
    sourcesField(),
  ],
  preview: {
    select: { title: 'name', subtitle: 'description' },
  },
  orderings: [{ title: 'Namn', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
});
