import {
  renderRoleCard,
  renderRoleMenuCard,
  roleCardData,
  type CoachListing,
} from '../../cards/roles/roles.cards';
import type { Audience, RoleCardKey } from '../../cards/roles/role-content';
import type { Clock } from '../../domain/clock';
import { contactsReviewStatus } from '../../domain/contacts-review';
import type { PcnConfig } from '../../domain/pcn-config';
import type { FeatureTurn } from '../feature-turn';

/** The role-awareness cards: what a coach does, who to refer, how, and who the local coaches are. */
export class RolesService {
  constructor(
    private readonly deps: {
      pcn: PcnConfig;
      clock: Clock;
      contactsReviewMonths: number;
      /** The roster's coaches as they now stand; without it, the PCN file's. */
      coaches?: () => readonly CoachListing[];
    },
  ) {}

  async show(
    turn: FeatureTurn,
    card: RoleCardKey | undefined,
    audience: Audience = 'general',
  ): Promise<void> {
    if (card === undefined) {
      await turn.send({ attachments: [renderRoleMenuCard()] });
      return;
    }
    const review = contactsReviewStatus(
      this.deps.pcn.reviewedOn,
      this.deps.clock.now(),
      this.deps.contactsReviewMonths,
    );
    await turn.send({
      attachments: [
        renderRoleCard(
          card,
          roleCardData(card, audience, this.deps.pcn, review.note, this.deps.coaches?.()),
        ),
      ],
    });
  }
}
