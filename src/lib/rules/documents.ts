// The content model's per-field messages, and the rules that look at a whole document.
import { contactDetailsProblem } from './contact.ts';
import { isBlank } from './text.ts';
import { statusPeriodWarning, type PeriodValue } from './dates.ts';

export const DOCUMENT_TYPES = [
  'region',
  'programme',
  'malbild',
  'delprojekt',
  'kontaktperson',
  'dokument',
  'tema',
  'handelse',
  'kalla',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Studio-only document types: the Studio's own configuration (which regions an editor works
 * for, sanity/schemaTypes/studio/), not site content. `content:pull` and `content:push` carry
 * them like any document; the build's check skips them without a warning.
 */
export const STUDIO_ONLY_TYPES = ['redaktor'] as const;

export const REDAKTOR_IDENTITY_MESSAGE =
  'Skriv redaktörens e-postadress eller användar-id i Sanity, så att Studion vet vem kopplingen gäller.';

/** A `redaktor` mapping names its editor by e-mail address or Sanity user id. */
export function redaktorIdentityProblem(document: Record<string, unknown>): boolean {
  const has = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return !has(document['email']) && !has(document['userId']);
}

export const STATUS_OPTIONS = [
  { title: 'Planerat', value: 'planerat' },
  { title: 'Pågående', value: 'pagaende' },
  { title: 'Avslutat', value: 'avslutat' },
  { title: 'Anges inte i källan', value: 'okand' },
] as const;
export const STATUSES = ['planerat', 'pagaende', 'avslutat', 'okand'] as const;

/**
 * Whether an event concerns the regions it lists or the whole country (a government decision,
 * an SKR agreement, a national inquiry). A national event keeps its regions (where the source
 * mentions it) but is labelled as national instead of by region. Missing means regional.
 */
export const EVENT_SCOPE_OPTIONS = [
  { title: 'Regional eller lokal', value: 'regional' },
  { title: 'Nationell', value: 'nationell' },
] as const;
export const EVENT_SCOPES = ['regional', 'nationell'] as const;
export type EventScope = (typeof EVENT_SCOPES)[number];

/**
 * An error: every programme and delprojekt says what its source says about the work's
 * status. When the source does not say (six programmes and two delprojekt of the embedded
 * dataset), "Anges inte i källan" says so honestly instead of an invented status.
 */
export const STATUS_REQUIRED_MESSAGE =
  'Välj status: Planerat, Pågående eller Avslutat, så som källan beskriver arbetet, eller Anges inte i källan om källan inte säger det. Utan status kan besökare inte se om arbetet pågår.';

export const DUPLICATE_ITEM_MESSAGE = 'Samma sak finns två gånger i listan: ta bort dubbletten.';

/** What an editor is asked when a required field is empty, by type and field path. */
export const REQUIRED_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  region: {
    name: 'Skriv regionens namn.',
    kind: 'Välj vilken typ av region det är.',
    shortDescription: 'Skriv en kort beskrivning av regionen.',
  },
  programme: { title: 'Skriv programmets namn.', summary: 'Skriv en kort sammanfattning.' },
  malbild: { title: 'Skriv målbildens namn.', summary: 'Skriv en kort sammanfattning.' },
  delprojekt: {
    title: 'Skriv delprojektets namn.',
    programme: 'Välj programmet som delprojektet hör till.',
    summary: 'Skriv en kort sammanfattning.',
  },
  kontaktperson: {
    name: 'Skriv personens namn.',
    organisation: 'Ange vilken organisation personen arbetar för.',
  },
  dokument: {
    title: 'Skriv dokumentets namn.',
    kind: 'Välj typ av dokument.',
    publisher: 'Ange vem som gett ut dokumentet.',
  },
  tema: { name: 'Skriv temats namn.', description: 'Beskriv temat i ett par meningar.' },
  handelse: {
    title: 'Skriv vad som hände.',
    date: 'Ange när det hände, så exakt som källan gör: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.',
    summary: 'Skriv en kort sammanfattning.',
  },
  kalla: { title: 'Skriv källsidans rubrik.', publisher: 'Ange vem som ger ut sidan.' },
  decision: { decidedBy: 'Ange vem som fattade beslutet.' },
  malbildPart: { title: 'Ge delen en rubrik.', text: 'Skriv vad delen innebär.' },
  link: { href: 'Skriv adressen som länken ska gå till.' },
  internalLink: { reference: 'Välj sidan som länken ska gå till.' },
};

/** Whole numbers with bounds, and what the editor is told when one is outside them. */
export const NUMBER_RULES = {
  municipalityCount: {
    min: 1,
    max: undefined,
    message: 'Antalet kommuner ska vara ett heltal, minst 1.',
  },
  number: { min: 1, max: undefined, message: 'Numret ska vara ett heltal, minst 1.' },
  horizonYear: {
    min: 2000,
    max: 2100,
    message: 'Skriv målåret som ett årtal mellan 2000 och 2100.',
  },
} as const;

export const SLUG_REQUIRED_MESSAGE =
  'Skriv en slug, eller klicka på Generera så skapas den från rubriken.';
export const SOURCES_REQUIRED_MESSAGE =
  'Välj minst en källsida, så att läsaren kan se var uppgifterna står.';
export const REGIONS_REQUIRED_MESSAGE = 'Välj minst en region.';

/** The message for an empty required field, whatever the type. */
export function requiredMessage(type: string, field: string): string {
  if (field === 'slug' || field === 'slug.current') return SLUG_REQUIRED_MESSAGE;
  if (field === 'sources') return SOURCES_REQUIRED_MESSAGE;
  if (field === 'regions') return REGIONS_REQUIRED_MESSAGE;
  return REQUIRED_MESSAGES[type]?.[field] ?? 'Fyll i fältet: det krävs.';
}

export function optionMessage(options: readonly { title: string }[]): string {
  return `Välj ett av värdena i listan: ${options.map((option) => option.title).join(', ')}.`;
}

export interface DocumentRuleFinding {
  path: string;
  message: string;
  level: 'error' | 'warning';
}

/**
 * Rules that look at more than one field of a document: a contact must be reachable (or
 * marked as having no details in its source), and a status is chosen and does not
 * contradict the period. `today` is `YYYY-MM-DD`.
 */
export function documentRuleFindings(
  document: { _type: string; [field: string]: unknown },
  today?: string,
): DocumentRuleFinding[] {
  const findings: DocumentRuleFinding[] = [];
  if (document._type === 'kontaktperson') {
    const message = contactDetailsProblem(document);
    if (message) findings.push({ path: 'email', message, level: 'error' });
  }
  if (document._type === 'programme' || document._type === 'delprojekt') {
    if (document['status'] === undefined || isBlank(document['status']))
      findings.push({ path: 'status', message: STATUS_REQUIRED_MESSAGE, level: 'error' });
    const message = statusPeriodWarning(
      document['status'],
      document['period'] as PeriodValue | undefined,
      today,
    );
    if (message) findings.push({ path: 'status', message, level: 'warning' });
  }
  return findings;
}
