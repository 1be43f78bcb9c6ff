import type { Practice } from '../../pcn-config';
import { tokenise } from './tokenise';

/** Words that name the kind of place, not the place: "Riverside Surgery" is "riverside". */
const KIND_WORDS: ReadonlySet<string> = new Set([
  'surgery',
  'medical',
  'health',
  'healthcare',
  'centre',
  'practice',
  'clinic',
  'group',
  'partnership',
  'partners',
  'doctors',
  'gp',
]);

/** Short forms of words in practice names, both ways. */
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  street: ['st'],
  saint: ['st'],
  road: ['rd'],
  rd: ['road'],
  avenue: ['ave'],
  lane: ['ln'],
  square: ['sq'],
  centre: ['ctr'],
};

function shortForms(word: string, first: boolean): readonly string[] {
  if (word === 'st') {
    // "St Mary's" is a saint; "Market St" is a street.
    return [first ? 'saint' : 'street'];
  }
  return SHORT_FORMS[word] ?? [];
}

function variants(words: readonly string[]): string[][] {
  return words.reduce<string[][]>(
    (acc, word, index) =>
      acc.flatMap((head) => [word, ...shortForms(word, index === 0)].map((w) => [...head, w])),
    [[]],
  );
}

/**
 * What referrers call a practice, derived from its name: "Market Street Health Centre" is also
 * "market street", "market st", "market st hc" and "market street health centre".
 */
export function practiceAliases(practice: Practice): string[] {
  const words = tokenise(practice.name)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
  const start = words[0] === 'the' ? 1 : 0;
  let end = words.length;
  while (end - 1 > start && KIND_WORDS.has(words[end - 1] ?? '')) {
    end -= 1;
  }
  const core = words.slice(start, end);
  const kind = words.slice(end);
  const full = words.join(' ');
  const distinctive = core.some((w) => w.length >= 4 && !KIND_WORDS.has(w));
  if (!distinctive) {
    return [full];
  }
  const kinds =
    kind.length > 1 ? [kind.join(' '), kind.map((w) => w.charAt(0)).join('')] : [kind.join(' ')];
  const aliases = new Set<string>([full]);
  for (const form of variants(core)) {
    aliases.add(form.join(' '));
    for (const k of kinds.filter((k) => k.length > 0)) {
      aliases.add([...form, k].join(' '));
    }
  }
  return [...aliases];
}
