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

/** An attachment holds exactly one of a file and an address. */
export function attachmentProblem(value: AttachmentValue | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  // An export rewrites asset references to `_sanityAsset: "file@file://./files/…"`.
  const hasFile = Boolean(value.file?.asset?._ref || value.file?._sanityAsset);
  const hasUrl = typeof value.url === 'string' && value.url.trim() !== '';
  if (hasFile && hasUrl) return ATTACHMENT_MESSAGE_BOTH;
  if (!hasFile && !hasUrl) return ATTACHMENT_MESSAGE_NONE;
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
