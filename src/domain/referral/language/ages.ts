import type { Hit } from './hit';
import { MEASUREMENTS, OTHER_PEOPLE, POSSESSIVES } from './lexicon';
import { DECADE_WORDS, readNumberAt } from './number-words';
import type { Token } from './tokenise';

type Age = NonNullable<Hit['age']>;

const STUCK = /^(\d{1,3})(yo|yrs|yr|y|m|f)$/;
const DECADE = /^(\d)0s$/;
const PLURAL_AGE = /^(\d{2,3})s$/;

function word(tokens: readonly Token[], at: number): string | undefined {
  const token = tokens[at];
  return token?.kind === 'word' ? token.norm : undefined;
}

function hit(first: number, last: number, age: Age): Hit {
  const tokens = Array.from({ length: last - first + 1 }, (_v, i) => first + i);
  return { field: 'adult', value: 'age', tokens, first, last, negated: false, age };
}

function years(n: number): Age {
  return { atLeast: n, below: n + 1 };
}

/** "her 15 year old son": the age of someone else. */
function someoneElses(tokens: readonly Token[], first: number, last: number): boolean {
  return (
    POSSESSIVES.has(word(tokens, first - 1) ?? '') || OTHER_PEOPLE.has(word(tokens, last + 1) ?? '')
  );
}

/** An age given with its unit: "71yo", "71M", "71 year old", "seventy-one years old", "aged 71". */
function withUnit(tokens: readonly Token[], at: number): Hit | undefined {
  const here = word(tokens, at);
  if (here === undefined) {
    return undefined;
  }
  const stuck = STUCK.exec(here);
  if (stuck?.[1] !== undefined && stuck[2] !== undefined) {
    const n = Number(stuck[1]);
    const sex = stuck[2] === 'm' || stuck[2] === 'f';
    // "12m ago" is a time, not a 12-year-old.
    const time = word(tokens, at + 1) === 'ago';
    return !time && n >= (sex ? 12 : 1) && n <= 110 ? hit(at, at, years(n)) : undefined;
  }
  if (here === 'aged' || here === 'age') {
    const n = readNumberAt(tokens, at + 1);
    return n && n.value <= 110 ? hit(at, at + n.length, years(n.value)) : undefined;
  }
  const n = readNumberAt(tokens, at);
  if (n === undefined || n.value < 1 || n.value > 110) {
    return undefined;
  }
  const after = at + n.length;
  const unit = word(tokens, after);
  if (unit === 'yo') {
    return hit(at, after, years(n.value));
  }
  if ((unit === 'year' || unit === 'years') && word(tokens, after + 1) === 'old') {
    return hit(at, after + 1, years(n.value));
  }
  if (unit === 'years' && word(tokens, after + 1) === 'of' && word(tokens, after + 2) === 'age') {
    return hit(at, after + 2, years(n.value));
  }
  return undefined;
}

/** "in his 70s", "in her early fifties". */
function decade(tokens: readonly Token[], at: number): Hit | undefined {
  if (word(tokens, at) !== 'in' || !POSSESSIVES.has(word(tokens, at + 1) ?? '')) {
    return undefined;
  }
  const skip = ['early', 'mid', 'late'].includes(word(tokens, at + 2) ?? '') ? 1 : 0;
  const last = at + 2 + skip;
  const text = word(tokens, last) ?? '';
  const tens = DECADE.exec(text)?.[1];
  const start = tens !== undefined ? Number(tens) * 10 : DECADE_WORDS[text];
  if (start === undefined || start < 10) {
    return undefined;
  }
  return hit(
    at,
    last,
    start === 10 ? { atLeast: 13, below: 20 } : { atLeast: start, below: start + 10 },
  );
}

function boundAt(
  tokens: readonly Token[],
  at: number,
): { value: number; length: number } | undefined {
  const text = word(tokens, at) ?? '';
  const plural = PLURAL_AGE.exec(text)?.[1];
  if (plural !== undefined) {
    return { value: Number(plural), length: 1 };
  }
  return readNumberAt(tokens, at);
}

/** "over 18", "18+", "18 or over", "under 18s". Only for ages a referral turns on (16 and up). */
function bound(tokens: readonly Token[], at: number): Hit | undefined {
  const here = word(tokens, at);
  if (here === undefined || MEASUREMENTS.has(word(tokens, at - 1) ?? '')) {
    return undefined;
  }
  const usable = (n: number): boolean => n >= 16 && n <= 120;
  if (here === 'over' || here === 'above' || here === 'under' || here === 'below') {
    const n = boundAt(tokens, at + 1);
    if (n === undefined || !usable(n.value)) {
      return undefined;
    }
    const last = at + n.length;
    return here === 'over' || here === 'above'
      ? hit(at, last, { atLeast: n.value })
      : hit(at, last, { below: n.value });
  }
  const n = readNumberAt(tokens, at);
  if (n === undefined || !usable(n.value)) {
    return undefined;
  }
  const after = at + n.length;
  const next = word(tokens, after);
  if (next === 'plus') {
    return hit(at, after, { atLeast: n.value });
  }
  if (
    (next === 'or' || next === 'and') &&
    ['over', 'above', 'older'].includes(word(tokens, after + 1) ?? '')
  ) {
    return hit(at, after + 1, { atLeast: n.value });
  }
  return undefined;
}

/** A number standing alone between commas in an opening: "lonely widower, 79, COPD". */
function alone(tokens: readonly Token[], at: number): Hit | undefined {
  const before = tokens[at - 1];
  if (before !== undefined && before.kind !== 'break') {
    return undefined;
  }
  const n = readNumberAt(tokens, at);
  if (n === undefined || n.value < 16 || n.value > 110) {
    return undefined;
  }
  const after = tokens[at + n.length];
  return after === undefined || after.kind === 'break'
    ? hit(at, at + n.length - 1, years(n.value))
    : undefined;
}

/** A bare number typed at the age question: "no she's 16", "yes 82". */
function bare(tokens: readonly Token[], at: number): Hit | undefined {
  if (MEASUREMENTS.has(word(tokens, at - 1) ?? '')) {
    return undefined;
  }
  const n = readNumberAt(tokens, at);
  return n && n.value >= 1 && n.value <= 120
    ? hit(at, at + n.length - 1, years(n.value))
    : undefined;
}

/**
 * Every age the tokens give, as the range of ages each allows. `bareNumbers` reads any number as
 * an age, for answers to the age question.
 */
export function readAges(tokens: readonly Token[], bareNumbers = false): Hit[] {
  const found: Hit[] = [];
  let at = 0;
  while (at < tokens.length) {
    const next =
      withUnit(tokens, at) ??
      decade(tokens, at) ??
      bound(tokens, at) ??
      alone(tokens, at) ??
      (bareNumbers ? bare(tokens, at) : undefined);
    if (next !== undefined && !someoneElses(tokens, next.first, next.last)) {
      found.push(next);
    }
    at = next === undefined ? at + 1 : next.last + 1;
  }
  return found;
}
