import { z } from 'zod';
import template from './help.card.json';
import { expandCard, toAttachment, type CardAttachment } from '../render';

export const helpCardSchema = z.object({
  /** Shown in warning colour above the list, e.g. "I didn't recognise that". Empty for none. */
  notice: z.string(),
  shared: z.boolean(),
  botName: z.string(),
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
  { say: 'help', does: 'This list.' },
  {
    say: 'cancel / start over / back',
    does: 'During the questions: stop, restart, or change your last answer.',
  },
];

export function renderHelpCard(data: HelpCardData): CardAttachment {
  return toAttachment(
    expandCard(template, { ...helpCardSchema.parse(data), commands: HELP_COMMANDS }),
  );
}
