import { BlockContentIcon } from '@sanity/icons/BlockContent';
import { LinkIcon } from '@sanity/icons/Link';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { LINK_SCHEMES } from '../validation';

export default defineType({
  name: 'blockContent',
  title: 'Brödtext',
  description:
    'Löpande text med mellanrubriker, listor och länkar. Skriv om källans text i egna stycken, klistra inte in hela sidan.',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Rubrik 2', value: 'h2' },
        { title: 'Rubrik 3', value: 'h3' },
        { title: 'Rubrik 4', value: 'h4' },
        { title: 'Citat', value: 'blockquote' },
      ],
      lists: [
        { title: 'Punktlista', value: 'bullet' },
        { title: 'Numrerad lista', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Fet', value: 'strong' },
          { title: 'Kursiv', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Länk',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'Adress',
                description:
                  'En webbadress (https://…), en e-postadress (mailto:namn@exempel.se) eller ett telefonnummer (tel:+46313355176).',
                type: 'url',
                validation: (rule) =>
                  rule.required().uri({ scheme: LINK_SCHEMES, allowRelative: false }),
              }),
            ],
          }),
        ],
      },
    }),
  ],
});
