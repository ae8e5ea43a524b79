// Contact details, kept as the publisher printed them; the site makes them clickable
// (tel:+46…, mailto:…), so they must make working links.

export const PHONE_MESSAGE =
  'Skriv ett svenskt telefonnummer som det står i källan, med siffror, mellanslag och bindestreck, ' +
  'till exempel 031-335 51 76, 073 - 8037311 eller +46 31 335 51 76. Numret ska börja med 0 eller +46.';

export const PHONE_COUNTRY_CODE_ZERO_MESSAGE =
  'Efter +46 ska riktnumret skrivas utan sin första nolla: +46 31 335 51 76, inte +46 031 335 51 76. ' +
  'Ta bort nollan, eller skriv numret utan +46: 031-335 51 76.';

// Word and PDFs paste non-breaking and thin spaces and typographic dashes: the number
// still reads and dials the same, so they count as a space and a hyphen.
const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2212]/g;

function normalisePhone(value: string): string {
  return value.trim().replace(SPACES, ' ').replace(DASHES, '-');
}

function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `"${character}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** A problem with a phone number as printed, or undefined. Empty is the required rule's. */
export function phoneProblem(value: string): string | undefined {
  if (value === '') return undefined;
  const phone = normalisePhone(value);
  const stray = /[^\d +-]/.exec(phone);
  if (stray)
    return `Numret innehåller tecknet ${describeCharacter(stray[0])}, som inte hör hemma i ett telefonnummer. ${PHONE_MESSAGE}`;
  if (!/^(?:\+46|0)[\d -]*\d$/.test(phone)) return PHONE_MESSAGE;
  if (/^\+46[ -]*0/.test(phone)) return PHONE_COUNTRY_CODE_ZERO_MESSAGE;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 13 ? undefined : PHONE_MESSAGE;
}

export const EMAIL_MESSAGE =
  'Skriv en e-postadress som namn@exempel.se, utan mellanslag, utan "mailto:" och utan tecken som ? & = , ; < > eller citattecken.';

/**
 * Plain addresses only: a `?`, `&` or `=` would add parameters (a subject, a copy) to the
 * mailto: link the site makes, and `<`, `>`, quotes, commas and semicolons would make
 * several or broken addresses.
 */
const EMAIL_PATTERN =
  /^[^\s@:?&=,;<>"'()[\]\\/%#]+@[^\s@:?&=,;<>"'()[\]\\/%#.]+(?:\.[^\s@:?&=,;<>"'()[\]\\/%#.]+)+$/;

export function emailProblem(value: string): string | undefined {
  if (value === '') return undefined;
  return EMAIL_PATTERN.test(value) ? undefined : EMAIL_MESSAGE;
}

export const CONTACT_DETAILS_MESSAGE =
  'Kontaktpersonen har varken e-postadress eller telefonnummer, så besökare kan inte nå personen. ' +
  'Skriv in e-postadressen eller telefonnumret som källan anger dem. Anger källan inga kontaktuppgifter ' +
  'för personen, kryssa i "Källan anger inga kontaktuppgifter". Nämner källan bara personen utan att ' +
  'ange den som kontakt, skriv om personen i programmets text i stället och ta bort kontaktpersonen.';

/** The editorial opt-out: the source names the person but publishes no contact details. */
export const NO_CONTACT_DETAILS_FIELD = 'noContactDetailsInSource';

/**
 * A contact must be reachable: an e-mail address or a phone number, whichever the source
 * prints. Details are never invented, so when the source publishes none (Fyrbodal lists its
 * development lead with a portrait only) the editor says so with `noContactDetailsInSource`,
 * and the site tells visitors whom to contact instead.
 */
export function contactDetailsProblem(contact: Record<string, unknown>): string | undefined {
  const has = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if (has(contact['email']) || has(contact['phone'])) return undefined;
  return contact[NO_CONTACT_DETAILS_FIELD] === true ? undefined : CONTACT_DETAILS_MESSAGE;
}
