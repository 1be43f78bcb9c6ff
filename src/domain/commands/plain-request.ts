/**
 * A command as the guide words it, from how people type it: the politeness and filler around it
 * dropped ("can you show me my caseload please" is "my caseload") and synonyms made one word
 * ("one to one" is "1:1", "case load" is "caseload"). The text has been normalised already.
 */

const LEADING = [
  'please',
  'pls',
  'can you',
  'could you',
  'would you',
  'will you',
  'can i have',
  'could i have',
  'may i have',
  'can i get',
  'can i see',
  'can i',
  'could i',
  'may i',
  'can we',
  'i want to',
  'i wanna',
  'i would like to',
  "i'd like to",
  'id like to',
  'i need to',
  "i'd like",
  'i would like',
  'i want',
  'i need',
  'let me',
  "let's",
  'lets',
  'show me',
  'give me',
  'tell me',
  'get me',
  'show',
  'see',
  'view',
  'open',
  'check',
  'display',
  'hi',
  'hello',
  'hey',
  'ok',
  'okay',
  'right',
  'just',
  'quickly',
  'the',
  'hwbc assistant',
  'assistant',
];
const TRAILING = ['please', 'pls', 'thanks', 'thank you', 'for me', 'now', 'thx'];

const SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(one[ -]to[ -]one|1[ -]to[ -]1|1-1|one on one|1 on 1)\b/g, '1:1'],
  [/\bcase load\b/g, 'caseload'],
  [/\bsupervisions\b/g, 'supervision'],
  [/\bsupervision sessions?\b/g, 'supervision'],
  [/\bsupervision hrs\b/g, 'supervision hours'],
  [/\bline manager\b/g, 'line management'],
];

const alternatives = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');
const LEADING_RE = new RegExp(`^(${alternatives(LEADING)})\\b[ ,]*`);
const TRAILING_RE = new RegExp(`[ ,]*\\b(${alternatives(TRAILING)})$`);

export function plainRequest(normalised: string): string {
  let text = SYNONYMS.reduce((t, [pattern, word]) => t.replace(pattern, word), normalised);
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(LEADING_RE, '').replace(TRAILING_RE, '').trim();
  }
  return text.replace(/\?+$/, '').trim();
}
