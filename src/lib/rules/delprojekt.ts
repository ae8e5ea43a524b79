// A Dokument or Händelse may name both a programme and a delprojekt: the delprojekt must be
// one of that programme's, or the page would link two pieces of work that do not belong
// together.
import { publishedId } from './regions.ts';

export interface DelprojektFacts {
  title?: unknown;
  /** The id of the programme the delprojekt belongs to. */
  programme?: string | undefined;
  programmeTitle?: unknown;
  /** The type of that document, when it exists: not a programme is the reference rules' to report. */
  programmeType?: unknown;
}

export interface ProgrammeFacts {
  id: string;
  title?: unknown;
}

const quoted = (title: unknown) =>
  typeof title === 'string' && title.trim() !== '' ? `"${title.trim()}"` : undefined;

export function delprojektProgrammeMessage(
  delprojektTitle: unknown,
  ownProgrammeTitle: unknown,
  chosenProgrammeTitle: unknown,
): string {
  const delprojekt = quoted(delprojektTitle);
  const own = quoted(ownProgrammeTitle);
  const chosen = quoted(chosenProgrammeTitle);
  return (
    `Delprojektet${delprojekt ? ` ${delprojekt}` : ''} hör till ${own ? `programmet ${own}` : 'ett annat program'}, ` +
    `inte till programmet${chosen ? ` ${chosen}` : ''} som är valt under Program. ` +
    'Välj ett delprojekt i det valda programmet, eller byt program.'
  );
}

/**
 * The problem when the chosen delprojekt belongs to another programme than the chosen one,
 * or undefined. Nothing to say when either is not chosen, or the delprojekt is missing
 * (the reference rules report that).
 */
export function delprojektProgrammeProblem(
  delprojekt: DelprojektFacts | undefined,
  chosenProgramme: ProgrammeFacts | undefined,
): string | undefined {
  if (!delprojekt || !chosenProgramme || !delprojekt.programme) return undefined;
  if (typeof delprojekt.programmeType === 'string' && delprojekt.programmeType !== 'programme')
    return undefined;
  if (publishedId(delprojekt.programme) === publishedId(chosenProgramme.id)) return undefined;
  return delprojektProgrammeMessage(
    delprojekt.title,
    delprojekt.programmeTitle,
    chosenProgramme.title,
  );
}
