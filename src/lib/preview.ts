// An editors' preview build (npm run build:preview) queries the drafts perspective: drafts
// overlaid on the published documents. Its pages say so (a banner) and ask search engines
// not to index them; the site's public build never sets SANITY_PERSPECTIVE.
export function isPreviewBuild(
  env: { SANITY_PERSPECTIVE?: string | undefined } = process.env,
): boolean {
  return env.SANITY_PERSPECTIVE?.trim() === 'drafts';
}
