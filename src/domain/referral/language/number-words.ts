import type { Token } from './tokenise';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "Twenties" ... "nineties", for "in her seventies". */
export const DECADE_WORDS: Readonly<Record<string, number>> = {
  teens: 10,
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

export interface NumberRead {
  value: number;
  /** How many tokens it took ("seventy one" takes two). */
  length: number;
}

function below100(tokens: readonly Token[], at: number): NumberRead | undefined {
  const first = tokens[at];
  if (first?.kind !== 'word') {
    return undefined;
  }
  const unit = UNITS[first.norm];
  if (unit !== undefined) {
    return { value: unit, length: 1 };
  }
  const tens = TENS[first.norm];
  if (tens === undefined) {
    return undefined;
  }
  const next = tokens[at + 1];
  const more = next?.kind === 'word' ? UNITS[next.norm] : undefined;
  return more !== undefined && more > 0 && more < 10
    ? { value: tens + more, length: 2 }
    : { value: tens, length: 1 };
}

/**
 * A number at a position, in digits ("71") or words ("seventy-one", "a hundred and two"). Bare
 * number words are read only where the caller expects a number, so "this one" stays a word.
 */
export function readNumberAt(tokens: readonly Token[], at: number): NumberRead | undefined {
  const first = tokens[at];
  if (first?.kind !== 'word') {
    return undefined;
  }
  if (/^\d+$/.test(first.norm)) {
    return { value: Number(first.norm), length: 1 };
  }
  const hundredAt = first.norm === 'a' || first.norm === 'one' ? at + 1 : at;
  if (tokens[hundredAt]?.norm === 'hundred') {
    const andAt = tokens[hundredAt + 1]?.norm === 'and' ? hundredAt + 2 : hundredAt + 1;
    const rest = below100(tokens, andAt);
    return rest
      ? { value: 100 + rest.value, length: andAt - at + rest.length }
      : { value: 100, length: hundredAt - at + 1 };
  }
  return below100(tokens, at);
}

/** The whole text as one number, or undefined: "2", "two", "seventy-one". */
export function readWholeNumber(tokens: readonly Token[]): number | undefined {
  const words = tokens.filter((t) => t.kind === 'word');
  const skip = words[0]?.norm === 'option' || words[0]?.norm === 'number' ? 1 : 0;
  const read = readNumberAt(words, skip);
  return read && read.length + skip === words.length ? read.value : undefined;
}
