import type { Clock } from '../../domain/clock';
import type { PcnConfig } from '../../domain/pcn-config';
import { LONDON } from '../../domain/supervision/schedule';
import type { SupervisionRepository } from '../../store/supervision.repository';
import type { FeatureTurn } from '../feature-turn';
import type { PersonalChat } from '../personal-chat';

/**
 * Nudge on team supervision status: a friendly reminder in the overdue coach's 1:1 chat with the
 * bot, at most one per coach per day (a second press, or a second lead, is told it was sent).
 */
export class SupervisionNudge {
  constructor(
    private readonly deps: {
      supervision: SupervisionRepository;
      pcn: PcnConfig;
      clock: Clock;
      overdueWeeks: number;
      personalChat?: PersonalChat;
    },
  ) {}

  async nudge(turn: FeatureTurn, coachId: string): Promise<void> {
    const coach = this.deps.pcn.coaches.find(
      (c) => c.aadObjectId.toLowerCase() === coachId.toLowerCase(),
    );
    if (!coach) {
      await turn.send("I can't find that coach in the PCN's list of coaches.");
      return;
    }
    const { personalChat } = this.deps;
    if (!personalChat) {
      await turn.send("I can't send reminders to coaches from here. Nothing was sent.");
      return;
    }
    const id = coach.aadObjectId.toLowerCase();
    const today = this.deps.clock.now().setZone(LONDON).toISODate() ?? '';
    if (!(await this.deps.supervision.claimNudge(id, today))) {
      await turn.send(`${coach.displayName} has already had a reminder today.`);
      return;
    }
    let sent: 'sent' | 'unreachable';
    try {
      sent = await personalChat.send(turn.caller.tenantId, id, [
        {
          text: `A friendly reminder from your PCN: no coaching supervision has been recorded for you in the last ${this.deps.overdueWeeks} weeks. If you have had some, record it from "my supervision"; if not, it may be time to book a session.`,
        },
      ]);
    } catch {
      sent = 'unreachable';
    }
    await turn.send(
      sent === 'sent'
        ? `I've sent ${coach.displayName} a friendly reminder in their chat with me.`
        : `I couldn't reach ${coach.displayName}: they may not have the app yet. Nothing was sent.`,
    );
  }
}
