import { SHORTHAND, SPELLINGS } from './lexicon';

/**
 * One word or one break in a message. Words are lower case, with British spelling, GP shorthand
 * read in full ("appts" is "appointments") and apostrophes dropped ("doesn't" is "doesnt").
 */
export interface Token {
  kind: 'word' | 'break';
  /** The word as the readers compare it. */
  norm: string;
  /** As typed. */
  raw: string;
  /** Where it is in the text, for "You said: ...". */
  start: number;
  end: number;
  /** "and", "or", "&", "+" and "w/": they join the items of a list. */
  joiner: boolean;
  /** Typed straight after "?", as in "?asthma": a query, not a diagnosis. */
  query: boolean;
}

const PIECE =
  /(y\/o|y\.o\.?|n\/a|w\/)|([a-z0-9]+(?:['\u2019][a-z]+)*)|((?:^|(?<=\s))[-\u2013\u2014](?=\s|$)|[\u2013\u2014])|([,;.!?:()[\]"/|\n])|([&+])|([<>])/gi;

function normaliseWord(raw: string): string {
  const lower = raw.toLowerCase().replace(/['\u2019]/g, '');
  const british = SPELLINGS[lower] ?? lower;
  return SHORTHAND[british] ?? british;
}

/** Splits a message into words and breaks (commas, full stops, " - ", "but"). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token['kind'], norm: string, raw: string, start: number): void => {
    const previous = text[start - 1];
    tokens.push({
      kind,
      norm,
      raw,
      start,
      end: start + raw.length,
      joiner: kind === 'word' && (norm === 'and' || norm === 'or'),
      query: kind === 'word' && previous === '?',
    });
  };
  for (const match of text.matchAll(PIECE)) {
    const [whole, special, word, dash, mark, plus, angle] = match;
    const at = match.index;
    if (special !== undefined) {
      const lower = special.toLowerCase();
      push('word', lower === 'w/' ? 'and' : lower.startsWith('y') ? 'yo' : 'na', whole, at);
    } else if (word !== undefined) {
      const norm = normaliseWord(word);
      push(norm === 'but' ? 'break' : 'word', norm, word, at);
    } else if (dash !== undefined || mark !== undefined) {
      push('break', whole, whole, at);
    } else if (plus !== undefined) {
      const last = tokens[tokens.length - 1];
      const afterNumber = last !== undefined && /^\d+$/.test(last.norm) && last.end === at;
      const next = text[at + 1];
      const ends = next === undefined || !/[a-z0-9]/i.test(next);
      push('word', plus === '+' && afterNumber && ends ? 'plus' : 'and', whole, at);
    } else if (angle !== undefined) {
      push('word', angle === '>' ? 'over' : 'under', whole, at);
    }
  }
  return tokens;
}

export function isNumber(token: Token | undefined): boolean {
  return token !== undefined && /^\d+$/.test(token.norm);
}

/** The words of the text from one token to another, as typed. */
export function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  return first && last ? text.slice(first.start, last.end) : '';
}
