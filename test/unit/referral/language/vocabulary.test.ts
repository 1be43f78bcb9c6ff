import { pcnConfigSchema, describeIssues } from '../../../../src/domain/pcn-config';
import { buildLanguageContext } from '../../../../src/domain/referral/language/language-context';
import { mergeVocabulary } from '../../../../src/domain/referral/language/merge-vocabulary';
import { compilePhrase } from '../../../../src/domain/referral/language/phrases';
import { practiceAliases } from '../../../../src/domain/referral/language/practice-aliases';
import { readReferralText } from '../../../../src/domain/referral/language/read-referral-text';
import {
  DEFAULT_VOCABULARY,
  type WordLists,
} from '../../../../src/domain/referral/language/vocabulary';
import { NEEDS } from '../../../../src/domain/referral/referral-answers';
import { applyAnswer } from '../../../../src/domain/referral/referral-questions';
import { EXAMPLE_PCN_PATH, examplePcn } from '../../../helpers/pcn';
import { readFileSync } from 'node:fs';

const ctx = buildLanguageContext(examplePcn());

/** A phrase as a referrer might type it: placeholders filled in. */
function typed(phrase: string): string {
  return phrase.replace('{not}', 'not').replace(' ... ', ' ');
}

function entries(lists: WordLists): Array<[string, string]> {
  return Object.entries(lists).flatMap(([value, words]) =>
    (words ?? []).map((w) => [value, w] as [string, string]),
  );
}

describe('the default vocabulary', () => {
  it('has words for every condition of the example PCN, "at risk" and "none", and every need', () => {
    const ids = examplePcn().referral.conditions.map((c) => c.id);
    expect(Object.keys(DEFAULT_VOCABULARY.conditions).sort()).toEqual(
      [...ids, 'at-risk', 'none'].sort(),
    );
    expect(Object.keys(DEFAULT_VOCABULARY.needs).sort()).toEqual([...NEEDS].sort());
  });

  it('lists each phrase once, under one answer', () => {
    for (const lists of [
      DEFAULT_VOCABULARY.conditions,
      DEFAULT_VOCABULARY.needs,
      DEFAULT_VOCABULARY.confidence,
      DEFAULT_VOCABULARY.consent,
    ]) {
      const seen = new Map<string, string>();
      for (const [value, phrase] of entries(lists)) {
        const key = phrase.toLowerCase();
        expect([phrase, seen.get(key) ?? value]).toEqual([phrase, value]);
        seen.set(key, value);
      }
    }
  });

  it('compiles every phrase to words', () => {
    const all = [
      ...entries(DEFAULT_VOCABULARY.conditions),
      ...entries(DEFAULT_VOCABULARY.needs),
      ...entries(DEFAULT_VOCABULARY.consent),
      ...DEFAULT_VOCABULARY.ignore.map((p) => ['', p] as [string, string]),
    ];
    for (const [value, text] of all) {
      expect(compilePhrase({ field: 'conditions', value, text })).toBeDefined();
    }
  });

  it.each(entries(DEFAULT_VOCABULARY.conditions))('condition %s: "%s" read alone', (id, phrase) => {
    expect(readReferralText(typed(phrase), ctx).answers.conditions).toEqual([id]);
  });

  it.each(entries(DEFAULT_VOCABULARY.needs))('need %s: "%s" read alone', (need, phrase) => {
    expect(readReferralText(typed(phrase), ctx).answers.needs).toEqual([need]);
  });

  it.each(entries(DEFAULT_VOCABULARY.confidence))(
    'confidence %s: "%s" read alone',
    (level, phrase) => {
      expect(readReferralText(typed(phrase), ctx).answers.confidence).toBe(Number(level));
    },
  );

  it.each(entries(DEFAULT_VOCABULARY.consent))('consent %s: "%s" read alone', (consent, phrase) => {
    expect(readReferralText(typed(phrase), ctx).answers.consent).toBe(consent);
  });
});

describe('practice names', () => {
  const practice = (name: string): string[] =>
    practiceAliases({ odsCode: 'Y00009', name, dutyClinician: 'x', safeguardingLead: 'y' });

  it('are read without the kind of place, and with short forms of their words', () => {
    expect(practice('Riverside Surgery')).toEqual(['riverside surgery', 'riverside']);
    expect(practice('Hillview Medical Centre')).toEqual(
      expect.arrayContaining(['hillview', 'hillview mc', 'hillview medical centre']),
    );
    expect(practice('Market Street Health Centre')).toEqual(
      expect.arrayContaining(['market street', 'market st', 'market st hc']),
    );
    expect(practice("St Mary's Practice")).toEqual(
      expect.arrayContaining(['st marys', 'saint marys']),
    );
  });

  it('keep a name that is only the kind of place whole', () => {
    expect(practice('The Surgery')).toEqual(['the surgery']);
  });
});

describe("the PCN's own words", () => {
  const raw = (): Record<string, unknown> =>
    JSON.parse(readFileSync(EXAMPLE_PCN_PATH, 'utf8')) as Record<string, unknown>;
  const withVocabulary = (vocabulary: unknown): Record<string, unknown> => {
    const config = raw();
    (config.referral as Record<string, unknown>).vocabulary = vocabulary;
    return config;
  };

  it('are added to the defaults, which stay', () => {
    const merged = mergeVocabulary(DEFAULT_VOCABULARY, {
      conditions: { 'other-ltc': ['gout'] },
      practices: { Y00001: ['the river'] },
    });
    expect(merged.conditions['other-ltc']).toEqual([
      ...(DEFAULT_VOCABULARY.conditions['other-ltc'] ?? []),
      'gout',
    ]);
    expect(merged.practice.Y00001).toEqual(['the river']);
    expect(merged.conditions.hypertension).toBe(DEFAULT_VOCABULARY.conditions.hypertension);
    expect(mergeVocabulary(DEFAULT_VOCABULARY, undefined)).toBe(DEFAULT_VOCABULARY);
  });

  it('are read in openings and in typed answers', () => {
    const pcn = pcnConfigSchema.parse(
      withVocabulary({
        conditions: { 'other-ltc': ['gout'] },
        practices: { Y00002: ['the hill'] },
        needs: { social: ['skint'] },
      }),
    );
    expect(readReferralText('gout, skint, the hill', buildLanguageContext(pcn)).answers).toEqual({
      conditions: ['other-ltc'],
      needs: ['social'],
      practice: 'Y00002',
    });
    const result = applyAnswer({}, 'conditions', 'gout', {
      criteria: pcn.referral,
      practices: pcn.practices,
    });
    expect(result).toMatchObject({ ok: true, answers: { conditions: ['other-ltc'] } });
  });

  it('must name conditions and practices the file lists, and known sections', () => {
    const result = pcnConfigSchema.safeParse(
      withVocabulary({
        conditions: { gout: ['gout'], 'at-risk': ['borderline'] },
        practices: { Y09999: ['elsewhere'] },
        condtions: {},
      }),
    );
    expect(result.success).toBe(false);
    const issues = result.success ? [] : describeIssues(result.error);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^referral\.vocabulary: .*condtions/),
        expect.stringMatching(/^referral\.vocabulary\.conditions\.gout: gout is not one of/),
        expect.stringMatching(/^referral\.vocabulary\.practices\.Y09999: Y09999 is not one of/),
      ]),
    );
    expect(issues.join('\n')).not.toMatch(/at-risk:/);
  });
});
