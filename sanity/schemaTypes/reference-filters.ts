// Reference pickers that offer only what fits the rest of the document.
import type { ReferenceFilterResolver } from 'sanity';

/**
 * A delprojekt picker that offers only the delprojekt of the programme chosen in the same
 * document (its `programme` field); with no programme chosen yet, every delprojekt.
 */
export const delprojektOfChosenProgramme: ReferenceFilterResolver = ({ document }) => {
  const programme = (document as { programme?: { _ref?: string } }).programme?._ref;
  return programme
    ? {
        filter: 'programme._ref == $programme',
        params: { programme: programme.replace(/^drafts\./, '') },
      }
    : {};
};
