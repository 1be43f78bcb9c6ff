import type { Hit } from './hit';
import { spanText, type Token } from './tokenise';

/** The words of each hit, as typed, for "You said: ...". */
export function heardWords(text: string, tokens: readonly Token[], hits: readonly Hit[]): string[] {
  return [...new Set(hits.map((h) => spanText(text, tokens, h.first, h.last)))].filter(
    (w) => w.length > 0,
  );
}
