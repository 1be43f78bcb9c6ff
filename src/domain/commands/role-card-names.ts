/** The role cards by the words people use for them, in the order the card menu lists them. */
export const ROLE_CARD_NAMES = ['what', 'who', 'compare', 'how', 'coaches', 'patient'] as const;
export type RoleCardName = (typeof ROLE_CARD_NAMES)[number];

const NAMED: ReadonlyArray<readonly [RoleCardName, RegExp]> = [
  ['how', /\bhow (to|do i|do you|we) refer|\breferring here\b|\bhow to refer\b/],
  ['who', /\bwho (to|should i|can i|we) refer|\bwho benefits\b|\bwho to refer\b/],
  ['compare', /\bcompare|\blink worker|\bcare coordinator|\bdifference\b/],
  ['coaches', /\bmeet (the |your |our )?coaches\b|\bour coaches\b|\bthe coaches\b/],
  ['patient', /\bpatient|\bwhat to say\b/],
  [
    'what',
    /\bwhat (a |the )?(health( and wellbeing)? )?coach(es)? do(es)?\b|\bcoach'?s? role\b|\bwhat\b/,
  ],
];

/** Which role card "post the <card> here" names: 'what' for "the role card", undefined if none. */
export function roleCardNamed(words: string): RoleCardName | undefined {
  const name = words
    .replace(/\b(the|a|our|role|cards?)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') {
    return 'what';
  }
  return NAMED.find(([, pattern]) => pattern.test(name))?.[0];
}
