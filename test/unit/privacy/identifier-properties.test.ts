import fc from 'fast-check';
import { findIdentifier } from '../../../src/domain/privacy/identifier-guard';
import {
  anyIdentifier,
  benignText,
  dateOfBirth,
  emailAddress,
  embedded,
  labelledNhsNumber,
  nameWithDate,
  nhsNumber,
  patientName,
  phoneNumber,
  postcode,
  type GeneratedIdentifier,
} from '../../helpers/identifier-arbitraries';
import { GUARD_NOW } from '../../helpers/guard-today';

/**
 * Fixed, so a failure repeats. To explore, run with IDENTIFIER_SEED (and IDENTIFIER_RUNS) set;
 * keep any seed that finds a bug as a named example test.
 */
const SEED = Number(process.env.IDENTIFIER_SEED ?? 20261115);
const RUNS = Number(process.env.IDENTIFIER_RUNS ?? 400);
const now = GUARD_NOW;

const kindFound = (text: string): string | undefined =>
  findIdentifier(text, 'free-text', now)?.kind;

describe(`identifier properties (fast-check seed ${SEED}, ${RUNS} runs each)`, () => {
  /**
   * Alone, each identifier is refused as its own kind. Inside benign text it must be refused,
   * but the kind may differ: "15 01 1968 71 year old" holds ten digits that may pass the NHS
   * check, and the NHS rule runs first.
   */
  it.each<[string, fc.Arbitrary<GeneratedIdentifier>]>([
    ['NHS numbers in every written form and digit script', nhsNumber],
    ['ten digits labelled NHS with a wrong check digit', labelledNhsNumber],
    ['dates of birth, numeric and written, with and without a marker', dateOfBirth(now)],
    ['patient names after titles and markers, initials, forename and surname', patientName],
    ['initials or a name with a date of birth', nameWithDate(now)],
    ['postcodes', postcode],
    ['phone numbers', phoneNumber],
    ['email addresses', emailAddress],
  ])('finds %s, alone as their kind, and inside benign text', (_what, identifier) => {
    fc.assert(
      fc.property(identifier, (found) => kindFound(found.text) === found.kind),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(embedded(identifier, now), (found) => kindFound(found.text) !== undefined),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('finds every kind of identifier in benign text, as its kind in most cases', () => {
    let sameKind = 0;
    fc.assert(
      fc.property(embedded(anyIdentifier(now), now), (found) => {
        const kind = kindFound(found.text);
        sameKind += kind === found.kind ? 1 : 0;
        return kind !== undefined;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(sameKind / RUNS).toBeGreaterThan(0.95);
  });

  it('refuses NHS numbers in choice and person-name fields too', () => {
    fc.assert(
      fc.property(nhsNumber, (found) =>
        (['choice', 'person-name'] as const).every(
          (policy) => findIdentifier(found.text, policy, now)?.kind === 'nhs-number',
        ),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('does not refuse benign clinical and scheduling text', () => {
    fc.assert(
      fc.property(benignText(now), (text) => findIdentifier(text, 'free-text', now) === undefined),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});
