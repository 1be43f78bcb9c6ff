import { readFileSync } from 'node:fs';
import { describeIssues, pcnConfigSchema } from '../../../src/domain/pcn-config';
import { riskVocabularyFor } from '../../../src/domain/risk/risk-config';
import { scanForRisk } from '../../../src/domain/risk/risk-net';
import { DEFAULT_RISK_VOCABULARY } from '../../../src/domain/risk/risk-vocabulary';
import { EXAMPLE_PCN_PATH, examplePcn } from '../../helpers/pcn';

/** The problems the bot would list at start for the example file with a change. */
function problems(change: (raw: Record<string, unknown>) => void): string[] {
  const raw = JSON.parse(readFileSync(EXAMPLE_PCN_PATH, 'utf8')) as Record<string, unknown>;
  change(raw);
  const parsed = pcnConfigSchema.safeParse(raw);
  return parsed.success ? [] : describeIssues(parsed.error);
}

describe('PCN risk settings', () => {
  it('uses the shipped vocabulary when a PCN adds nothing', () => {
    expect(riskVocabularyFor(examplePcn())).toBe(DEFAULT_RISK_VOCABULARY);
    expect(riskVocabularyFor(examplePcn((raw) => (raw.risk = {})))).toBe(DEFAULT_RISK_VOCABULARY);
  });

  it('adds a PCN’s phrases to their category, and keeps every default', () => {
    const pcn = examplePcn((raw) => {
      raw.risk = {
        extraPhrases: {
          'mental-health-crisis': ['under the (CRHT|crisis resolution team)'],
          safeguarding: ['cuckooed', 'operation encompass'],
        },
      };
    });
    const vocabulary = riskVocabularyFor(pcn);
    expect(scanForRisk('an Operation Encompass notification came in', vocabulary)).toEqual({
      kind: 'risk',
      category: 'safeguarding',
      categories: ['safeguarding'],
    });
    expect(scanForRisk('under the CRHT', vocabulary).kind).toBe('risk');
    expect(scanForRisk('an Operation Encompass notification came in').kind).toBe('none');
    for (const [category, phrases] of Object.entries(DEFAULT_RISK_VOCABULARY.phrases)) {
      expect(vocabulary.phrases[category as keyof typeof vocabulary.phrases]).toEqual(
        expect.arrayContaining([...phrases]),
      );
    }
    expect(scanForRisk('he is suicidal', vocabulary).kind).toBe('risk');
    // Negation applies to local phrases as to the shipped ones.
    expect(scanForRisk('no Operation Encompass notification', vocabulary).kind).toBe('uncertain');
  });

  it('returns the same vocabulary for the same configuration, so it is compiled once', () => {
    const pcn = examplePcn((raw) => (raw.risk = { extraPhrases: { acute: ['blue light'] } }));
    expect(riskVocabularyFor(pcn)).toBe(riskVocabularyFor(pcn));
  });

  it('offers no way to remove or switch off a default', () => {
    expect(problems((raw) => (raw.risk = { disabledPhrases: ['crisis'] }))).toEqual([
      expect.stringMatching(/^risk: Unrecognized key/),
    ]);
    expect(problems((raw) => (raw.risk = { extraPhrases: { suicde: ['x y'] } }))).toEqual([
      expect.stringMatching(/^risk\.extraPhrases: Unrecognized key/),
    ]);
  });

  it('refuses phrases the net cannot use, with their path', () => {
    const found = problems(
      (raw) =>
        (raw.risk = { extraPhrases: { safeguarding: ['ok phrase', '(unclosed', '', '1234'] } }),
    );
    expect(found).toEqual([
      expect.stringMatching(/^risk\.extraPhrases\.safeguarding\.1: not a usable phrase/),
      expect.stringMatching(/^risk\.extraPhrases\.safeguarding\.2: not a usable phrase: a risk/),
      expect.stringMatching(
        /^risk\.extraPhrases\.safeguarding\.3: not a usable phrase: a risk phrase needs at least one letter/,
      ),
    ]);
  });
});

describe('PCN urgent crisis line', () => {
  it('keeps localCrisisLine working alone', () => {
    const pcn = examplePcn();
    expect(pcn.urgent.localCrisisLine).toMatch(/crisis line/);
    expect(pcn.urgent.crisisLinePhone).toBeUndefined();
  });

  it('takes a crisis line name and number together', () => {
    const pcn = examplePcn((raw) => {
      raw.urgent = {
        localCrisisLine: 'See the practice crisis page',
        crisisLineName: 'Riverside 24/7 mental health crisis line',
        crisisLinePhone: ' 0808 157 0123 ',
      };
    });
    expect(pcn.urgent.crisisLinePhone).toBe('0808 157 0123');
    expect(pcn.urgent.crisisLineName).toBe('Riverside 24/7 mental health crisis line');
  });

  it('refuses a number that is not one, or a name without its number', () => {
    expect(
      problems(
        (raw) => (raw.urgent = { crisisLineName: 'Line', crisisLinePhone: 'call reception' }),
      ),
    ).toEqual([
      expect.stringMatching(/^urgent\.crisisLinePhone: a phone number is 3 to 15 digits/),
    ]);
    expect(
      problems((raw) => (raw.urgent = { crisisLineName: 'Line', crisisLinePhone: '12' })),
    ).toEqual([expect.stringMatching(/^urgent\.crisisLinePhone: /)]);
    expect(problems((raw) => (raw.urgent = { crisisLineName: 'Line' }))).toEqual([
      'urgent.crisisLinePhone: give the crisis line a number to go with its name',
    ]);
    expect(problems((raw) => (raw.urgent = { crisisLinePhone: '111' }))).toEqual([
      'urgent.crisisLineName: give the crisis line a name to go with its number',
    ]);
  });
});
