import { TargetIcon } from '@sanity/icons/Target';
import { defineField, defineType } from 'sanity';

export default defineType({
  name: 'malbildPart',
  title: 'Del av målbilden',
  description: 'En av de delar som målbilden delas in i.',
  type: 'object',
  icon: TargetIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Rubrik',
      description: 'Delens namn som i källan, till exempel "Tillsammans".',
      type: 'string',
      validation: (rule) => rule.required().error('Ge delen en rubrik.'),
    }),
    defineField({
      name: 'text',
      title: 'Text',
      description: 'Vad delen innebär, med källans ord.',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error('Skriv vad delen innebär.'),
    }),
  ],
  preview: {
    select: { title: 'title', text: 'text' },
  },
});
