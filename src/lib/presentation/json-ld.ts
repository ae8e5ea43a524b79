// JSON-LD for the site's pages, serialised so that no content can end the <script> element:
// `<`, `>` and `&` become \u escapes (valid JSON, same value), as do U+2028/U+2029.
import type { Crumb } from './site.ts';
import type { Dokument, Kontaktperson, RegionEntry } from '../content/schemas.ts';
import { telHref } from './format.ts';
import { webHref } from './links.ts';

/** JSON for an inline `<script type="application/ld+json">`. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

type Json = Record<string, unknown>;

/** Drops undefined, null and empty-array values so the output holds only what is known. */
export function compact<T extends Json>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
    ),
  ) as T;
}

export const CONTEXT = 'https://schema.org';

/** A page's JSON-LD: its main entity (if any) and its breadcrumb trail, as one @graph. */
export function pageGraph(
  site: URL,
  trail: readonly Crumb[],
  current: { title: string; path: string },
  entity?: Json,
): Json {
  const crumbs = [
    { title: 'Start', href: '/' },
    ...trail,
    { title: current.title, href: current.path },
  ];
  const breadcrumb = {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.title,
      item: new URL(crumb.href, site).href,
    })),
  };
  return { '@context': CONTEXT, '@graph': entity ? [entity, breadcrumb] : [breadcrumb] };
}

export function regionEntity(region: RegionEntry, site: URL, path: string): Json {
  return compact({
    '@type': 'GovernmentOrganization',
    '@id': new URL(path, site).href + '#organisation',
    name: region.name,
    description: region.shortDescription,
    url: webHref(region.website)?.href ?? new URL(path, site).href,
    alternateName: region.organisations.length > 0 ? region.organisations : undefined,
    parentOrganization: region.parent
      ? {
          '@type': 'GovernmentOrganization',
          name: region.parent.title,
          url: new URL(`/regioner/${region.parent.slug}/`, site).href,
        }
      : undefined,
    subOrganization: region.children.map((child) => ({
      '@type': 'GovernmentOrganization',
      name: child.title,
      url: new URL(`/regioner/${child.slug}/`, site).href,
    })),
  });
}

export function personEntity(person: Kontaktperson, site: URL, path: string): Json {
  const telephone = person.phone ? telHref(person.phone)?.slice('tel:'.length) : undefined;
  return compact({
    '@type': 'Person',
    name: person.name,
    url: new URL(path, site).href,
    jobTitle: person.role ?? undefined,
    worksFor: { '@type': 'Organization', name: person.organisation },
    contactPoint: compact({
      '@type': 'ContactPoint',
      contactType: person.role ?? 'Kontaktperson',
      telephone,
      email: person.email ?? undefined,
      availableLanguage: 'sv',
    }),
  });
}

export function documentEntity(doc: Dokument, site: URL, path: string): Json {
  return compact({
    '@type': 'DigitalDocument',
    name: doc.title,
    description: doc.summary ?? undefined,
    url: webHref(doc.url)?.href ?? new URL(path, site).href,
    datePublished: doc.date ?? undefined,
    encodingFormat: doc.format ?? undefined,
    inLanguage: 'sv',
    publisher: { '@type': 'Organization', name: doc.publisher },
  });
}
