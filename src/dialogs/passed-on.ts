import type { TurnContext } from 'botbuilder';

const PASSED_ON = Symbol('hwbc.passedOn');

/**
 * A dialog that does not read this turn's input (a typed command while a card-only draft is
 * open) passes it on: the dialog stays open as it was, and the router answers the input.
 */
export function passOn(context: TurnContext): void {
  context.turnState.set(PASSED_ON, true);
}

export function wasPassedOn(context: TurnContext): boolean {
  return context.turnState.get(PASSED_ON) === true;
}
