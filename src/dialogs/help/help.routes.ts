import type { HelpAction } from '../../cards/help/help.actions';
import type { CommandRoute, FeatureRoutes } from '../routes';
import type { HelpService } from './help.service';

const NOTHING_IN_PROGRESS =
  "There's nothing in progress to change. Type 'refer' to start the referral questions.";

const UNKNOWN_BUTTON =
  "That button isn't one I recognise, perhaps from an older card. Here's what I can do now:";

export type HelpCommand = 'help' | 'cancel' | 'restart' | 'unknown';

/** Help, the words that act on a dialog when none is open, and whatever else was not understood. */
export function helpRoutes(help: HelpService): FeatureRoutes<HelpAction, HelpCommand> {
  const nothingToChange: CommandRoute = {
    role: 'referrer',
    handle: (turn) => turn.send(NOTHING_IN_PROGRESS),
  };
  return {
    verbs: {
      'help.show': { role: 'referrer', handle: (turn) => help.help(turn, '') },
    },
    commands: {
      help: { role: 'referrer', afterExpiry: true, handle: (turn) => help.help(turn, '') },
      cancel: nothingToChange,
      restart: nothingToChange,
      unknown: {
        role: 'referrer',
        handle: (turn, text) =>
          help.help(
            turn,
            text === '' ? '' : "Sorry, I didn't understand that. Here's what I can do:",
          ),
      },
    },
    events: {
      installed: (turn) => help.welcome(turn),
      unknownButton: (turn) => help.help(turn, UNKNOWN_BUTTON),
    },
  };
}
