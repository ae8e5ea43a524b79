// The site's public address, SITE_URL. Canonical URLs, the sitemap, robots.txt, the RSS feed
// and the social cards are absolute, built from it; without it they point to the local server.
// A deploy build (NARAVARD_DEPLOY_BUILD, set by .github/workflows/deploy.yml) refuses to run
// without it, since a published site whose links lead to localhost looks fine until someone
// follows one; any other build says where its links point. scripts/build.ts decides with
// checkSiteUrl before anything else runs; astro.config.mjs takes the address from siteUrl.

/** Where `npm start` serves a build, and so where a build without SITE_URL links to. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** Set (to anything but `0` or `false`) for a build that will be deployed. */
export const DEPLOY_BUILD = 'NARAVARD_DEPLOY_BUILD';

export interface SiteUrlEnv {
  SITE_URL?: string | undefined;
  NARAVARD_DEPLOY_BUILD?: string | undefined;
}

export type SiteUrlCheck =
  | { kind: 'ok'; url: string }
  | { kind: 'warning'; url: string; message: string }
  | { kind: 'error'; message: string };

const LINKS = 'canonical URLs, sitemap, robots.txt, RSS feed and social cards';

export function isDeployBuild(env: SiteUrlEnv = process.env): boolean {
  const flag = env.NARAVARD_DEPLOY_BUILD?.trim().toLowerCase();
  return !!flag && flag !== '0' && flag !== 'false';
}

/** The address Astro builds for: SITE_URL, else the local server's. */
export function siteUrl(env: SiteUrlEnv = process.env): string {
  return env.SITE_URL?.trim() || LOCAL_SITE_URL;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
    hostname === '[::1]' ||
    hostname === '0.0.0.0'
  );
}

/** Why `value` cannot be the site's address, or undefined when it can. */
function addressProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `its scheme is ${url.protocol.slice(0, -1)}, not http or https`;
  if (url.username || url.password) return 'it holds a user name or password';
  // The site is built for the root of its host: a page's address is its path on SITE_URL's host.
  if (url.pathname !== '/' || url.search || url.hash)
    return 'it has a path, query or fragment (the site is built for the root of its host)';
  return undefined;
}

/**
 * Whether a build may run with this SITE_URL, and what it says: an error stops the build before
 * anything runs, a warning is printed and the build goes on.
 */
export function checkSiteUrl(env: SiteUrlEnv = process.env): SiteUrlCheck {
  const value = env.SITE_URL?.trim();
  const deploy = isDeployBuild(env);
  if (!value) {
    if (deploy)
      return {
        kind: 'error',
        message:
          `SITE_URL is not set. A deploy build (${DEPLOY_BUILD}=1) needs the site's public address, ` +
          `e.g. SITE_URL=https://naravard.example.se: its ${LINKS} are built from it, and without ` +
          `it they would point to ${LOCAL_SITE_URL}.`,
      };
    return {
      kind: 'warning',
      url: LOCAL_SITE_URL,
      message:
        `SITE_URL is not set: this build's ${LINKS} point to ${LOCAL_SITE_URL}. ` +
        'Set SITE_URL=https://… (the public address) for a site to publish.',
    };
  }
  const problem = addressProblem(value);
  if (problem)
    return {
      kind: 'error',
      message:
        `SITE_URL must be the site's public address as an absolute http(s) URL, ` +
        `e.g. https://naravard.example.se; ${JSON.stringify(value)} is not: ${problem}.`,
    };
  if (deploy && isLoopback(new URL(value).hostname))
    return {
      kind: 'error',
      message:
        `SITE_URL is ${JSON.stringify(value)}, an address on this machine. A deploy build ` +
        `(${DEPLOY_BUILD}=1) needs the site's public address, e.g. https://naravard.example.se.`,
    };
  return { kind: 'ok', url: value };
}
