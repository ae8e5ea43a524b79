// Which addresses the site renders as links. Content validation already refuses other schemes;
// these checks hold even when it did not run (defence in depth): an address that fails them is
// rendered as plain text or left out, never as an href.
export const ALLOWED_LINK_PROTOCOLS: ReadonlySet<string> = new Set([
  'http:',
  'https:',
  'mailto:',
  'tel:',
]);

/** The href if it is allowed (an absolute URL with a scheme in the allow list), else undefined. */
export function safeHref(href: unknown): URL | undefined {
  if (typeof href !== 'string') return undefined;
  const value = href.trim();
  // Leading/trailing space or control characters hide a scheme from naive checks: refuse them.
  if (value !== href || /[\u0000-\u001f\u007f]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return ALLOWED_LINK_PROTOCOLS.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The address if it is a web page (http or https), else undefined. */
export function webHref(href: unknown): URL | undefined {
  const url = safeHref(href);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
}
