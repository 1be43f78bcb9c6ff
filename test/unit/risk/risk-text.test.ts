import {
  compilePhrase,
  GAP,
  NUMBER,
  phraseProblem,
  phraseVariants,
} from '../../../src/domain/risk/phrase-patterns';
import { tokeniseForRisk } from '../../../src/domain/risk/risk-text';

const words = (text: string, breaks: readonly string[] = ['but']): string[][] => {
  const clauses: string[][] = [];
  for (const token of tokeniseForRisk(text, new Set(breaks))) {
    (clauses[token.clause] ??= []).push(token.word);
  }
  return clauses;
};

describe('tokeniseForRisk', () => {
  it('lower-cases, drops apostrophes and splits hyphens', () => {
    expect(words("She CAN'T breathe, self-harm")).toEqual([
      ['she', 'cant', 'breathe'],
      ['self', 'harm'],
    ]);
    expect(words('can’t cope')).toEqual([['cant', 'cope']]);
  });

  it('splits clauses at punctuation, a spaced dash and the break words', () => {
    expect(words('a. b; c, d - e but f! g\nh')).toEqual([
      ['a'],
      ['b'],
      ['c'],
      ['d'],
      ['e'],
      ['f'],
      ['g'],
      ['h'],
    ]);
    expect(words('co-ord')).toEqual([['co', 'ord']]);
  });

  it('keeps a "?" before a word in its clause and ends the clause after a trailing one', () => {
    expect(words('?DV she would not say')).toEqual([['?', 'dv', 'she', 'would', 'not', 'say']]);
    expect(words('HC or SPLW?? chest pain')).toEqual([
      ['hc', 'or', 'splw', '?'],
      ['?'],
      ['chest', 'pain'],
    ]);
  });

  it('reads numbers, decimals and numbers glued to units', () => {
    const tokens = tokeniseForRisk('temp 39.5, 5mg od, sats 85%, T2DM 54F');
    expect(tokens.map((t) => t.word)).toEqual([
      'temp',
      '39.5',
      '5',
      'mg',
      'od',
      'sats',
      '85',
      't2dm',
      '54',
      'f',
    ]);
    expect(tokens.filter((t) => t.value !== undefined).map((t) => t.value)).toEqual([
      39.5, 5, 85, 54,
    ]);
  });

  it('reads full-width letters and unusual dashes as plain ones', () => {
    expect(words('ｓｕｉｃｉｄａｌ')).toEqual([['suicidal']]);
    expect(words('no SI \u2013 cutting')).toEqual([['no', 'si'], ['cutting']]);
  });
});

describe('phrase patterns', () => {
  it('expands choices, an empty choice being optional', () => {
    expect(phraseVariants('took (an|) (overdose|od)')).toEqual([
      'took an overdose',
      'took an od',
      'took overdose',
      'took od',
    ]);
  });

  it('reads "..." as a gap of a few words, and "#" as a number', () => {
    expect(compilePhrase('kids ... at risk')).toEqual([['kids', GAP, 'at', 'risk']]);
    expect(compilePhrase('took # tablets')).toEqual([['took', NUMBER, 'tablets']]);
  });

  it('says what is wrong with a malformed phrase', () => {
    expect(phraseProblem('(a|b')).toMatch(/without its/);
    expect(phraseProblem('a|b)')).toMatch(/without its/);
    expect(phraseProblem('(a|(b|c))')).toMatch(/nested|without/);
    expect(phraseProblem('... at risk')).toMatch(/between words/);
    expect(phraseProblem('!!!')).toMatch(/no words/);
    expect(phraseProblem('(a|b|c|d|e|f|g|h) '.repeat(5))).toMatch(/variants/);
    expect(phraseProblem('# tablets')).toMatch(/starts with a word/);
    expect(phraseProblem('walked into (a|the) door')).toBeUndefined();
  });
});
