import { DownloadIcon } from '@sanity/icons/Download';
import { defineField, defineType } from 'sanity';
import { ATTACHMENT_ACCEPT, attachmentProblem, WEB_SCHEMES } from '../../../src/lib/rules/index.ts';
import { validateUrl } from '../validation';

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
      description:
        'Ladda upp filen, till exempel en PDF, om ni har rätt att publicera den. Besökare kan öppna PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument, text, CSV, MP3, MP4 och WebM.',
      type: 'file',
      options: { accept: ATTACHMENT_ACCEPT },
    }),
    defineField({
      name: 'url',
      title: 'Webbadress',
      description:
        'Adressen där dokumentet finns hos utgivaren, till exempel en inspelning. Börjar med https://.',
      type: 'string',
      // "A file or an address" sits here, on a string, so that the CLI reports it as an
      // error too (validation.ts).
      validation: (rule) => [
        rule.custom(validateUrl(WEB_SCHEMES)),
        rule.custom((_url, context) => attachmentProblem(context.parent as never) ?? true),
      ],
    }),
  ],
  preview: {
    select: { url: 'url', fileName: 'file.asset.originalFilename' },
    prepare({ url, fileName }) {
      return { title: fileName || url || 'Ingen fil eller adress' };
    },
  },
});
