import { isMisspelling } from '../referral/language/word-match';

/**
 * The words coaches and leads type in commands and schedules, so a misspelling of one
 * ("supervison", "casload", "thrusday") reads as the word. Short words are never corrected.
 */
const COMMAND_WORDS = [
  'supervision',
  'supervisions',
  'supervisor',
  'caseload',
  'session',
  'sessions',
  'activity',
  'report',
  'schedule',
  'coaching',
  'clinical',
  'management',
  'manager',
  'manage',
  'reminders',
  'referrals',
  'digest',
  'calendar',
  'status',
  'overdue',
  'monthly',
  'weekly',
  'fortnightly',
  'fortnight',
  'minutes',
  'tomorrow',
  'yesterday',
  'starting',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const KNOWN: ReadonlySet<string> = new Set(COMMAND_WORDS);

function corrected(word: string): string {
  if (KNOWN.has(word)) {
    return word;
  }
  // A word with an ending added ("scheduled", "reporting") is another word, not a slip.
  return (
    COMMAND_WORDS.find((known) => !word.startsWith(known) && isMisspelling(word, known, KNOWN)) ??
    word
  );
}

/** The text with each misspelt command word replaced by the word; other words are kept as typed. */
export function correctCommandWords(text: string): string {
  return text.replace(/[a-z]+/g, corrected);
}
