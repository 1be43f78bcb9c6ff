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
  | 'supervision-new'
  | 'session-log'
  | 'caseload'
  | 'activity-report'
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
    .replace(/[^a-z0-9' ,;&/+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,;.!?-]+|[\s,;.!?-]+$/g, '');
}

const PATTERNS: ReadonlyArray<readonly [Command, RegExp]> = [
  ['cancel', /^(cancel|stop|quit|exit|never mind|nevermind)$/],
  ['restart', /^(start over|start again|restart|reset)$/],
  ['back', /^(back|go back|previous|undo)$/],
  ['help', /^(help|\?|what can you do|menu|commands)$/],
  [
    'referral-quick',
    /^(quick check|quick referral check|quick form|referral form|all the questions)$/,
  ],
  [
    'referral',
    /(help me decide who|decide who to refer|worth (a )?referr|worth a (health )?coach|for the (health )?coach|for (a |the )?hwbc|is this one for|who is best placed|who'?s best placed)/,
  ],
  ['supervision-new', /^((set up|add|new) (a )?supervision( schedule)?|supervision schedule)$/],
  ['session-log', /^(log (a )?(coaching )?session|new session|record (a )?session)$/],
  ['my-referrals', /^(my referrals|referrals i sent|referral status|open referrals)$/],
  ['caseload', /^(my caseload( this month)?|caseload|my sessions)$/],
  ['activity-report', /^((monthly )?activity report|team report|monthly report)$/],
  [
    'supervision-team',
    /^(team supervision( status)?|supervision status|who is overdue( for supervision)?)$/,
  ],
  ['supervision-mine', /^(my supervision|supervision hours|my supervision hours)$/],
  [
    'supervision-setup',
    /^((group |1:1 |one to one )?(coaching |clinical |health coaching )?supervision|line management)\b.*\b(monthly|weekly|fortnight|every|\d{4}-\d{2}-\d{2})/,
  ],
  ['broadcast-list', /^(my posts|scheduled posts|list posts|show posts|broadcasts|post status)$/],
  ['broadcast-here', /^post (the |a )?(role )?cards? here$/],
  [
    'broadcast',
    /^(post|share|send|schedule) (the |a )?(role )?(card|cards|awareness)( to channels?)?$/,
  ],
  ['role-menu', /^(role cards|cards|all cards|show role cards)$/],
  [
    'role-compare',
    /(coach or (a )?link worker|link worker or (a )?coach|compare (the )?roles|coach,? link worker (or|and) care coordinator|difference between)/,
  ],
  [
    'role-coaches',
    /(meet (the |your |our )?coaches|who are (the |our )?coaches|our coaches|local coaches)/,
  ],
  [
    'role-patient',
    /(what (do i |should i |to )?(say|tell) (to )?(a |the )?patient|explain coaching to)/,
  ],
  ['role-how', /^(how (do i|to|can i) refer)/],
  ['role-who', /(who (should i |to |can i )?refer|who benefits)/],
  [
    'role',
    /(what (does|do) (a |the )?(health( and wellbeing)? )?coach(es)? do|coach'?s? role|role of (a |the )?(health( and wellbeing)? )?coach|about (the )?(health )?coach|hwbc role|what is a (health( and wellbeing)? )?coach)/,
  ],
  [
    'referral',
    /(^refer\b|\breferral\b|should i refer|can i refer|\brefer (this|a|my|the)\b|suitable for (a |the )?(health( and wellbeing)? )?coach|eligib)/,
  ],
];

export function recogniseCommand(text: string): Command {
  const normalised = normaliseText(text);
  for (const [command, pattern] of PATTERNS) {
    if (pattern.test(normalised)) {
      return command;
    }
  }
  return 'unknown';
}
