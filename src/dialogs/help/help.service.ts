import { renderHelpCard } from '../../cards/help/help.card';
import { renderWelcomeCard } from '../../cards/help/welcome.card';
import type { RoleDirectory } from '../../domain/roles';
import type { FeatureTurn } from '../feature-turn';

/** The help card and the welcome card the app shows when it is added. */
export class HelpService {
  constructor(private readonly deps: { botName: string; pcnName: string; roles: RoleDirectory }) {}

  private rolesOf(turn: FeatureTurn): { coach: boolean; lead: boolean } {
    const id = turn.caller.userId || undefined;
    return { coach: this.deps.roles.isCoach(id), lead: this.deps.roles.isLead(id) };
  }

  async help(turn: FeatureTurn, notice: string): Promise<void> {
    await turn.send({
      attachments: [
        renderHelpCard({
          notice,
          shared: turn.caller.conversationKind !== 'personal',
          botName: this.deps.botName,
          ...this.rolesOf(turn),
        }),
      ],
    });
  }

  async welcome(turn: FeatureTurn): Promise<void> {
    const kind = turn.caller.conversationKind;
    await turn.send({
      attachments: [
        renderWelcomeCard({
          pcnName: this.deps.pcnName,
          shared: kind !== 'personal',
          conversationLabel: kind === 'channel' ? 'team' : 'group chat',
          botName: this.deps.botName,
          ...this.rolesOf(turn),
        }),
      ],
    });
  }
}
