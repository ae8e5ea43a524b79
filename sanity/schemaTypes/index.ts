import delprojekt from './documents/delprojekt';
import dokument from './documents/dokument';
import handelse from './documents/handelse';
import kalla from './documents/kalla';
import kontaktperson from './documents/kontaktperson';
import malbild from './documents/malbild';
import programme from './documents/programme';
import region from './documents/region';
import tema from './documents/tema';
import attachment from './objects/attachment';
import blockContent from './objects/blockContent';
import decision from './objects/decision';
import financing from './objects/financing';
import malbildPart from './objects/malbildPart';
import period from './objects/period';
import redaktor from './studio/redaktor';
import { withFieldRules } from './field-rules';

/** Document types in the order editors meet them: where, what, who, and the sources. */
export const documentTypes = [
  region,
  programme,
  malbild,
  delprojekt,
  kontaktperson,
  dokument,
  handelse,
  tema,
  kalla,
].map(withFieldRules);

export const objectTypes = [blockContent, period, financing, decision, malbildPart, attachment].map(
  withFieldRules,
);

/** The Studio's own configuration, not site content (STUDIO_ONLY_TYPES in src/lib/rules/). */
export const studioTypes = [redaktor].map(withFieldRules);

export const schemaTypes = [...documentTypes, ...objectTypes, ...studioTypes];
