import { z } from 'zod';
import template from './help.card.json';
import { expandCard, toAttachment, type CardAttachment } from '../render';

export const helpCardSchema = z.object({
  /** Shown in warning colour above the list, e.g. "I didn't recognise that". Empty for none. */
  notice: z.string(),
  shared: z.boolean(),
  botName: z.string(),
  /** Which commands and buttons to show beyond everyone's: the person's roles in the PCN file. */
  coach: z.boolean(),
  lead: z.boolean(),
});
export type HelpCardData = z.infer<typeof helpCardSchema>;

/** The commands the bot understands outside a dialog; the manifest's command lists match these. */
export const HELP_COMMANDS: ReadonlyArray<{ say: string; does: string }> = [
  {
    say: 'refer',
    does: 'Should I refer this patient? A few questions, then a suggested route with reasons.',
  },
  {
    say: 'what does a coach do?',
    does: 'What the Health and Wellbeing Coach role is, and is not.',
  },
  {
    say: 'quick check',
    does: 'Every referral question on one card, for when you know the answers.',
  },
  {
    say: 'my referrals',
    does: 'Referrals sent to the coaching team, and what became of them.',
  },
  { say: 'role cards', does: 'Who to refer, how, and how the three roles differ.' },
  { say: 'help', does: 'This list.' },
  {
    say: 'cancel / start over / back',
    does: 'During the questions: stop, restart, or change your last answer.',
  },
];

/** What coaches can also ask. */
export const COACH_COMMANDS: ReadonlyArray<{ say: string; does: string }> = [
  { say: 'set up supervision', does: 'Add a supervision schedule; reminders come to our chat.' },
  { say: 'my supervision', does: 'Your last and next supervision, and hours this year.' },
  { say: 'log a session', does: 'Record a coaching session (no patient identifiers).' },
  { say: 'my caseload', does: 'Your sessions and hours this month.' },
];

/** What PCN leads can also ask. */
export const LEAD_COMMANDS: ReadonlyArray<{ say: string; does: string }> = [
  { say: 'post role cards', does: 'Post role-awareness cards to channels, now or weekly.' },
  { say: 'my posts', does: 'Your channel posts and how they are going.' },
  { say: 'team supervision status', does: 'Who is overdue for coaching supervision.' },
  { say: 'activity report', does: "This month's sessions, hours and referral outcomes." },
  {
    say: 'team / add @name as a coach',
    does: 'See and change the team: coaches, leads, training and who takes referrals.',
  },
];

/** Everyone's commands, then the person's own roles'. */
export function commandsFor(roles: { coach: boolean; lead: boolean }) {
  return [
    ...HELP_COMMANDS,
    ...(roles.coach ? COACH_COMMANDS : []),
    ...(roles.lead ? LEAD_COMMANDS : []),
  ];
}

export function renderHelpCard(data: HelpCardData): CardAttachment {
  const parsed = helpCardSchema.parse(data);
  return toAttachment(expandCard(template, { ...parsed, commands: commandsFor(parsed) }));
}
