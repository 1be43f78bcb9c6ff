import type { Command } from '../commands';

/**
 * What each command looks like once the request is plain (see plain-request.ts), tried in order;
 * the first to match wins. A pattern is tried on the text as typed and on the plain request.
 */

const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';

/** Words that name supervision of some kind. */
const SUPERVISION = /\b(supervision|supervisor|line management|1:1 with)\b/;

/** Words that say when: a cadence, a weekday, a date. */
const WHEN = new RegExp(
  [
    '\\b(monthly|weekly|fortnightly|fortnight|every|each month|each week)\\b',
    `\\b${WEEKDAY}\\b`,
    `\\b\\d{1,2}(st|nd|rd|th)? ${MONTH}\\b`,
    `\\b${MONTH} \\d{1,2}(st|nd|rd|th)?\\b`,
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}/\\d{1,2}(/\\d{2,4})?\\b',
    '\\b(tomorrow|today|next week)\\b',
  ].join('|'),
);

/** Supervision, or a 1:1, in words for one that already happened. */
const SUPERVISION_DONE = /\b(supervision|line management|1:1)\b/;

/** Said of supervision that already happened ("I had 90 minutes of group supervision yesterday"). */
const HAPPENED =
  /^(i |i'?ve |i have )?(had|did|attended|went to|got|received|been to)\b.*\b(supervision|line management|1:1)\b|^(record|log) (a |my |some )?(past |earlier |unscheduled |missed )?(supervision|line management)( i had)?$/;

/** Words that put it in the past: "yesterday", "last Friday" (not "the last Friday" of a month). */
const PAST_WORDS = new RegExp(
  `\\b(yesterday|ago|this morning|earlier today|(?<!the )last (${WEEKDAY}|week))\\b`,
);

const happened = (text: string): boolean =>
  HAPPENED.test(text) || (SUPERVISION_DONE.test(text) && PAST_WORDS.test(text));

/** A question about when, not a schedule. */
const QUESTION = /^(when|what|how|where|who|which|do i|have i|did i|am i|is|are)\b/;

/** "post the how to refer card here": the words between "post" and "here". */
export const POST_HERE = /^(post|share|put) (.*?) ?(here|in this channel|to this channel|in here)$/;

const isScheduleSetUp = (text: string): boolean =>
  SUPERVISION.test(text) &&
  WHEN.test(text) &&
  !QUESTION.test(text) &&
  !/\b(refer|referral|patient)\b/.test(text);

type Matcher = RegExp | ((text: string) => boolean);

export const PATTERNS: ReadonlyArray<readonly [Command, Matcher]> = [
  ['cancel', /^(cancel|stop|quit|exit|never mind|nevermind|cancel that|cancel it)$/],
  ['restart', /^(start over|start again|restart|reset)$/],
  ['back', /^(back|go back|previous|undo)$/],
  [
    'help',
    /^(help|\?|what can you do|what can i do|what can i ask|menu|commands|show commands|help me|i need help)$/,
  ],
  [
    'digest-stop',
    /^(please )?(stop|turn off|switch off|unsubscribe( from)?|no more) (the |my )?(weekly )?digests?( please)?$/,
  ],
  [
    'digest-start',
    /^(please )?(start|turn on|switch on|resume|subscribe( to)?) (the |my )?(weekly )?digests?( again)?( please)?$/,
  ],
  [
    'referral-quick',
    /^(quick check|quick referral check|quick form|referral form|all the questions)$/,
  ],
  [
    'referral',
    /(help me decide who|decide who to refer|worth (a )?referr|worth a (health )?coach|for the (health )?coach|for (a |the )?hwbc|is this one for|who is best placed|who'?s best placed)/,
  ],
  ['supervision-record-past', happened],
  [
    'supervision-pause',
    /^(pause|stop|hold|suspend|turn off|switch off) (my |all |all my |the )?(supervision )?reminders( for (annual )?leave| while i'?m away)? (until|till|til|to|up to) .+$/,
  ],
  [
    'supervision-new',
    /^((set up|setup|add|new|create|start|make|book|schedule) (a |my |new |a new )?(supervision|line management)( schedule)?|supervision schedule|new supervision schedule)$/,
  ],
  [
    'roster-add',
    /^(add( as)?( a| an| another| new)* (health (and wellbeing )?)?(coach|lead)(es|s)?|add\b.*\bas (a |an )?(coach|lead)(es|s)?)$/,
  ],
  [
    'roster-team',
    /^(team|the team|my team|our team|manage (the |my |our )?team|show (me )?(the |my |our )?team|team list|roster|who is on the team)$/,
  ],
  [
    'session-log',
    /^((log|record|add|enter|new) (a |my |the |another |new )?(coaching |1:1 |group )?session|new session|log (a |my )?(patient|client) session|session log)$/,
  ],
  [
    'my-referrals',
    /^((my|our|the) referrals|referrals i (sent|made)|referral status|open referrals|(show|list) (my |the )?referrals)$/,
  ],
  // A period may follow ("my caseload for November", "activity report Q3"): the session-log
  // feature reads it with parseReportPeriod, and says so when it cannot.
  [
    'caseload',
    /^((my |our )?caseload|my (coaching )?sessions|sessions this month|how many sessions( have i done)?)( .+)?$/,
  ],
  [
    'activity-report',
    /^((the |our |my )?(monthly |team |pcn )?activity report|team report|monthly report|pcn report)( .+)?$|^activity$/,
  ],
  [
    'supervision-team',
    /^((my |the |our )?team('?s)? supervision( status)?|supervision status|who is overdue( for supervision)?|who'?s overdue( for supervision)?|team status|is anyone overdue( for supervision)?)$/,
  ],
  [
    'supervision-mine',
    /^((when('?s| is| are) )?(my )?(next )?supervision( schedule| schedules| hours| dates?| record)?|(my )?supervision hours|my schedules?|how much supervision (have i had|have i done|this month|do i have)|how many (supervision )?hours( of supervision)? have i had)$/,
  ],
  ['supervision-setup', isScheduleSetUp],
  [
    'broadcast-list',
    /^(my posts|scheduled posts|list posts|show posts|posts|broadcasts|post status|my channel posts|my scheduled posts)$/,
  ],
  ['broadcast-here', POST_HERE],
  [
    'broadcast',
    /^(post|share|send|schedule) (the |a |some )?(role )?(card|cards|awareness)( to (the |a |some )?(channels?|teams?))?$/,
  ],
  ['role-menu', /^(role cards|cards|all cards|show role cards|the role cards)$/],
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

export function matches(matcher: Matcher, text: string): boolean {
  return typeof matcher === 'function' ? matcher(text) : matcher.test(text);
}
