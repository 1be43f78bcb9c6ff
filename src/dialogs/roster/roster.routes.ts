import type { RosterAction } from '../../cards/roster/roster.actions';
import type { CommandRoute, FeatureRoutes } from '../routes';
import type { RosterService } from './roster.service';

export type RosterCommand = 'roster-team' | 'roster-add';

const REFUSAL = 'Only PCN leads can see and change the team.';

/** The team: leads only, for every verb and command. */
export function rosterRoutes(roster: RosterService): FeatureRoutes<RosterAction, RosterCommand> {
  const lead = (handle: CommandRoute['handle'], privateReply?: true): CommandRoute => ({
    role: 'lead',
    refusal: REFUSAL,
    ...(privateReply ? { privateReply } : {}),
    handle,
  });
  return {
    verbs: {
      'roster.show': {
        role: 'lead',
        refusal: REFUSAL,
        privateReply: true,
        handle: (turn) => roster.team(turn),
      },
      'roster.edit': {
        role: 'lead',
        refusal: REFUSAL,
        privateReply: true,
        handle: (turn, a) => roster.edit(turn, a.memberId),
      },
      'roster.save': { role: 'lead', refusal: REFUSAL, handle: (turn, a) => roster.save(turn, a) },
      'roster.remove-ask': {
        role: 'lead',
        refusal: REFUSAL,
        handle: (turn, a) => roster.removeAsk(turn, a.memberId),
      },
      'roster.add': {
        role: 'lead',
        refusal: REFUSAL,
        handle: (turn, a) => roster.addChosen(turn, a),
      },
      'roster.remove': {
        role: 'lead',
        refusal: REFUSAL,
        handle: (turn, a) => roster.remove(turn, a),
      },
    },
    commands: {
      // Training and leave are staff matters: asked in a channel, the team goes to the 1:1 chat.
      'roster-team': lead((turn) => roster.team(turn), true),
      'roster-add': lead((turn, text) => roster.add(turn, text)),
    },
  };
}
