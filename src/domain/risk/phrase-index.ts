import { GAP, GAP_WORDS, NUMBER, type PatternElement } from './phrase-patterns';
import type { RiskToken } from './risk-text';

/**
 * Phrases compiled once into a trie of words, so a scan follows only the branches that the
 * message's words match: a word that starts a thousand phrase variants ("wants ... hurt his
 * neighbour") costs one look-up when the next word fits none of them.
 */

export interface PhraseMatch<P> {
  /** Index of the first word. */
  readonly start: number;
  /** Index after the last word. */
  readonly end: number;
  readonly payload: P;
}

interface Node<P> {
  readonly words: Map<string, Node<P>>;
  gap?: Node<P>;
  number?: Node<P>;
  readonly payloads: P[];
}

export interface PhraseIndex<P> {
  readonly root: Node<P>;
  /** Every word of every pattern, for the typo lexicon. */
  readonly words: ReadonlySet<string>;
}

const newNode = <P>(): Node<P> => ({ words: new Map(), payloads: [] });

function childFor<P>(node: Node<P>, element: PatternElement): Node<P> {
  if (element === GAP) {
    node.gap ??= newNode();
    return node.gap;
  }
  if (element === NUMBER) {
    node.number ??= newNode();
    return node.number;
  }
  let child = node.words.get(element);
  if (child === undefined) {
    child = newNode();
    node.words.set(element, child);
  }
  return child;
}

export function buildPhraseIndex<P>(
  patterns: Iterable<{ elements: readonly PatternElement[]; payload: P }>,
): PhraseIndex<P> {
  const root = newNode<P>();
  const words = new Set<string>();
  for (const { elements, payload } of patterns) {
    if (typeof elements[0] !== 'string') {
      continue;
    }
    let node = root;
    for (const element of elements) {
      node = childFor(node, element);
      if (typeof element === 'string') {
        words.add(element);
      }
    }
    if (!node.payloads.includes(payload)) {
      node.payloads.push(payload);
    }
  }
  return { root, words };
}

/** What vocabulary words the word at an index may stand for (itself, or typo matches). */
export type WordsAt = (index: number) => readonly string[];

export const exactWords =
  (tokens: readonly RiskToken[]): WordsAt =>
  (index) => {
    const token = tokens[index];
    return token === undefined ? [] : [token.word];
  };

/** Every match of every phrase, each payload once per start with its longest end. */
export function findPhrases<P>(
  index: PhraseIndex<P>,
  tokens: readonly RiskToken[],
  wordsAt: WordsAt,
): PhraseMatch<P>[] {
  const matches: PhraseMatch<P>[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const clause = tokens[start]?.clause;
    const longest = new Map<P, number>();
    const visit = (node: Node<P>, at: number): void => {
      for (const payload of node.payloads) {
        longest.set(payload, Math.max(longest.get(payload) ?? 0, at));
      }
      const token = tokens[at];
      if (token !== undefined && token.clause === clause) {
        for (const word of wordsAt(at)) {
          const child = node.words.get(word);
          if (child !== undefined) {
            visit(child, at + 1);
          }
        }
        if (node.number !== undefined && token.value !== undefined) {
          visit(node.number, at + 1);
        }
      }
      if (node.gap !== undefined) {
        for (let skip = 0; skip <= GAP_WORDS; skip += 1) {
          if (tokens[at + skip]?.clause !== clause) {
            break;
          }
          visit(node.gap, at + skip);
        }
      }
    };
    visit(index.root, start);
    for (const [payload, end] of longest) {
      matches.push({ start, end, payload });
    }
  }
  return matches;
}
