import type { RiskCategory } from './risk-categories';

/**
 * What turns a mention into a doubtful one, which the bot confirms with one question instead of
 * routing at once. All of it counts within one clause only (see risk-text.ts), and a cue inside
 * the risk phrase itself does not count ("not wanting to be here" is not negated by its "not").
 */
export interface DoubtCues {
  /** Denials, within `wordsBefore` words before the phrase: "no", "denies", "not". */
  readonly negationsBefore: readonly string[];
  /** Uncertainty, within `wordsBefore` words before the phrase: "?", "possible", "not sure if". */
  readonly hedgesBefore: readonly string[];
  /** Denials within `wordsAfter` words after the phrase: "SI denied", "sepsis ruled out". */
  readonly negationsAfter: readonly string[];
  /** Uncertainty within `wordsAfter` words after the phrase: "DV?", "coercive control, unclear". */
  readonly hedgesAfter: readonly string[];
  /** A past that may be over, anywhere in the clause: "overdose years ago", "in the past". */
  readonly pastInClause: readonly string[];
  /** Words that look like a cue and are not: "no one" in "no one knows he is suicidal". */
  readonly notCues: readonly string[];
  /** Words a cue's reach stops at: "no SI and cutting daily" leaves the cutting plain. */
  readonly scopeBreakers: readonly string[];
  readonly wordsBefore: number;
  readonly wordsAfter: number;
  /**
   * Categories where a hedge is not a doubt: "?sepsis" or "possible stroke" is a working
   * diagnosis of an emergency, handled as one. A denial still counts ("no chest pain").
   */
  readonly hedgesArePlainFor: readonly RiskCategory[];
}

export const DEFAULT_DOUBT_CUES: DoubtCues = {
  negationsBefore: [
    'no',
    'not',
    'nor',
    'neither',
    'never',
    'nil',
    'none',
    'nothing',
    'without',
    'denies',
    'denied',
    'deny',
    'denying',
    "doesn't",
    "don't",
    "didn't",
    "isn't",
    "hasn't",
    "haven't",
    "wasn't",
    "aren't",
    "won't",
    'does not',
    'do not',
    'did not',
    'is not',
    'has not',
    'free of',
    'ruled out',
    'negative for',
    'low risk',
    'unlikely',
  ],
  hedgesBefore: [
    '?',
    'not sure',
    'unsure',
    'uncertain',
    'unclear',
    'possible',
    'possibly',
    'maybe',
    'might',
    'may',
    'perhaps',
    'query',
    'queried',
    'could be',
    'questionable',
    'potential',
    'potentially',
    'wonder if',
    'wondering if',
    "don't know if",
    'not certain',
  ],
  negationsAfter: [
    'denied',
    'negative',
    'neg',
    'nil',
    'none',
    'ruled out',
    'excluded',
    'unlikely',
    'resolved',
  ],
  hedgesAfter: ['?', 'unclear', 'not confirmed', 'unconfirmed', 'not sure', 'not clear', 'queried'],
  pastInClause: [
    'years ago',
    'year ago',
    'yrs ago',
    'yr ago',
    'decades ago',
    'last year',
    'in the past',
    'past history',
    'history of',
    'hx of',
    'h/o',
    'pmh',
    'previous',
    'previously',
    'historic',
    'historical',
    'family history',
    'fhx',
    'fh of',
    'as a child',
    'as a teenager',
    'died by',
  ],
  notCues: ['no one', 'no-one', 'noone', 'not only', 'no matter', 'not just'],
  scopeBreakers: ['and', 'also', 'plus', 'now'],
  wordsBefore: 3,
  wordsAfter: 2,
  hedgesArePlainFor: ['acute'],
};
