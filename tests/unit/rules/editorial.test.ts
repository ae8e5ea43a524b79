// The shared rules added for editors' work in the Studio (issue 14): a delprojekt of the
// chosen programme, LIX, link texts, a chosen status. Each rule is also proven to give the
// same verdict in the Studio and the build (tests/studio/agreement.test.ts).
import { describe, expect, it } from 'vitest';
import {
  delprojektProgrammeMessage,
  delprojektProgrammeProblem,
} from '../../../src/lib/rules/index.ts';

describe('a delprojekt of the chosen programme', () => {
  const delprojekt = {
    title: 'FoU-studier',
    programme: 'programme-gr-vardens-medarbetare',
    programmeTitle: 'Vårdens medarbetare',
  };

  it('accepts the programme’s own delprojekt, also when the programme is a draft', () => {
    expect(
      delprojektProgrammeProblem(delprojekt, { id: 'programme-gr-vardens-medarbetare' }),
    ).toBeUndefined();
    expect(
      delprojektProgrammeProblem(delprojekt, { id: 'drafts.programme-gr-vardens-medarbetare' }),
    ).toBeUndefined();
  });

  it('names both programmes and the delprojekt by their titles when they do not match', () => {
    const message = delprojektProgrammeProblem(delprojekt, {
      id: 'programme-fyrbodal-goda-forutsattningar',
      title: 'Goda förutsättningar för nära vård',
    });
    expect(message).toBe(
      'Delprojektet "FoU-studier" hör till programmet "Vårdens medarbetare", inte till programmet ' +
        '"Goda förutsättningar för nära vård" som är valt under Program. ' +
        'Välj ett delprojekt i det valda programmet, eller byt program.',
    );
    expect(message).not.toContain('programme-');
  });

  it('says nothing when either is not chosen or the delprojekt has no programme', () => {
    expect(delprojektProgrammeProblem(undefined, { id: 'programme-x' })).toBeUndefined();
    expect(delprojektProgrammeProblem(delprojekt, undefined)).toBeUndefined();
    expect(delprojektProgrammeProblem({ title: 'X' }, { id: 'programme-x' })).toBeUndefined();
  });

  it('falls back to words, not ids, when a title is missing', () => {
    expect(delprojektProgrammeMessage(undefined, '  ', undefined)).toBe(
      'Delprojektet hör till ett annat program, inte till programmet som är valt under Program. ' +
        'Välj ett delprojekt i det valda programmet, eller byt program.',
    );
  });
});
