// Rules on the content model's small objects: an attachment and a financing note.

export const ATTACHMENT_MESSAGE_NONE =
  'Ladda upp en fil eller skriv en webbadress, eller ta bort bilagan om källan inte ger någon av dem.';
export const ATTACHMENT_MESSAGE_BOTH =
  'Välj antingen en fil eller en webbadress, inte båda: ta bort den ena.';

export interface AttachmentValue {
  file?:
    | {
        asset?: { _ref?: string | undefined } | null | undefined;
        _sanityAsset?: string | undefined;
      }
    | null
    | undefined;
  url?: string | null | undefined;
}

/**
 * The file types a visitor can open from a document's page, which links the file: what
 * browsers show themselves (PDF, images, text, audio and video) and the open office formats
 * every office suite reads. Not archives or programs, not SVG (it can carry scripts), and not
 * the old binary Office formats (.doc, .xls, .ppt), which may carry macros: save them as PDF
 * or the newer format.
 */
export const ATTACHMENT_FILE_TYPES = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'webp',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'txt',
  'csv',
  'mp3',
  'mp4',
  'webm',
] as const;

/** For the Studio's file picker (`options.accept`). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_FILE_TYPES.map((type) => `.${type}`).join(',');

export function attachmentFileTypeMessage(type: string | undefined): string {
  return (
    `${type ? `Filen är av typen .${type}` : 'Filen har ingen filändelse'}, som besökare inte kan öppna från webbplatsen. ` +
    `Ladda upp den som PDF eller som ${ATTACHMENT_FILE_TYPES.filter((t) => t !== 'pdf')
      .map((t) => `.${t}`)
      .join(', ')}, eller skriv adressen till utgivarens sida i stället.`
  );
}

/**
 * The file type of an attachment's file: a Content Lake asset id ends in it
 * (`file-<sha1>-pdf`), an export's placeholder names the file (`file@file://./files/<sha1>.pdf`).
 */
export function attachmentFileType(
  file: AttachmentValue['file'],
): { type: string | undefined } | undefined {
  const ref = file?.asset?._ref;
  if (typeof ref === 'string' && ref !== '') {
    const match = /^file-[^-]+-([a-z0-9]+)$/i.exec(ref);
    return { type: match?.[1]?.toLowerCase() };
  }
  const placeholder = file?._sanityAsset;
  if (typeof placeholder === 'string' && placeholder !== '') {
    const name = placeholder.split('/').at(-1) ?? '';
    const dot = name.lastIndexOf('.');
    return { type: dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined };
  }
  return undefined;
}

/** An attachment holds exactly one of a file and an address, and a file of a type visitors can open. */
export function attachmentProblem(value: AttachmentValue | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  // An export rewrites asset references to `_sanityAsset: "file@file://./files/…"`.
  const hasFile = Boolean(value.file?.asset?._ref || value.file?._sanityAsset);
  const hasUrl = typeof value.url === 'string' && value.url.trim() !== '';
  if (hasFile && hasUrl) return ATTACHMENT_MESSAGE_BOTH;
  if (!hasFile && !hasUrl) return ATTACHMENT_MESSAGE_NONE;
  const file = attachmentFileType(value.file);
  if (file && !(ATTACHMENT_FILE_TYPES as readonly string[]).includes(file.type ?? ''))
    return attachmentFileTypeMessage(file.type);
  return undefined;
}

export const FINANCING_MESSAGE =
  'Beskriv finansieringen eller ange minst en finansiär, eller ta bort fältet.';

/** An empty financing object says nothing. */
export function financingProblem(
  value:
    | { description?: string | null | undefined; funders?: unknown[] | null | undefined }
    | null
    | undefined,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const hasDescription = typeof value.description === 'string' && value.description.trim() !== '';
  const hasFunders = Array.isArray(value.funders) && value.funders.length > 0;
  return hasDescription || hasFunders ? undefined : FINANCING_MESSAGE;
}
