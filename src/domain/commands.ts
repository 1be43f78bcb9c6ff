import { correctCommandWords } from './commands/command-words';
import { matches, PATTERNS, POST_HERE } from './commands/command-patterns';
import { plainRequest } from './commands/plain-request';
import { roleCardNamed, type RoleCardName } from './commands/role-card-names';

/** What a user's typed message asks for, outside any dialog. */
export type Command =
  | 'referral'
  | 'referral-quick'
  | 'role'
  | 'role-menu'
  | 'role-who'
  | 'role-compare'
  | 'role-how'
  | 'role-coaches'
  | 'role-patient'
  | 'broadcast'
  | 'broadcast-here'
  | 'broadcast-list'
  | 'supervision-setup'
  | 'supervision-mine'
  | 'supervision-team'
  | 'supervision-record-past'
  | 'supervision-pause'
  | 'supervision-new'
  | 'session-log'
  | 'caseload'
  | 'activity-report'
  | 'digest-stop'
  | 'digest-start'
  | 'roster-team'
  | 'roster-add'
  | 'help'
  | 'cancel'
  | 'restart'
  | 'back'
  | 'my-referrals'
  | 'unknown';

/** Lower-case, collapse spaces, drop punctuation at the ends. Keeps inner apostrophes. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9' ,;:&/+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,;.!?-]+|[\s,;.!?-]+$/g, '');
}

/**
 * What a typed message asks for. It is read as typed and as a plain request: misspelt command
 * words corrected, politeness and filler dropped, synonyms made one (see src/domain/commands/).
 */
export function recogniseCommand(text: string): Command {
  const typed = normaliseText(text);
  const plain = plainRequest(correctCommandWords(typed));
  for (const [command, matcher] of PATTERNS) {
    if (matches(matcher, typed) || matches(matcher, plain)) {
      return command;
    }
  }
  return 'unknown';
}

/** The role card "post the <card> here" names, or undefined when it names none of them. */
export function postHereCard(text: string): RoleCardName | undefined {
  const plain = plainRequest(correctCommandWords(normaliseText(text)));
  const words = POST_HERE.exec(plain)?.[2];
  return words === undefined ? 'what' : roleCardNamed(words);
}
