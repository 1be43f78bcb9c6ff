import { normaliseText } from '../privacy/normalise-text';

/**
 * The words of a message as the risk net reads them, each tagged with its clause.
 *
 * - Lower case; NFKC, so full-width letters and look-alike dashes read as plain ones.
 * - Apostrophes are dropped inside words, so "can't", "cant" and "can’t" are one word ("cant").
 * - A number glued to letters is split from them: "5mg" is "5" "mg", "54f" is "54" "f"; words
 *   that start with a letter stay whole ("t2dm", "spo2"). "39.5" is one number.
 * - "?" is a word of its own: "?DV" reads "?" "dv". A "?" that ends a question also ends its clause.
 * - Clauses end at . ; ! ? , a dash between spaces, a line break, and the clause-break words
 *   ("but", "however"...), which are not kept as words.
 */
export interface RiskToken {
  readonly word: string;
  /** Index of the clause the word is in; words of different clauses never form one phrase. */
  readonly clause: number;
  /** The value, when the word is a number. */
  readonly value?: number;
}

const PIECES =
  /(\d+\.\d+)|(\d+)(?=[a-z])|([a-z0-9]+(?:'[a-z0-9]+)*)|(\?)(?=[a-z0-9])|(\?)|(\s-+\s|[.;!,\n\r\u2022()])/g;
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;

function prepare(text: string): string {
  return ` ${normaliseText(text).toLowerCase().replace(APOSTROPHES, "'")} `;
}

/** Splits a text into risk tokens. `clauseBreakWords` end a clause and are dropped. */
export function tokeniseForRisk(
  text: string,
  clauseBreakWords: ReadonlySet<string> = new Set(),
): RiskToken[] {
  const tokens: RiskToken[] = [];
  let clause = 0;
  let clauseHasWords = false;
  const endClause = (): void => {
    if (clauseHasWords) {
      clause += 1;
      clauseHasWords = false;
    }
  };
  const push = (word: string, value?: number): void => {
    tokens.push(value === undefined ? { word, clause } : { word, clause, value });
    clauseHasWords = true;
  };
  for (const match of prepare(text).matchAll(PIECES)) {
    const [, decimal, glued, word, prefixQuery, trailingQuery] = match;
    if (decimal !== undefined) {
      push(decimal, Number(decimal));
    } else if (glued !== undefined) {
      push(glued, Number(glued));
    } else if (word !== undefined) {
      const plain = word.replace(/'/g, '');
      if (clauseBreakWords.has(plain)) {
        endClause();
      } else if (/^\d+$/.test(plain)) {
        push(plain, Number(plain));
      } else {
        push(plain);
      }
    } else if (prefixQuery !== undefined) {
      push('?');
    } else if (trailingQuery !== undefined) {
      push('?');
      endClause();
    } else {
      endClause();
    }
  }
  return tokens;
}

/** The words of a vocabulary phrase, read exactly as a message is (one clause, no numbers kept apart). */
export function phraseWords(phrase: string): string[] {
  return tokeniseForRisk(phrase).map((token) => token.word);
}
