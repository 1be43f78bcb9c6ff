import { renderRiskConfirmCard } from '../../cards/referral/referral-risk-confirm.card';
import {
  referralUrgentCardData,
  renderReferralUrgentCard,
  type UrgentCard,
} from '../../cards/referral/referral-urgent.card';
import type { Clock } from '../../domain/clock';
import { contactsReviewStatus } from '../../domain/contacts-review';
import type { PcnConfig } from '../../domain/pcn-config';
import type { RiskScan } from '../../domain/risk/risk-net';
import type { FeatureTurn } from '../feature-turn';
import { REFERRAL_DIALOG } from './referral.dialog-id';

/** The urgent routes, reached from a risk typed in words, a button, or a practice picked. */
export class UrgentService {
  constructor(
    private readonly deps: { pcn: PcnConfig; clock: Clock; contactsReviewMonths: number },
  ) {}

  /**
   * A risk in a typed message: a plain one goes to its urgent route at once (ending any
   * questions in progress); one said with a "no" or a "maybe" gets one question, urgent route
   * first, and the message is read as usual after it.
   */
  async riskMentioned(
    turn: FeatureTurn,
    scan: Exclude<RiskScan, { kind: 'none' }>,
  ): Promise<'handled' | 'carry-on'> {
    if (scan.kind === 'risk') {
      await turn.startDialog(REFERRAL_DIALOG, { urgent: scan.category });
      return 'handled';
    }
    await turn.send({ attachments: [renderRiskConfirmCard(scan.category)] });
    return 'carry-on';
  }

  /** The urgent card again, with one practice's contacts. */
  async forPractice(turn: FeatureTurn, route: UrgentCard, practice: string): Promise<void> {
    const review = contactsReviewStatus(
      this.deps.pcn.reviewedOn,
      this.deps.clock.now(),
      this.deps.contactsReviewMonths,
    );
    await turn.send({
      attachments: [
        renderReferralUrgentCard(
          referralUrgentCardData(this.deps.pcn, review.note, route, practice),
        ),
      ],
    });
  }
}
