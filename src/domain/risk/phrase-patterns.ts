import { phraseWords } from './risk-text';

/**
 * The small language vocabulary phrases are written in, so that the vocabulary stays data:
 *
 * - Words, read as a message is read (risk-text.ts): "can't breathe" is "cant" "breathe", and
 *   "self-harm" is "self" "harm".
 * - `(a|b|c)` is one of the choices; an empty choice makes it optional:
 *   "ending (his|her|their|my) life", "took (an|) overdose".
 * - `...` stands for up to {@link GAP_WORDS} other words of the same clause:
 *   "kids ... at risk" matches "kids at home are at risk".
 * - `#` stands for one number: "took # paracetamol" matches "took 30 paracetamol".
 */

/** How many words `...` may stand for. */
export const GAP_WORDS = 3;
/** A phrase may expand to at most this many variants, so a mistyped one cannot blow up. */
export const MAX_VARIANTS = 4096;

export const GAP = Symbol('gap');
export const NUMBER = Symbol('number');
export type PatternElement = string | typeof GAP | typeof NUMBER;

/**
 * A phrase as a row of slots, each holding its alternatives: "took (an|) od" is
 * [["took"], ["an", ""], ["od"]]. Throws on unbalanced or nested brackets.
 */
function slotsOf(phrase: string): string[][] {
  const slots: string[][] = [];
  let rest = phrase;
  for (;;) {
    const open = rest.indexOf('(');
    const close = rest.indexOf(')');
    if (open < 0) {
      if (close >= 0) {
        throw new Error('a ")" without its "("');
      }
      slots.push([rest]);
      return slots;
    }
    if (close >= 0 && close < open) {
      throw new Error('a ")" without its "("');
    }
    if (close < 0) {
      throw new Error('a "(" without its ")"');
    }
    const inner = rest.slice(open + 1, close);
    if (inner.includes('(')) {
      throw new Error('choices cannot be nested');
    }
    slots.push([rest.slice(0, open)], inner.split('|'));
    rest = rest.slice(close + 1);
  }
}

function countVariants(slots: readonly string[][]): number {
  const count = slots.reduce((total, slot) => total * slot.length, 1);
  if (count > MAX_VARIANTS) {
    throw new Error(`more than ${MAX_VARIANTS} variants`);
  }
  return count;
}

/** Every combination of one alternative from each slot. */
function combinations<T>(slots: readonly (readonly T[])[]): T[][] {
  let rows: T[][] = [[]];
  for (const slot of slots) {
    rows = rows.flatMap((row) => slot.map((choice) => [...row, choice]));
  }
  return rows;
}

/** The plain-text variants of a phrase: every choice taken, `...` and `#` kept. */
export function phraseVariants(phrase: string): string[] {
  const slots = slotsOf(phrase);
  countVariants(slots);
  return combinations(slots).map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim());
}

/** One piece of a phrase as words, gaps and numbers. */
function elementsOf(text: string): PatternElement[] {
  const elements: PatternElement[] = [];
  for (const part of text.split(/(\.\.\.|#)/)) {
    if (part === '...') {
      elements.push(GAP);
    } else if (part === '#') {
      elements.push(NUMBER);
    } else {
      elements.push(...phraseWords(part));
    }
  }
  return elements;
}

const keyOf = (element: PatternElement): string =>
  element === GAP ? '...' : element === NUMBER ? '#' : element;

/** Every pattern a phrase stands for. Throws, with a reason, if the phrase is malformed. */
export function compilePhrase(phrase: string): PatternElement[][] {
  const slots = slotsOf(phrase);
  countVariants(slots);
  // Each alternative is read once, however many variants it takes part in.
  const read = slots.map((slot) => slot.map(elementsOf));
  const patterns: PatternElement[][] = [];
  const seen = new Set<string>();
  for (const pieces of combinations(read)) {
    const elements = pieces.flat();
    if (elements.length === 0) {
      continue;
    }
    if (elements[0] === GAP || elements[elements.length - 1] === GAP) {
      throw new Error('"..." must stand between words');
    }
    if (typeof elements[0] !== 'string') {
      throw new Error('a phrase starts with a word');
    }
    const key = elements.map(keyOf).join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      patterns.push(elements);
    }
  }
  if (patterns.length === 0) {
    throw new Error('no words');
  }
  return patterns;
}

/** Why a phrase cannot be used, or undefined when it can. */
export function phraseProblem(phrase: string): string | undefined {
  try {
    compilePhrase(phrase);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : 'not a phrase';
  }
}
