import type { TurnContext } from 'botbuilder';
import { parseCardAction, type CardAction } from '../cards/card-actions';
import { recogniseCommand } from '../domain/commands';

/** What the user sent this turn, read once by the bot and shared with the dialogs. */
export type UserInput =
  | { kind: 'text'; text: string }
  | { kind: 'action'; action: CardAction }
  | { kind: 'invalid-action'; verb?: string }
  | { kind: 'empty' };

const INPUT_KEY = Symbol('hwbc.userInput');

/** Mention-stripped text or a validated card payload. */
export function readUserInput(context: TurnContext): UserInput {
  const { activity } = context;
  if (activity.value !== undefined && activity.value !== null) {
    const parsed = parseCardAction(activity.value);
    return parsed.ok
      ? { kind: 'action', action: parsed.action }
      : { kind: 'invalid-action', ...(parsed.verb ? { verb: parsed.verb } : {}) };
  }
  const text = (activity.text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 0 ? { kind: 'text', text } : { kind: 'empty' };
}

export function setUserInput(context: TurnContext, input: UserInput): void {
  context.turnState.set(INPUT_KEY, input);
}

export function getUserInput(context: TurnContext): UserInput {
  const input: unknown = context.turnState.get(INPUT_KEY);
  return (input as UserInput | undefined) ?? readUserInput(context);
}

export type Interruption = 'cancel' | 'restart' | 'back' | 'help';

/** Words and buttons that act on a dialog at any step. */
export function interruptionOf(input: UserInput): Interruption | undefined {
  if (input.kind === 'action') {
    switch (input.action.verb) {
      case 'referral.cancel':
        return 'cancel';
      case 'referral.back':
        return 'back';
      case 'referral.start':
        return 'restart';
      default:
        return undefined;
    }
  }
  if (input.kind === 'text') {
    const command = recogniseCommand(input.text);
    return command === 'cancel' || command === 'restart' || command === 'back' || command === 'help'
      ? command
      : undefined;
  }
  return undefined;
}
