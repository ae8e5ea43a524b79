import { CalendarIcon } from '@sanity/icons/Calendar';
import { defineField, defineType } from 'sanity';
import { isoDateField } from '../fields';
import { validatePeriod } from '../validation';

export default defineType({
  name: 'period',
  title: 'Period',
  description: 'När arbetet pågår eller pågick. Fyll i så mycket som källan säger.',
  type: 'object',
  icon: CalendarIcon,
  fields: [
    isoDateField({
      name: 'start',
      title: 'Start',
      description: 'När perioden börjar.',
    }),
    isoDateField({
      name: 'end',
      title: 'Slut',
      description: 'När perioden slutar. Lämna tomt om den inte har något slut än.',
    }),
    defineField({
      name: 'text',
      title: 'Som det står i källan',
      description:
        'Periodens ordalydelse i källan, till exempel "Sedan våren 2020" eller "under 2021–2022".',
      type: 'string',
    }),
  ],
  validation: (rule) => rule.custom(validatePeriod),
  preview: {
    select: { start: 'start', end: 'end', text: 'text' },
    prepare({ start, end, text }) {
      const range = start || end ? `${start ?? '…'}–${end ?? ''}` : undefined;
      return {
        title: text || range || 'Period utan datum',
        ...(text && range ? { subtitle: range } : {}),
      };
    },
  },
});
