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
 */

/** How many words `...` may stand for. */
export const GAP_WORDS = 3;
/** A phrase may expand to at most this many variants, so a mistyped one cannot blow up. */
export const MAX_VARIANTS = 2048;

export type PatternElement = string | typeof GAP;
export const GAP = Symbol('gap');

/** The plain-text variants of a phrase: every choice taken, `...` kept. */
export function phraseVariants(phrase: string): string[] {
  const open = phrase.indexOf('(');
  if (open < 0) {
    return [phrase.replace(/\s+/g, ' ').trim()];
  }
  const close = phrase.indexOf(')', open);
  if (close < 0) {
    throw new Error('a "(" without its ")"');
  }
  const choices = phrase.slice(open + 1, close).split('|');
  if (choices.some((choice) => choice.includes('('))) {
    throw new Error('choices cannot be nested');
  }
  const head = phrase.slice(0, open);
  const tail = phraseVariants(phrase.slice(close + 1));
  const variants: string[] = [];
  for (const choice of choices) {
    for (const rest of tail) {
      variants.push(`${head} ${choice} ${rest}`.replace(/\s+/g, ' ').trim());
      if (variants.length > MAX_VARIANTS) {
        throw new Error(`more than ${MAX_VARIANTS} variants`);
      }
    }
  }
  return variants;
}

/** One variant as words and gaps. */
function elementsOf(variant: string): PatternElement[] {
  const elements: PatternElement[] = [];
  const parts = variant.split('...');
  parts.forEach((part, index) => {
    if (index > 0) {
      elements.push(GAP);
    }
    elements.push(...phraseWords(part));
  });
  return elements;
}

/** Every pattern a phrase stands for. Throws, with a reason, if the phrase is malformed. */
export function compilePhrase(phrase: string): PatternElement[][] {
  if (/\)/.test(phrase.replace(/\([^()]*\)/g, ''))) {
    throw new Error('a ")" without its "("');
  }
  const patterns: PatternElement[][] = [];
  const seen = new Set<string>();
  for (const variant of phraseVariants(phrase)) {
    const elements = elementsOf(variant);
    if (elements.length === 0) {
      continue;
    }
    if (elements[0] === GAP || elements[elements.length - 1] === GAP) {
      throw new Error('"..." must stand between words');
    }
    const key = elements.map((e) => (e === GAP ? '...' : e)).join(' ');
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
