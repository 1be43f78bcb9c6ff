import type { CompiledVocabulary, CueKind, RiskSense } from './compiled-vocabulary';
import { exactWords, findPhrases, type PhraseMatch } from './phrase-index';
import type { RiskToken } from './risk-text';
import { coverage } from './span-lookup';

/**
 * Whether a mention is negated, hedged or in the past, judged within its clause:
 *
 * - a denial or hedge ending at most `wordsBefore` words before the phrase ("no thoughts of
 *   self-harm": two words between "no" and the phrase), or starting at most `wordsAfter` words
 *   after it ("SI denied", "coercive control? unclear");
 * - a past marker anywhere in the clause ("overdose years ago").
 *
 * A cue's reach stops at a scope breaker ("no SI and cutting daily" leaves the cutting plain;
 * "previous overdoses and now suicidal" leaves the suicidal thoughts plain),
 * words inside any risk phrase are never cues ("not wanting to be here"), and look-alikes such
 * as "no one" are not cues. For `hedgesArePlainFor` categories (acute) only denials and the past
 * count: "?sepsis" is handled as sepsis.
 *
 * Built once per message; each question then looks at a few words around the mention only.
 */
export interface DoubtReader {
  isDoubted(mention: PhraseMatch<RiskSense>): boolean;
}

/** Numbers the stretches of a message between clause ends and scope breakers. */
function segments(tokens: readonly RiskToken[], breaker: readonly boolean[]): number[] {
  let current = 0;
  return tokens.map((token, index) => {
    const previous = tokens[index - 1];
    if (previous !== undefined && (previous.clause !== token.clause || breaker[index] === true)) {
      current += 1;
    }
    return current;
  });
}

export function readDoubt(
  vocabulary: CompiledVocabulary,
  tokens: readonly RiskToken[],
  mentions: readonly PhraseMatch<RiskSense>[],
): DoubtReader {
  const all = findPhrases(vocabulary.cues, tokens, exactWords(tokens));
  const inMention = coverage(mentions, tokens.length);
  const inNotCue = coverage(
    all.filter((cue) => cue.payload === 'not-a-cue'),
    tokens.length,
  );
  const endingAt = new Map<number, Set<CueKind>>();
  const startingAt = new Map<number, Set<CueKind>>();
  const breaker = new Array<boolean>(tokens.length).fill(false);
  const usable = all.filter(
    (cue) =>
      cue.payload !== 'not-a-cue' &&
      !inNotCue[cue.start] &&
      !inMention[cue.start] &&
      !inMention[cue.end - 1],
  );
  for (const cue of usable) {
    if (cue.payload === 'scope-breaker') {
      breaker.fill(true, cue.start, cue.end);
    }
  }
  const segment = segments(tokens, breaker);
  const segmentsWithPast = new Set<number>();
  for (const cue of usable) {
    if (cue.payload === 'scope-breaker') {
      continue;
    } else if (cue.payload === 'past') {
      segmentsWithPast.add(segment[cue.start] ?? -1);
    } else {
      const byEnd = endingAt.get(cue.end) ?? new Set<CueKind>();
      byEnd.add(cue.payload);
      endingAt.set(cue.end, byEnd);
      const byStart = startingAt.get(cue.start) ?? new Set<CueKind>();
      byStart.add(cue.payload);
      startingAt.set(cue.start, byStart);
    }
  }
  const clauseOf = (index: number): number | undefined => tokens[index]?.clause;
  const clear = (from: number, to: number): boolean => !breaker.slice(from, to).includes(true);

  return {
    isDoubted(mention) {
      const clause = clauseOf(mention.start);
      if (clause === undefined) {
        return false;
      }
      if (segmentsWithPast.has(segment[mention.start] ?? -1)) {
        return true;
      }
      const hedgesCount = !vocabulary.hedgesArePlainFor.has(mention.payload.category);
      for (let gap = 0; gap <= vocabulary.wordsBefore; gap += 1) {
        const end = mention.start - gap;
        const kinds = endingAt.get(end);
        if (kinds !== undefined && clauseOf(end - 1) === clause && clear(end, mention.start)) {
          if (kinds.has('negation-before') || (hedgesCount && kinds.has('hedge-before'))) {
            return true;
          }
        }
      }
      for (let gap = 0; gap <= vocabulary.wordsAfter; gap += 1) {
        const start = mention.end + gap;
        const kinds = startingAt.get(start);
        if (kinds !== undefined && clauseOf(start) === clause && clear(mention.end, start)) {
          if (kinds.has('negation-after') || (hedgesCount && kinds.has('hedge-after'))) {
            return true;
          }
        }
      }
      return false;
    },
  };
}
