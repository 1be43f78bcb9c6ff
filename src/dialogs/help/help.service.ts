import { renderHelpCard } from '../../cards/help/help.card';
import { renderWelcomeCard } from '../../cards/help/welcome.card';
import type { FeatureTurn } from '../feature-turn';

/** The help card and the welcome card the app shows when it is added. */
export class HelpService {
  constructor(private readonly deps: { botName: string; pcnName: string }) {}

  async help(turn: FeatureTurn, notice: string): Promise<void> {
    await turn.send({
      attachments: [
        renderHelpCard({
          notice,
          shared: turn.caller.conversationKind !== 'personal',
          botName: this.deps.botName,
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
        }),
      ],
    });
  }
}
