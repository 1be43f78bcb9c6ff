import type { QuestionOption } from '../referral-options';
import { NEGATORS, STOP_WORDS } from './lexicon';
import { tokenise, type Token } from './tokenise';
import { isMisspelling } from './word-match';

/** The items of a list: the words between commas, full stops, "and", "or", "&" and "+". */
export function segmentsOf(tokens: readonly Token[]): number[][] {
  const segments: number[][] = [[]];
  tokens.forEach((token, at) => {
    if (token.kind === 'break' || token.joiner) {
      segments.push([]);
    } else {
      segments[segments.length - 1]?.push(at);
    }
  });
  return segments.filter((s) => s.length > 0);
}

export function segmentText(
  text: string,
  tokens: readonly Token[],
  segment: readonly number[],
): string {
  const first = tokens[segment[0] ?? -1];
  const last = tokens[segment[segment.length - 1] ?? -1];
  return first && last ? text.slice(first.start, last.end) : '';
}

function isContent(token: Token | undefined): token is Token {
  return (
    token !== undefined &&
    token.kind === 'word' &&
    !STOP_WORDS.has(token.norm) &&
    !NEGATORS.has(token.norm)
  );
}

/** Whether an item has a word that means something ("her" and "tbh" do not). */
export function hasContent(tokens: readonly Token[], segment: readonly number[]): boolean {
  return segment.some((at) => isContent(tokens[at]));
}

/**
 * The one option whose label holds every meaningful word of the item, in any order and allowing
 * misspellings: "changing them" is "Changing health behaviours, or confidence to manage ...".
 */
export function optionFromWords(
  tokens: readonly Token[],
  segment: readonly number[],
  options: readonly QuestionOption[],
  known: ReadonlySet<string>,
): string | undefined {
  const words = segment
    .map((at) => tokens[at])
    .filter(isContent)
    .map((t) => t.norm);
  if (words.length === 0) {
    return undefined;
  }
  const fits = options.filter((option) => {
    const label = tokenise(option.label)
      .filter(isContent)
      .map((t) => t.norm);
    return words.every((w) => label.some((l) => l === w || isMisspelling(w, l, known)));
  });
  const [only] = fits;
  return fits.length === 1 && only !== undefined ? only.value : undefined;
}
