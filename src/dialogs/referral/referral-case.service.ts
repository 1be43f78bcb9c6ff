import type { ReferralCaseAction } from '../../cards/referral/referral-case.actions';
import {
  myReferralsRow,
  referralCaseCardData,
  referralSentCardData,
  renderMyReferralsCard,
  renderReferralCaseCard,
  renderReferralSentCard,
  type MyReferralsCardData,
} from '../../cards/referral/referral-case.cards';
import type { CardAttachment } from '../../cards/render';
import type { Clock } from '../../domain/clock';
import type { PcnConfig } from '../../domain/pcn-config';
import { newReference, type RandomInt } from '../../domain/referral-loop/case-reference';
import { isUnanswered } from '../../domain/referral-loop/case-deadlines';
import { STATE_TEXT } from '../../domain/referral-loop/case-text';
import { applyCaseEvent, type CaseEvent } from '../../domain/referral-loop/case-transitions';
import {
  CASE_OUTCOMES,
  NOT_FOR_COACHING_REASONS,
  type ReferralCase,
} from '../../domain/referral-loop/referral-case';
import { NEEDS } from '../../domain/referral/referral-answers';
import { REASON_CODES } from '../../domain/referral/reasons';
import type { UserRole } from '../../domain/roles';
import type { BankHolidayCalendar } from '../../domain/supervision/bank-holidays';
import type { Logger } from '../../logger';
import type { ReferralCaseRepository } from '../../store/referral-case.repository';
import type { FeatureTurn } from '../feature-turn';
import type { PersonalChat } from '../personal-chat';
import type { TeamConversation } from '../team-conversation';
import type { CoachesForReferral } from './coaching-team';

export const NOTHING_SENT = 'Nothing was sent. Please try again.';
export const NOT_YOURS =
  "Only the PCN's Health and Wellbeing Coaches and leads can change a referral. Nothing has changed.";
const OLD_BUTTON =
  "That button is from a card I can no longer act on. Type 'refer' to go through the questions again.";
/** References drawn before giving up: with 23,104 possible, a PCN never comes close. */
const MAX_DRAWS = 25;
/** Cases shown in one list of `my referrals`. */
const LIST_LIMIT = 25;

type SendAction = Extract<ReferralCaseAction, { verb: 'referral.send' }>;
type StepVerb = Exclude<ReferralCaseAction['verb'], 'referral.send' | 'referral.mine'>;

export interface ReferralCaseDependencies {
  cases: ReferralCaseRepository;
  pcn: PcnConfig;
  /** The PCN's key in the store: references are unique within it. */
  pcnKey: string;
  roles: { roleOf(aadObjectId: string | undefined): UserRole };
  clock: Clock;
  holidays: BankHolidayCalendar;
  /** Working days after which a referral nobody accepted is shown to the lead. */
  unansweredWorkingDays: number;
  random: RandomInt;
  coachesForReferral: CoachesForReferral;
  personalChat: PersonalChat;
  teamConversation: TeamConversation;
  logger: Logger;
}

/** What recording a session against a reference came to. */
export type SessionLinkResult = 'moved' | 'already' | 'not-accepted' | 'not-found' | 'refused';

const listOf = <T extends string>(csv: string, allowed: readonly T[]): T[] =>
  csv
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is T => (allowed as readonly string[]).includes(v));

/**
 * Referrals sent to the coaching team: made from the outcome card, moved on by the coaching team
 * from its card, `my referrals` or a logged session, and listed for each person who may see them.
 */
export class ReferralCaseService {
  constructor(private readonly deps: ReferralCaseDependencies) {}

  /** "Send to the coaching team": one case per outcome card, however often it is pressed. */
  async send(turn: FeatureTurn, action: SendAction): Promise<void> {
    const { pcn } = this.deps;
    const practice = pcn.practices.find((p) => p.odsCode === action.practice)?.odsCode;
    if (!practice || !pcn.referralLoop.routes.includes(action.route)) {
      await turn.send(OLD_BUTTON);
      return;
    }
    const referrerId = turn.caller.userId || turn.caller.accountId.toLowerCase();
    let made: { referralCase: ReferralCase; isNew: boolean } | undefined;
    try {
      made = await this.findOrCreate({
        pcn: this.deps.pcnKey,
        tenantId: turn.caller.tenantId,
        sendKey: action.sendKey,
        practice,
        route: action.route,
        reasons: listOf(action.reasons, REASON_CODES),
        whatMatters: listOf(action.whatMatters, NEEDS),
        referrerId,
      });
    } catch {
      // Storage down: nothing was written (one create), and the GP is told so.
      this.deps.logger.warn('referral_case_not_sent', { stage: 'store' });
    }
    if (!made) {
      await turn.send(NOTHING_SENT);
      return;
    }
    const { referralCase, isNew } = made;
    await turn.send({
      attachments: [renderReferralSentCard(referralSentCardData(referralCase, pcn))],
    });
    if (!isNew) {
      return;
    }
    const reached = await this.tellTheTeam(referralCase);
    if (!reached) {
      await turn.send(
        `The referral is kept, but I couldn't message the coaching team in Teams just now. If nobody accepts ${referralCase.reference} within ${this.deps.unansweredWorkingDays} working days, your PCN lead is shown it.`,
      );
    }
  }

  /** A coach or lead presses a button on a case card. */
  async step(
    turn: FeatureTurn,
    verb: StepVerb,
    action: { reference: string; reason?: string; outcome?: string },
  ): Promise<void> {
    if (!this.isTeam(turn.caller.userId)) {
      await turn.send(NOT_YOURS);
      return;
    }
    const event = this.eventFor(turn, verb, action);
    if (typeof event === 'string') {
      await turn.send(event);
      return;
    }
    const result = await this.apply(action.reference, event);
    if (result.kind === 'not-found') {
      await turn.send(
        `I can't find referral ${action.reference}. It may be past the time referrals are kept.`,
      );
      return;
    }
    const notice =
      result.kind === 'changed'
        ? ''
        : result.kind === 'stale'
          ? `Nothing changed: this referral is already at "${STATE_TEXT[result.referralCase.state]}".`
          : `That step comes later: this referral is at "${STATE_TEXT[result.referralCase.state]}".`;
    await turn.send({ attachments: [this.caseCard(result.referralCase, notice)] });
  }

  /**
   * A logged session linked to a reference: moves an accepted case (or one with first contact
   * made) to "first session held". Called by the session log when a coach gives a reference.
   */
  async recordSessionForReference(reference: string, coachId: string): Promise<SessionLinkResult> {
    if (!this.isTeam(coachId)) {
      return 'refused';
    }
    const result = await this.apply(reference, { kind: 'first-session' });
    switch (result.kind) {
      case 'not-found':
        return 'not-found';
      case 'changed':
        return 'moved';
      case 'stale':
        return 'already';
      case 'refused':
        return 'not-accepted';
    }
  }

  /** `my referrals`: the caller's own referrals; for the team, the open ones; for leads, the unanswered. */
  async mine(turn: FeatureTurn): Promise<void> {
    const { cases, pcnKey, pcn } = this.deps;
    const me = turn.caller.userId;
    const role = this.deps.roles.roleOf(me);
    const sections: MyReferralsCardData['sections'] = [];
    const rows = (list: readonly ReferralCase[]) =>
      [...list]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, LIST_LIMIT)
        .map((c) => myReferralsRow(c, pcn));
    const own = me ? await cases.listForReferrer(pcnKey, me) : [];
    if (role === 'referrer' || own.length > 0) {
      sections.push({
        title: 'Referrals you sent',
        empty: "You haven't sent a referral to the coaching team yet.",
        rows: rows(own),
      });
    }
    const cards: CardAttachment[] = [];
    if (role !== 'referrer') {
      const open = await cases.listOpen(pcnKey);
      const assigned = open.filter((c) => c.assignedTo?.id === me);
      const waiting = open.filter((c) => c.assignedTo === null);
      sections.push(
        {
          title: 'Assigned to you',
          empty: 'No open referrals are assigned to you.',
          rows: rows(assigned),
        },
        {
          title: 'Open and not assigned',
          empty: 'Every open referral has a coach.',
          rows: rows(waiting),
        },
      );
      if (role === 'lead') {
        const now = this.deps.clock.now();
        const days = this.deps.unansweredWorkingDays;
        sections.push({
          title: `Not accepted after ${days} working days`,
          empty: 'None: every referral has been answered in time.',
          rows: rows(open.filter((c) => isUnanswered(c, now, days, this.deps.holidays))),
        });
      }
      // The team moves its referrals on from their cards.
      cards.push(...[...assigned, ...waiting].slice(0, 10).map((c) => this.caseCard(c)));
    }
    await turn.send({ attachments: [renderMyReferralsCard({ sections }), ...cards] });
  }

  private isTeam(aadObjectId: string | undefined): boolean {
    return this.deps.roles.roleOf(aadObjectId) !== 'referrer';
  }

  private caseCard(referralCase: ReferralCase, notice = ''): CardAttachment {
    return renderReferralCaseCard(referralCaseCardData(referralCase, this.deps.pcn, notice));
  }

  private eventFor(
    turn: FeatureTurn,
    verb: StepVerb,
    action: { reason?: string; outcome?: string },
  ): CaseEvent | string {
    switch (verb) {
      case 'referral.accept':
        return { kind: 'accept' };
      case 'referral.assign':
        return { kind: 'assign', to: { id: turn.caller.userId, name: turn.caller.name } };
      case 'referral.firstContact':
        return { kind: 'first-contact' };
      case 'referral.firstSession':
        return { kind: 'first-session' };
      case 'referral.notForCoaching': {
        const reason = NOT_FOR_COACHING_REASONS.find((r) => r === action.reason);
        return reason
          ? { kind: 'not-for-coaching', reason }
          : 'Choose why it is not for coaching, then press Not for coaching again. Nothing has changed.';
      }
      case 'referral.close': {
        const outcome = CASE_OUTCOMES.find((o) => o === action.outcome);
        return outcome
          ? { kind: 'close', outcome }
          : 'Choose how it ended, then press Close again. Nothing has changed.';
      }
    }
  }

  /** Apply an event to the stored case, guarded by its ETag; a lost race reads it again. */
  private async apply(
    reference: string,
    event: CaseEvent,
  ): Promise<
    { kind: 'not-found' } | { kind: 'changed' | 'stale' | 'refused'; referralCase: ReferralCase }
  > {
    const at = this.deps.clock.now().toUTC().toISO() ?? '';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.deps.cases.get(this.deps.pcnKey, reference);
      if (!current) {
        return { kind: 'not-found' };
      }
      const result = applyCaseEvent(current.value, event, at);
      if (result.kind !== 'changed') {
        return { kind: result.kind, referralCase: current.value };
      }
      if (await this.deps.cases.replaceIfUnchanged(current, result.next)) {
        return { kind: 'changed', referralCase: result.next };
      }
    }
    const latest = await this.deps.cases.get(this.deps.pcnKey, reference);
    return latest ? { kind: 'stale', referralCase: latest.value } : { kind: 'not-found' };
  }

  private async findOrCreate(
    fields: Pick<
      ReferralCase,
      | 'pcn'
      | 'tenantId'
      | 'sendKey'
      | 'practice'
      | 'route'
      | 'reasons'
      | 'whatMatters'
      | 'referrerId'
    >,
  ): Promise<{ referralCase: ReferralCase; isNew: boolean } | undefined> {
    const { cases } = this.deps;
    const existing = await cases.findBySendKey(fields.pcn, fields.referrerId, fields.sendKey);
    if (existing) {
      return { referralCase: existing, isNew: false };
    }
    const now = this.deps.clock.now().toUTC().toISO() ?? '';
    for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
      const referralCase: ReferralCase = {
        ...fields,
        reference: newReference(this.deps.random),
        createdAt: now,
        state: 'sent',
        stateAt: now,
        assignedTo: null,
        notForCoachingReason: null,
        outcome: null,
        pendingUpdates: [],
        lastUpdateOn: null,
      };
      if (await cases.create(referralCase)) {
        return { referralCase, isNew: true };
      }
    }
    this.deps.logger.warn('referral_reference_space_full', { draws: MAX_DRAWS });
    return undefined;
  }

  /** The new case's card to the team's channel, or else to each coach of the practice. */
  private async tellTheTeam(referralCase: ReferralCase): Promise<boolean> {
    const messages = [{ attachments: [this.caseCard(referralCase)] }];
    const channel = this.deps.pcn.referralLoop.coachingTeamChannel;
    const outcome = async (send: () => Promise<'sent' | 'unreachable'>): Promise<boolean> => {
      try {
        return (await send()) === 'sent';
      } catch {
        return false;
      }
    };
    if (channel) {
      const sent = await outcome(() =>
        this.deps.teamConversation.send(referralCase.tenantId, channel, messages),
      );
      if (sent) {
        return true;
      }
      this.deps.logger.warn('referral_team_channel_unreachable', {
        reference: referralCase.reference,
      });
    }
    const coaches = await this.deps.coachesForReferral(referralCase.practice).catch(() => []);
    let reached = 0;
    for (const coach of coaches) {
      if (
        await outcome(() =>
          this.deps.personalChat.send(referralCase.tenantId, coach.aadObjectId, messages),
        )
      ) {
        reached += 1;
      }
    }
    this.deps.logger.info('referral_sent_to_team', {
      coaches: coaches.length,
      reached,
    });
    return reached > 0;
  }
}
