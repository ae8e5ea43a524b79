import { BillIcon } from '@sanity/icons/Bill';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { validateFinancing } from '../validation';

export default defineType({
  name: 'financing',
  title: 'Finansiering',
  description: 'Hur arbetet betalas, enligt källan.',
  type: 'object',
  icon: BillIcon,
  fields: [
    defineField({
      name: 'description',
      title: 'Beskrivning',
      description:
        'Finansieringen med källans egna ord, till exempel "finansieras dels av statliga medel för kompetensutveckling, dels av Västra Götalandsregionen".',
      type: 'text',
      rows: 3,
    }),
    defineField({
      name: 'funders',
      title: 'Finansiärer',
      description:
        'En rad per finansiär, skriven som i källan, till exempel "Västra Götalandsregionen".',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      validation: (rule) => rule.unique(),
    }),
  ],
  validation: (rule) => rule.custom(validateFinancing),
});
