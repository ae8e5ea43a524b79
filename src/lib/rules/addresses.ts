// Web addresses: only schemes that open a page (or, in running text, an e-mail or a call).

/** Address fields (website, url, portraitUrl, attachment url). */
export const WEB_SCHEMES = ['http', 'https'] as const;
/** Links in running text may also open an e-mail or dial a number. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

function allowed(schemes: readonly string[]): string {
  return schemes.map((scheme) => `${scheme}:`).join(', ');
}

function example(schemes: readonly string[]): string {
  return schemes.includes('mailto')
    ? 'https://exempel.se/sida, mailto:namn@exempel.se eller tel:+46313355176'
    : 'https://exempel.se/sida';
}

/**
 * A problem with an address, or undefined when it parses and uses one of `schemes`.
 * Browsers strip tabs, newlines and edge spaces before reading the scheme
 * ("java\tscript:"), so any of them is refused outright rather than normalised.
 */
export function urlProblem(value: string, schemes: readonly string[]): string | undefined {
  if (value === '') return undefined;
  const ask = `Skriv hela adressen, till exempel ${example(schemes)}.`;
  if (value.trim() !== value)
    return `Adressen börjar eller slutar med mellanslag: ta bort dem. ${ask}`;
  if (/[\u0000-\u0020\u007f]/.test(value))
    return `Adressen innehåller mellanslag eller osynliga tecken: ta bort dem. ${ask}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Det här är ingen fullständig adress. ${ask}`;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!schemes.includes(scheme))
    return `Adresser som börjar med ${url.protocol} är inte tillåtna här, bara ${allowed(schemes)}. ${ask}`;
  if ((scheme === 'http' || scheme === 'https') && url.hostname === '')
    return `Adressen saknar webbplatsens namn. ${ask}`;
  if ((scheme === 'mailto' || scheme === 'tel') && url.pathname === '')
    return `Adressen är tom efter ${url.protocol}. ${ask}`;
  return undefined;
}
