import { DownloadIcon } from '@sanity/icons/Download';
import { defineField, defineType } from 'sanity';
import { validateAttachment, WEB_SCHEMES } from '../validation';

export default defineType({
  name: 'attachment',
  title: 'Bilaga',
  description:
    'Själva dokumentet: en uppladdad fil eller en adress där det finns, exakt en av dem. Lämna bilagan tom om källan bara nämner dokumentet.',
  type: 'object',
  icon: DownloadIcon,
  fields: [
    defineField({
      name: 'file',
      title: 'Fil',
      description: 'Ladda upp filen, till exempel en PDF, om ni har rätt att publicera den.',
      type: 'file',
    }),
    defineField({
      name: 'url',
      title: 'Webbadress',
      description:
        'Adressen där dokumentet finns hos utgivaren, till exempel en inspelning. Börjar med https://.',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: WEB_SCHEMES }),
    }),
  ],
  validation: (rule) => rule.custom(validateAttachment),
  preview: {
    select: { url: 'url', fileName: 'file.asset.originalFilename' },
    prepare({ url, fileName }) {
      return { title: fileName || url || 'Ingen fil eller adress' };
    },
  },
});
